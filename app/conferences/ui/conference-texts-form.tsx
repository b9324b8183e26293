import { useTranslation } from "../../i18n/translate";
import { ActionForm } from "../../components/action-form";
import type { ConferenceView } from "../conferences.server";
import { ConferenceTextFields, storedTexts } from "./conference-text-fields";

/**
 * The team changes the conference's title and description and gives them in the languages the
 * conference offers (decision 046): translations often arrive after the conference was set up.
 */
export function ConferenceTextsForm({ conference }: { conference: ConferenceView }) {
  const { t } = useTranslation();
  const stored = storedTexts(conference);
  return (
    <section aria-labelledby="conference-texts-title">
      <h2 id="conference-texts-title">{t("conferences:texts.heading")}</h2>
      <ActionForm formId="conference-texts" intent="texts" className="stack-form">
        {({ describe, fieldError, error, done, sent, sentText }) => (
          <>
            <ConferenceTextFields
              idPrefix="conference-texts"
              languages={conference.languages}
              values={sent ? sentText : stored}
              form={{ describe, fieldError, error }}
            />
            <div className="actions">
              <button type="submit" className="button">
                {t("conferences:texts.save")}
              </button>
              <span role="status" className="form-status">
                {done ? t("conferences:texts.saved") : ""}
              </span>
            </div>
          </>
        )}
      </ActionForm>
    </section>
  );
}

import { useTranslation } from "../../i18n/translate";
import { questionMax } from "../limits";
import { inLanguage } from "../../i18n/parts";
import { ActionForm } from "../../components/action-form";
import type { PickerCatalogue } from "./catalogue-picker";
import { TranslationFields } from "../../components/translation-fields";
import { NoteFields } from "./note-fields";

/**
 * Puts chosen measures up for ranking as one agenda item: the room's question and two or more
 * measures of the list the filters found, ranked on the phones in the order they are listed here.
 * Checkboxes in a fieldset, so it works without JavaScript and reads as one group.
 */
export function RankingPicker({ catalogue, languages }: { catalogue: PickerCatalogue; languages: string[] }) {
  const { t } = useTranslation();
  const content = inLanguage(catalogue.language);
  return (
    <section aria-labelledby="add-ranking-title">
      <h3 id="add-ranking-title">{t("conferences:picker.rankingHeading")}</h3>
      <ActionForm formId="add-ranking" intent="addRanking" resetOnSuccess>
        {({ fieldError, describe, error }) => (
          <>
            <div className="field">
              <label htmlFor="add-ranking-question">{t("conferences:picker.rankingQuestionLabel")}</label>
              <input
                id="add-ranking-question"
                name="question"
                required
                maxLength={questionMax}
                placeholder={t("conferences:picker.rankingQuestionPlaceholder")}
                {...describe("entries.0.question")}
              />
              {fieldError("entries.0.question")}
            </div>
            <TranslationFields
              idPrefix="add-ranking-question"
              languages={languages}
              name="question"
              field="entries.0.questionTranslations"
              legend={t("conferences:picker.questionTranslations")}
              max={questionMax}
              form={{ describe, fieldError }}
            />
            <fieldset className="measure-picker" aria-describedby={describe("entries.0.measureCodes", "add-ranking-hint")["aria-describedby"]}>
              <legend>{t("conferences:picker.rankingMeasures")}</legend>
              <p id="add-ranking-hint" className="hint">
                {t("conferences:picker.rankingHint")}
              </p>
              <ul className="choice-list">
                {catalogue.measures.map((m) => (
                  <li key={m.code}>
                    <label className="choice">
                      <input type="checkbox" name="rankingCode" value={m.code} />
                      <span className="item-code">{m.code}</span> <span {...content}>{m.title}</span>
                    </label>
                  </li>
                ))}
              </ul>
              {fieldError("entries.0.measureCodes")}
            </fieldset>
            <NoteFields idPrefix="add-ranking" languages={languages} form={{ describe, fieldError, error }} />
            <div className="actions">
              <button type="submit" className="button">
                {t("conferences:picker.addRanking")}
              </button>
            </div>
          </>
        )}
      </ActionForm>
    </section>
  );
}

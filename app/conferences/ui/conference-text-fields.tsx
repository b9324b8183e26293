import { useTranslation } from "../../i18n/translate";
import type { FormState } from "../../components/action-form";
import { TranslationFields } from "../../components/translation-fields";
import { conferenceDescriptionMax, conferenceTitleMax } from "../limits";
import type { ConferenceTexts } from "../conferences.server";

type Props = {
  /** The form's id, so each field's id is unique on the page. */
  idPrefix: string;
  /** The languages a translation may be given in (German is the title itself). */
  languages: readonly string[];
  /** The stored texts, or what a refused form sent. */
  values: (field: string) => string | undefined;
  form: Pick<FormState, "describe" | "fieldError" | "error">;
};

/**
 * A conference's title and description in German, and both again per language, folded away: the
 * create form and the team's edit form share them (decision 046). A refused form opens the fold.
 */
export function ConferenceTextFields({ idPrefix, languages, values, form }: Props) {
  const { t } = useTranslation();
  const { describe, fieldError } = form;
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-title`}>{t("conferences:create.title")}</label>
        <input id={`${idPrefix}-title`} name="title" required maxLength={conferenceTitleMax} defaultValue={values("title")} {...describe("title")} />
        {fieldError("title")}
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-description`}>{t("conferences:create.description")}</label>
        <textarea
          id={`${idPrefix}-description`}
          name="description"
          rows={4}
          maxLength={conferenceDescriptionMax}
          defaultValue={values("description")}
          {...describe("description", `${idPrefix}-description-hint`)}
        />
        <span id={`${idPrefix}-description-hint`} className="hint">
          {t("conferences:create.descriptionHint")}
        </span>
        {fieldError("description")}
      </div>
      <details className="conference-translations" open={Boolean(form.error)}>
        <summary>{t("conferences:create.translationsSummary")}</summary>
        <p className="hint">{t("conferences:create.translationsHint")}</p>
        <TranslationFields
          idPrefix={`${idPrefix}-title`}
          languages={languages}
          name="title"
          field="titleTranslations"
          legend={t("conferences:create.titleTranslations")}
          max={conferenceTitleMax}
          values={(language) => values(`title.${language}`)}
          form={form}
        />
        <TranslationFields
          idPrefix={`${idPrefix}-description`}
          languages={languages}
          name="description"
          field="descriptionTranslations"
          legend={t("conferences:create.descriptionTranslations")}
          max={conferenceDescriptionMax}
          multiline
          values={(language) => values(`description.${language}`)}
          form={form}
        />
      </details>
    </>
  );
}

/** The stored texts as the fields name them: `title`, `description`, `title.<language>`, `description.<language>`. */
export function storedTexts(conference: ConferenceTexts): (field: string) => string | undefined {
  return (field) => {
    const [name, language] = field.split(".") as ["title" | "description", string | undefined];
    if (!language) return conference[name] ?? undefined;
    return (name === "title" ? conference.titleTranslations : conference.descriptionTranslations)[language];
  };
}

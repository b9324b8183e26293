import { fallbackLanguage } from "../../i18n/config";
import { inLanguage } from "../../i18n/parts";
import { LanguageLabel } from "../../i18n/language-name";
import { useTranslation } from "../../i18n/translate";
import type { FormState } from "../../components/action-form";
import { questionMax } from "../limits";

type Props = {
  /** The form's id, so each field's id is unique on the page. */
  idPrefix: string;
  /** The conference's languages; German is the question itself. */
  languages: string[];
  form: Pick<FormState, "describe" | "fieldError">;
};

/**
 * The question once more per language the conference offers, each optional: a phone shows the
 * one in its language, else the German, marked (docs/decisions/039). Each field is written in its
 * own language and direction.
 */
export function QuestionTranslations({ idPrefix, languages, form }: Props) {
  const { t } = useTranslation();
  const others = languages.filter((language) => language !== fallbackLanguage);
  if (others.length === 0) return null;
  return (
    <fieldset className="translation-fields">
      <legend>{t("conferences:picker.questionTranslations")}</legend>
      {others.map((language) => {
        const field = `entries.0.questionTranslations.${language}`;
        return (
          <div className="field" key={language}>
            <label htmlFor={`${idPrefix}-${language}`}>
              <LanguageLabel code={language} />
            </label>
            <input
              id={`${idPrefix}-${language}`}
              name={`question.${language}`}
              maxLength={questionMax}
              {...inLanguage(language)}
              {...form.describe(field)}
            />
            {form.fieldError(field)}
          </div>
        );
      })}
    </fieldset>
  );
}

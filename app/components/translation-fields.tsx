import { fallbackLanguage } from "../i18n/config";
import { inLanguage } from "../i18n/parts";
import { LanguageLabel } from "../i18n/language-name";
import type { ReactNode } from "react";
import type { FormState } from "./action-form";

type Props = {
  /** The form's id and the text's, so each field's id is unique on the page. */
  idPrefix: string;
  /** The languages to offer a field for; German is the original itself. */
  languages: readonly string[];
  /** The inputs' names are `<name>.<language>` (read by i18n/content's translationsFromFields). */
  name: string;
  /** Where the domain function reports a language's error: `<field>.<language>`. */
  field: string;
  legend: ReactNode;
  max: number;
  multiline?: boolean;
  /** What a refused form sent or the stored translations, to fill the fields in again. */
  values?: (language: string) => string | undefined;
  form: Pick<FormState, "describe" | "fieldError">;
};

/**
 * A moderator's text once more per language besides German, each optional: readers see the one
 * in their language, else the German, marked (decisions 039 and 046). Each field is written in
 * its own language and direction.
 */
export function TranslationFields({ idPrefix, languages, name, field, legend, max, multiline = false, values, form }: Props) {
  const others = languages.filter((language) => language !== fallbackLanguage);
  if (others.length === 0) return null;
  return (
    <fieldset className="translation-fields">
      <legend>{legend}</legend>
      {others.map((language) => {
        const id = `${idPrefix}-${language}`;
        const props = {
          id,
          name: `${name}.${language}`,
          maxLength: max,
          defaultValue: values?.(language),
          ...inLanguage(language),
          ...form.describe(`${field}.${language}`),
        };
        return (
          <div className="field" key={language}>
            <label htmlFor={id}>
              <LanguageLabel code={language} />
            </label>
            {multiline ? <textarea rows={3} {...props} /> : <input {...props} />}
            {form.fieldError(`${field}.${language}`)}
          </div>
        );
      })}
    </fieldset>
  );
}


import { useTranslation } from "../../i18n/translate";
import type { FormState } from "../../components/action-form";
import { TranslationFields } from "../../components/translation-fields";
import { noteMax } from "../limits";

type Props = {
  /** The form's id, so each field's id is unique on the page. */
  idPrefix: string;
  /** The conference's languages: the note may be given in each (docs/decisions/046). */
  languages: string[];
  form: Pick<FormState, "describe" | "fieldError" | "error">;
};

/**
 * An optional note the room reads under the item's heading, in German and the conference's other
 * languages. Folded away, as most items need none; a refused form opens it.
 */
export function NoteFields({ idPrefix, languages, form }: Props) {
  const { t } = useTranslation();
  return (
    <details className="note-fields" open={Boolean(form.error)}>
      <summary>{t("conferences:picker.noteSummary")}</summary>
      <div className="field">
        <label htmlFor={`${idPrefix}-note`}>{t("conferences:picker.noteLabel")}</label>
        <textarea id={`${idPrefix}-note`} name="note" rows={2} maxLength={noteMax} {...form.describe("entries.0.note", `${idPrefix}-note-hint`)} />
        <span id={`${idPrefix}-note-hint`} className="hint">
          {t("conferences:picker.noteHint")}
        </span>
        {form.fieldError("entries.0.note")}
      </div>
      <TranslationFields
        idPrefix={`${idPrefix}-note`}
        languages={languages}
        name="note"
        field="entries.0.noteTranslations"
        legend={t("conferences:picker.noteTranslations")}
        max={noteMax}
        multiline
        form={form}
      />
    </details>
  );
}

import { useTranslation } from "../../i18n/translate";
import { ActionForm } from "../../components/action-form";
import { LanguageLabel } from "../../i18n/language-name";

/**
 * The console's choice of the projector wall's second language, beside the room's main one
 * (decision 042): kept on the session, so every projector shows it, also one opened later.
 */
export function WallLanguageForm({ languages, current }: { languages: string[]; current: string | null }) {
  const { t } = useTranslation();
  const [main, ...others] = languages;
  if (!main || others.length === 0) return null;
  return (
    <ActionForm formId="wall-language" intent="wallLanguage" className="wall-language-form">
      {(form) => (
        <div className="field">
          <label htmlFor="wall-language">{t("conferences:mediation.wallLanguage")}</label>
          <span id="wall-language-hint" className="hint">
            {t("conferences:mediation.wallLanguageHint")} <LanguageLabel code={main} />
          </span>
          <div className="actions">
            <select id="wall-language" name="language" defaultValue={current ?? ""} data-current={current ?? ""} {...form.describe("language", "wall-language-hint")}>
              <option value="">{t("conferences:mediation.wallLanguageNone")}</option>
              {others.map((code) => (
                <option key={code} value={code}>
                  {t(`conferences:language.${code}`)}
                </option>
              ))}
            </select>
            <button type="submit" className="button button--secondary" disabled={form.busy}>
              {t("conferences:mediation.wallLanguageSubmit")}
            </button>
          </div>
          {form.fieldError("language")}
        </div>
      )}
    </ActionForm>
  );
}

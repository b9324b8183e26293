import { useTranslation } from "../../i18n/translate";
import { ActionForm } from "../../components/action-form";

/** Closing freezes every result, so it takes a second, deliberate step; it works without JavaScript too. */
export function CloseSession() {
  const { t } = useTranslation();
  return (
    <details className="close-session">
      <summary>{t("conferences:close.summary")}</summary>
      <p>{t("conferences:close.explain")}</p>
      <ActionForm formId="close" intent="close">
        {({ describe, fieldError, busy }) => (
          <>
            <label className="choice">
              <input type="checkbox" name="confirm" value="yes" required {...describe("confirm")} />
              {t("conferences:close.confirm")}
            </label>
            {fieldError("confirm")}
            <div className="actions">
              <button type="submit" className="button button--danger" disabled={busy}>
                {t("conferences:close.submit")}
              </button>
            </div>
            {/* Freezing takes well under a second; the moderator still hears that it runs, not a dead button. */}
            <p role="status">{busy ? t("conferences:close.busy") : null}</p>
          </>
        )}
      </ActionForm>
    </details>
  );
}

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
        {({ describe, fieldError }) => (
          <>
            <label className="choice">
              <input type="checkbox" name="confirm" value="yes" required {...describe("confirm")} />
              {t("conferences:close.confirm")}
            </label>
            {fieldError("confirm")}
            <div className="actions">
              <button type="submit" className="button button--danger">
                {t("conferences:close.submit")}
              </button>
            </div>
          </>
        )}
      </ActionForm>
    </details>
  );
}

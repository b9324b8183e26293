import { useTranslation } from "../../i18n/translate";

/**
 * Shown where the join link is made from localhost: the projected QR code would send every phone
 * to itself. Says how to fix it while there is still time before the room fills.
 */
export function LocalLinkWarning() {
  const { t } = useTranslation();
  return (
    <div className="notice notice--warning local-link-warning">
      <p>
        <strong>{t("conferences:join.localTitle")}</strong> {t("conferences:join.localText")}
      </p>
    </div>
  );
}

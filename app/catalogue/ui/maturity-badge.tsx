import { useTranslation } from "../../i18n/translate";

export function MaturityBadge({ maturity }: { maturity: "A" | "B" | "C" | null }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--${maturity ?? "none"}`}>
      <span className="visually-hidden">{t("catalogue:maturity.label")}: </span>
      {maturity ? t(`catalogue:maturity.${maturity}`) : t("catalogue:maturity.none")}
    </span>
  );
}

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

/** The choices of a Reifegrad select: none, then A, B and C with their names. */
export function MaturityOptions() {
  const { t } = useTranslation();
  return (
    <>
      <option value="">{t("catalogue:maturity.none")}</option>
      {(["A", "B", "C"] as const).map((level) => (
        <option key={level} value={level}>
          {t(`catalogue:maturity.${level}`)}
        </option>
      ))}
    </>
  );
}

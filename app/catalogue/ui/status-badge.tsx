import { useTranslation } from "../../i18n/translate";
import type { IndicatorStatus } from "../indicator-status";

/** A symbol beside each word, so the status never rests on colour alone (WCAG 1.4.1). */
const symbols: Record<IndicatorStatus | "met", string> = { met: "✓", onTrack: "↗", behind: "!", noData: "–", notJudged: "○" };

/** How an indicator stands (docs/decisions/043), as words with a symbol and a colour. */
export function StatusBadge({ status, met }: { status: IndicatorStatus; met: boolean }) {
  const { t } = useTranslation();
  const shown = met ? "met" : status;
  return (
    <span className={`status-badge status-badge--${shown}`}>
      <span aria-hidden="true">{symbols[shown]}</span> {t(`progress:status.${shown}`)}
    </span>
  );
}

import { useTranslation } from "../../i18n/translate";
import { inLanguage } from "../../i18n/parts";
import { DataTable } from "../../components/data-table";
import { criterionLabel } from "../../live/ui/criteria";
import { formatNumber, formatShare } from "../../i18n/numbers";
import type { Breakdown } from "../breakdowns.server";
import type { MeasureStanding } from "../plan.server";
import { byCriterion } from "../criteria-order";
import { LanguageLabel } from "../../i18n/language-name";
import { GroupLabel } from "../../live/ui/group-label";

type Props = { standings: MeasureStanding[]; minGroupSize: number; contentLanguage: string };

/** A cell's key as a reader knows it: a group's name, a district from the conference's list, a language in itself. */
function CellKey({ breakdown, cellKey }: { breakdown: Breakdown; cellKey: string | null }) {
  const { t } = useTranslation();
  if (cellKey === null) return <>{t("results:plan.notStated")}</>;
  if (breakdown.dimension === "group") return <GroupLabel group={cellKey} />;
  if (breakdown.dimension === "language") return <LanguageLabel code={cellKey} />;
  return <span {...inLanguage("de")}>{cellKey}</span>;
}

/**
 * Each discussed measure's figures split by one dimension. A suppressed cell shows neither its
 * size nor its figures, only that it is too small (or hidden so that a small one cannot be
 * worked out from the others).
 */
export function BreakdownTables({ standings, minGroupSize, contentLanguage }: Props) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const withBreakdowns = standings.filter((s) => s.breakdowns.length > 0);
  if (withBreakdowns.length === 0) return <p className="muted">{t("results:plan.noBreakdowns")}</p>;
  const what = (b: Breakdown) =>
    b.kind === "dots"
      ? t("results:plan.kind.dots")
      : b.kind === "scale"
      ? t("results:plan.kind.scale")
      : criterionLabel(t, b.criterion ?? "");
  return (
    <>
      {withBreakdowns.map((s) => (
        <section key={s.measure.id} aria-labelledby={`breakdown-${s.measure.id}`} className="breakdown">
          <h3 id={`breakdown-${s.measure.id}`}>
            <span dir="ltr">{s.measure.code}</span> <span {...inLanguage(contentLanguage)}>{s.measure.title}</span>
          </h3>
          {byCriterion(s.breakdowns, (b) => b.criterion).map((b) => (
            <DataTable key={`${b.kind}-${b.criterion}`} caption={t(`results:plan.breakdownCaption.${b.dimension}`, { what: what(b) })}>
              <thead>
                <tr>
                  <th scope="col">{t(`results:plan.dimension.${b.dimension}`)}</th>
                  <th scope="col">{t("results:plan.participants")}</th>
                  <th scope="col">{b.kind === "dots" ? t("results:plan.dots") : t("live:results.mean")}</th>
                  {b.kind === "scale" && <th scope="col">{t("live:results.atLeast7")}</th>}
                </tr>
              </thead>
              <tbody>
                {b.cells.map((cell) => (
                  <tr key={cell.suppressed ? "suppressed" : (cell.key ?? "")}>
                    <th scope="row">{cell.suppressed ? t("results:plan.others") : <CellKey breakdown={b} cellKey={cell.key} />}</th>
                    {cell.suppressed ? (
                      <td colSpan={b.kind === "scale" ? 3 : 2} className="suppressed">
                        {t("results:plan.suppressed", { count: minGroupSize })}
                      </td>
                    ) : (
                      <>
                        <td>{cell.participants}</td>
                        <td>{formatNumber(cell.value, lng)}</td>
                        {b.kind === "scale" && <td>{cell.shareAtLeast7 === null ? "–" : formatShare(cell.shareAtLeast7, lng)}</td>}
                      </>
                    )}
                  </tr>
                ))}
              </tbody>
            </DataTable>
          ))}
        </section>
      ))}
    </>
  );
}

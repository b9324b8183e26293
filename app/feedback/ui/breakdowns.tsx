import type { TFunction } from "../../i18n/translate";
import { useTranslation } from "../../i18n/translate";
import { criterionText, type CriterionTranslations } from "../../live/ui/criteria";
import { formatNumber, formatShare } from "../../i18n/numbers";
import type { Breakdown, Dimension } from "../../results/breakdowns.server";

/** A segment's name: groups and languages translated, districts as the conference's list names them. */
export function segmentLabel(t: TFunction, dimension: Dimension, key: string | null): string {
  if (key === null) return t("feedback:breakdown.notStated");
  if (dimension === "group") return t(`live:group.${key}`, { defaultValue: key });
  if (dimension === "language") return t(`conferences:language.${key}`, { defaultValue: key });
  return key;
}

/** Why some rows say "not shown": the minimum group size, and the one more group left out to protect it. */
export function SuppressionNote({ minGroupSize }: { minGroupSize: number }) {
  const { t } = useTranslation();
  return <p className="breakdown-note">{t("feedback:breakdown.note", { minimum: minGroupSize })}</p>;
}

type Figure = { kind: Breakdown["kind"]; criterion: string | null; parts: Breakdown[] };

/** One table per figure (dots, each criterion, the scale), a row group per dimension, in loadBreakdowns' order. */
function figuresOf(breakdowns: Breakdown[]): Figure[] {
  const figures = new Map<string, Figure>();
  for (const b of breakdowns) {
    const id = `${b.kind}:${b.criterion ?? ""}`;
    const figure = figures.get(id) ?? { kind: b.kind, criterion: b.criterion, parts: [] };
    figure.parts.push(b);
    figures.set(id, figure);
  }
  return [...figures.values()];
}

/**
 * An agenda item's results by participant group, district and language. Groups smaller than the
 * minimum are never shown (app/results/privacy.ts): their row says so instead of a number.
 */
export function BreakdownTables({
  breakdowns,
  minGroupSize,
  criterionTranslations,
}: {
  breakdowns: Breakdown[];
  minGroupSize: number;
  criterionTranslations?: CriterionTranslations;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    <>
      {figuresOf(breakdowns).map(({ kind, criterion, parts }) => {
        const caption =
          kind === "dots"
            ? t("feedback:breakdown.dots")
            : kind === "scale"
            ? t("feedback:breakdown.scale")
            : t("feedback:breakdown.rating", { criterion: criterionText(t, criterion ?? "", criterionTranslations, lng).text });
        const columns = kind === "scale" ? 4 : 3;
        return (
          <table key={`${kind}:${criterion ?? ""}`} className="data-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t("feedback:breakdown.segment")}</th>
                <th scope="col">{t("feedback:breakdown.participants")}</th>
                <th scope="col">{kind === "dots" ? t("feedback:breakdown.dotsValue") : t("feedback:breakdown.mean")}</th>
                {kind === "scale" && <th scope="col">{t("live:results.atLeast7")}</th>}
              </tr>
            </thead>
            {parts.map((part) => (
              <tbody key={part.dimension}>
                <tr>
                  <th scope="colgroup" colSpan={columns} className="data-table__group">
                    {t(`feedback:breakdown.dimension.${part.dimension}`)}
                  </th>
                </tr>
                {part.cells.map((cell) => (
                  <tr key={cell.suppressed ? "suppressed" : (cell.key ?? "")}>
                    <th scope="row">{cell.suppressed ? t("feedback:breakdown.others") : segmentLabel(t, part.dimension, cell.key)}</th>
                    {cell.suppressed ? (
                      <td colSpan={columns - 1}>{t("feedback:breakdown.suppressed")}</td>
                    ) : (
                      <>
                        <td>{cell.participants}</td>
                        <td>{formatNumber(cell.value, lng)}</td>
                        {kind === "scale" && <td>{cell.shareAtLeast7 === null ? "–" : formatShare(cell.shareAtLeast7, lng)}</td>}
                      </>
                    )}
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        );
      })}
      <SuppressionNote minGroupSize={minGroupSize} />
    </>
  );
}

import { Link } from "@remix-run/react";
import { useTranslation } from "../../i18n/translate";
import { BarChart } from "../../components/bar-chart";
import { inLanguage } from "../../i18n/parts";
import { DataTable } from "../../components/data-table";
import { criterionLabel } from "../../live/ui/criteria";
import { formatNumber, formatShare } from "../../i18n/numbers";
import { byCriterion } from "../criteria-order";
import type { ClusterStanding, MeasureStanding, ScaleFigures } from "../plan.server";

/** Measures with anything to show: on an agenda, or ranked within a cluster. */
export const discussed = (s: MeasureStanding) => s.agendaItems > 0 || s.ranking !== null;

const chartSize = 12;

function useFigures() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const number = (value: number | null | undefined) => (value === null || value === undefined ? "–" : formatNumber(value, lng));
  const scale = (s: ScaleFigures | null) =>
    s
      ? `${number(s.mean)} (${t("results:plan.atLeast7Short", {
          share: s.shareAtLeast7 === null ? "–" : formatShare(s.shareAtLeast7, lng),
        })})`
      : "–";
  return { t, lng, number, scale };
}

/** Measures ranked across every conference of the plan: the top ones as a chart, all in a table. */
export function MeasureStandings({
  measures,
  planSlug,
  contentLanguage,
}: {
  measures: MeasureStanding[];
  planSlug: string;
  contentLanguage: string;
}) {
  const { t, lng, number, scale } = useFigures();
  const content = inLanguage(contentLanguage);
  const withDots = measures.filter((s) => s.dots.total > 0).slice(0, chartSize);
  const rated = measures.filter((s) => s.rating.length > 0);
  return (
    <>
      {withDots.length > 0 && (
        <BarChart
          title={t("results:plan.measureChart", { count: withDots.length })}
          labelHeader={t("results:plan.measure")}
          valueHeader={t("results:plan.dotShare")}
          max={Math.max(...withDots.map((s) => s.dots.share))}
          bars={withDots.map((s) => ({
            key: s.measure.code,
            label: `${s.measure.code} ${s.measure.title}`,
            lang: contentLanguage,
            value: s.dots.share,
            valueText: formatShare(s.dots.share, lng),
          }))}
        />
      )}
      <DataTable caption={t("results:plan.measureTable")}>
        <thead>
          <tr>
            <th scope="col">{t("results:plan.rank")}</th>
            <th scope="col">{t("results:plan.measure")}</th>
            <th scope="col">{t("results:plan.cluster")}</th>
            <th scope="col">{t("results:plan.participants")}</th>
            <th scope="col">{t("results:plan.dots")}</th>
            <th scope="col">{t("results:plan.scale")}</th>
            <th scope="col">{t("results:plan.rankingPoints")}</th>
            <th scope="col">{t("results:plan.comments")}</th>
          </tr>
        </thead>
        <tbody>
          {measures.map((s) => (
            <tr key={s.measure.id}>
              <td>{s.rank}</td>
              <th scope="row">
                <Link to={`/plans/${planSlug}/measures/${encodeURIComponent(s.measure.code)}`}>
                  <span dir="ltr">{s.measure.code}</span> <span {...content}>{s.measure.title}</span>
                </Link>
              </th>
              <td {...content}>{s.measure.clusterTitle ?? "–"}</td>
              <td>{s.participants}</td>
              <td>{t("results:plan.dotsCell", { total: s.dots.total, share: formatShare(s.dots.share, lng) })}</td>
              <td>{scale(s.scale)}</td>
              <td>{s.ranking ? t("results:plan.rankingCell", { points: s.ranking.points, first: s.ranking.firstPlaces }) : "–"}</td>
              <td>{s.comments}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      {rated.length > 0 && (
        <DataTable caption={t("results:plan.ratingTable")}>
          <thead>
            <tr>
              <th scope="col">{t("results:plan.measure")}</th>
              <th scope="col">{t("results:plan.criterion")}</th>
              <th scope="col">{t("live:results.mean")}</th>
              <th scope="col">{t("live:results.median")}</th>
              <th scope="col">{t("live:results.answers")}</th>
              <th scope="col">{t("results:plan.consensus")}</th>
            </tr>
          </thead>
          <tbody>
            {rated.flatMap((s) =>
              byCriterion(s.rating, (r) => r.criterion).map((r) => (
                <tr key={`${s.measure.id}-${r.criterion}-${r.max}`}>
                  <th scope="row" dir="ltr">
                    {s.measure.code}
                  </th>
                  <td>{`${criterionLabel(t, r.criterion)} (1–${r.max})`}</td>
                  <td>{number(r.summary.mean)}</td>
                  <td>{number(r.summary.median)}</td>
                  <td>{r.summary.count}</td>
                  <td>
                    {r.consensus ? t(`results:plan.consensusLevel.${r.consensus.level}`, { value: number(r.consensus.value) }) : "–"}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </DataTable>
      )}
    </>
  );
}

/** A focus theme something happened on: an agenda item, dots, answers or comments. */
export const withResults = (c: ClusterStanding) => c.agendaItems > 0 || c.dots.total > 0 || c.comments > 0 || c.scale !== null;

/** Focus themes ranked by the dots their measures (and they themselves) drew. */
export function ClusterStandings({ clusters, contentLanguage }: { clusters: ClusterStanding[]; contentLanguage: string }) {
  const { t, lng, scale } = useFigures();
  const content = inLanguage(contentLanguage);
  const withDots = clusters.filter((c) => c.dots.total > 0);
  return (
    <>
      {withDots.length > 0 && (
        <BarChart
          title={t("results:plan.clusterChart")}
          labelHeader={t("results:plan.cluster")}
          valueHeader={t("results:plan.dotShare")}
          max={Math.max(...withDots.map((c) => c.dots.share))}
          bars={withDots.map((c) => ({
            key: c.cluster.key,
            label: c.cluster.title,
            lang: contentLanguage,
            value: c.dots.share,
            valueText: formatShare(c.dots.share, lng),
          }))}
        />
      )}
      <DataTable caption={t("results:plan.clusterTable")}>
        <thead>
          <tr>
            <th scope="col">{t("results:plan.rank")}</th>
            <th scope="col">{t("results:plan.cluster")}</th>
            <th scope="col">{t("results:plan.measures")}</th>
            <th scope="col">{t("results:plan.agendaItems")}</th>
            <th scope="col">{t("results:plan.dots")}</th>
            <th scope="col">{t("results:plan.scale")}</th>
            <th scope="col">{t("results:plan.comments")}</th>
          </tr>
        </thead>
        <tbody>
          {clusters.map((c) => (
            <tr key={c.cluster.id}>
              <td>{c.rank}</td>
              <th scope="row" {...content}>
                {c.cluster.title}
              </th>
              <td>{c.measures}</td>
              <td>{c.agendaItems}</td>
              <td>{t("results:plan.dotsCell", { total: c.dots.total, share: formatShare(c.dots.share, lng) })}</td>
              <td>{scale(c.scale)}</td>
              <td>{c.comments}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </>
  );
}

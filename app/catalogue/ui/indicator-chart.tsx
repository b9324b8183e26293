import { useId, type ReactNode } from "react";
import { DataTable } from "../../components/data-table";
import { formatDate } from "../../i18n/format";
import { formatNumber } from "../../i18n/numbers";
import { inLanguage } from "../../i18n/parts";
import { useTranslation } from "../../i18n/translate";
import { parseTarget, readValue } from "../indicator-status";
import type { IndicatorProgress } from "../progress.server";
import { StatusBadge } from "./status-badge";

type Props = {
  indicator: IndicatorProgress;
  /** The language the catalogue's texts (indicator, target, values) are written in. */
  contentLanguage: string;
  /** Where a value came from, when it is a live session's result: shown in the table's last column. */
  sourceOf?: (valueId: string) => ReactNode;
  headingLevel?: 3 | 4;
};

const height = 220;
const top = 28;
const bottom = 184;
/** Percent of the width kept free at the start (the axis figures) and the end (the last label). */
const [startGap, endGap] = [12, 10];

const day = (isoDay: string) => Date.parse(`${isoDay}T00:00:00Z`);

/**
 * An indicator's values over time against its target (a dashed line) and due date (a dotted
 * one), as plain SVG rendered on the server, with the values in a visible table beneath: the
 * table is the accessible alternative and what a printout keeps. Horizontal positions are
 * percentages, so the chart fits a phone and a page; right to left, time runs from the right.
 */
export function IndicatorChart({ indicator, contentLanguage, sourceOf, headingLevel = 3 }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const rtl = i18n.dir(language) === "rtl";
  const captionId = useId();
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const { judgement } = indicator;
  const target = parseTarget(indicator.targetValue);
  const points = indicator.values.flatMap((v) => {
    const figure = readValue(v.value);
    return figure === null ? [] : [{ ...v, figure }];
  });
  const content = inLanguage(contentLanguage);

  const days = [...points.map((p) => day(p.recordedOn)), ...(indicator.dueDate ? [day(indicator.dueDate)] : [])];
  const [first, last] = [Math.min(...days), Math.max(...days)];
  const span = last - first || 1;
  const x = (isoDay: string) => {
    const share = days.length < 2 || last === first ? 0.5 : (day(isoDay) - first) / span;
    const percent = startGap + share * (100 - startGap - endGap);
    return `${rtl ? 100 - percent : percent}%`;
  };
  const highest = Math.max(...points.map((p) => p.figure), target?.figure ?? 0, 1) * 1.15;
  const y = (figure: number) => bottom - (Math.max(0, figure) / highest) * (bottom - top);
  const axisX = `${rtl ? 100 - startGap + 1 : startGap - 1}%`;
  const labelX = `${rtl ? 100 - startGap + 2 : startGap - 2}%`;
  const summary = [
    t(`progress:status.${judgement.met ? "met" : judgement.status}`),
    ...points.map((p) => `${formatDate(p.recordedOn, language)}: ${p.value}`),
  ].join("; ");

  return (
    <section className="indicator-progress" aria-labelledby={`${captionId}-heading`}>
      <Heading id={`${captionId}-heading`} className="indicator-progress__title">
        {t("progress:indicator.number", { number: indicator.number })} <span {...content}>{indicator.text}</span>
      </Heading>
      <p className="indicator-progress__facts">
        <StatusBadge status={judgement.status} met={judgement.met} />{" "}
        {indicator.targetValue && (
          <>
            {t("progress:indicator.target")} <span {...content}>{indicator.targetValue}</span>
          </>
        )}
        {indicator.dueDate && ` · ${t("progress:indicator.due", { date: formatDate(indicator.dueDate, language) })}`}
      </p>
      <p className="hint">
        {t(`progress:explained.${judgement.met ? "met" : judgement.status}`, {
          value: judgement.latest ? formatNumber(judgement.latest.figure, language) : "",
          expected: judgement.expected !== null ? formatNumber(judgement.expected, language) : "",
        })}
      </p>
      {points.length > 0 && (
        <figure className="indicator-chart">
          <svg role="img" aria-label={`${t("progress:chart.title", { number: indicator.number })}. ${summary}`} width="100%" height={height} className="indicator-chart__picture">
            <line x1={axisX} x2={axisX} y1={top - 8} y2={bottom} className="indicator-chart__axis" />
            <line x1={axisX} x2={rtl ? `${endGap / 2}%` : `${100 - endGap / 2}%`} y1={bottom} y2={bottom} className="indicator-chart__axis" />
            <text x={labelX} y={bottom} textAnchor="end" direction={rtl ? "rtl" : "ltr"} className="indicator-chart__text" fontSize={14}>
              {formatNumber(0, language)}
            </text>
            {target && (
              <g>
                <line x1={axisX} x2={rtl ? `${endGap / 2}%` : `${100 - endGap / 2}%`} y1={y(target.figure)} y2={y(target.figure)} className="indicator-chart__target" />
                <text x={labelX} y={y(target.figure) + 5} textAnchor="end" direction={rtl ? "rtl" : "ltr"} className="indicator-chart__text" fontSize={14}>
                  {formatNumber(target.figure, language)}
                </text>
                <text x={rtl ? `${100 - startGap - 1}%` : `${startGap + 1}%`} y={y(target.figure) - 6} direction={rtl ? "rtl" : "ltr"} className="indicator-chart__text" fontSize={14}>
                  {t("progress:chart.targetLine")}
                </text>
              </g>
            )}
            {indicator.dueDate && (
              <g>
                <line x1={x(indicator.dueDate)} x2={x(indicator.dueDate)} y1={top - 8} y2={bottom} className="indicator-chart__due" />
                <text x={x(indicator.dueDate)} y={height - 12} textAnchor="middle" className="indicator-chart__text" fontSize={14}>
                  {formatDate(indicator.dueDate, language)}
                </text>
              </g>
            )}
            {points.slice(1).map((p, i) => (
              <line key={`line-${p.id}`} x1={x(points[i]!.recordedOn)} x2={x(p.recordedOn)} y1={y(points[i]!.figure)} y2={y(p.figure)} className="indicator-chart__line" />
            ))}
            {points.map((p) => (
              <g key={p.id}>
                <circle cx={x(p.recordedOn)} cy={y(p.figure)} r={6} className="indicator-chart__point" />
                <text x={x(p.recordedOn)} y={y(p.figure) - 12} textAnchor="middle" className="indicator-chart__value" fontSize={14}>
                  {formatNumber(p.figure, language)}
                </text>
              </g>
            ))}
            {points.length > 0 && !indicator.dueDate && (
              <text x={x(points[0]!.recordedOn)} y={height - 12} textAnchor="middle" className="indicator-chart__text" fontSize={14}>
                {formatDate(points[0]!.recordedOn, language)}
              </text>
            )}
            {points.length > 1 && (
              <text x={x(points.at(-1)!.recordedOn)} y={height - 12} textAnchor="middle" className="indicator-chart__text" fontSize={14}>
                {formatDate(points.at(-1)!.recordedOn, language)}
              </text>
            )}
          </svg>
          <figcaption className="hint">{t("progress:chart.legend")}</figcaption>
        </figure>
      )}
      {indicator.values.length === 0 ? (
        <p className="muted">{t("progress:values.none")}</p>
      ) : (
        <DataTable caption={t("progress:values.caption", { number: indicator.number })}>
          <thead>
            <tr>
              <th scope="col">{t("progress:values.day")}</th>
              <th scope="col">{t("progress:values.value")}</th>
              <th scope="col">{t("progress:values.note")}</th>
              {sourceOf && <th scope="col">{t("progress:values.source")}</th>}
            </tr>
          </thead>
          <tbody>
            {indicator.values.map((v) => (
              <tr key={v.id}>
                <th scope="row">{formatDate(v.recordedOn, language)}</th>
                <td {...content}>{v.value}</td>
                <td {...content}>{v.note ?? ""}</td>
                {sourceOf && <td>{sourceOf(v.id)}</td>}
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </section>
  );
}

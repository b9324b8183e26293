import { useId } from "react";
import { inLanguage } from "../i18n/parts";
import { useTranslation } from "../i18n/translate";

export type Bar = {
  key: string;
  /** Already translated, or content shown as is (then give its `lang`). */
  label: string;
  lang?: string;
  value: number;
  /** The value as the reader should see it: "4,2", "40 %", "12". */
  valueText: string;
};

type Props = {
  /** Shown above the chart, and the start of the chart's accessible name. */
  title: string;
  bars: Bar[];
  /** The value of a bar that fills its whole track. */
  max: number;
  /** Column headers of the data table that screen readers get beside the picture. */
  labelHeader: string;
  valueHeader: string;
  /** `large` for the projector: readable from the back of a room. */
  size?: "normal" | "large";
  /**
   * Share of the width (percent) for a label on the bar's own line; 0 puts each label on a line
   * above its bar, which long labels such as measure titles need.
   */
  labelColumn?: number;
};

const sizes = {
  normal: { font: 16, bar: 18, gap: 6, rowGap: 16, labelChars: 44 },
  // Four criteria and the dots chart still fit a 1280×720 projector under a two-line title.
  large: { font: 22, bar: 24, gap: 6, rowGap: 12, labelChars: 60 },
} as const;

/** The part of the width kept free after each track for its value. */
const valueColumn = 18;

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * A horizontal bar chart as plain SVG, so it renders on the server and needs no script. Widths are
 * percentages and text keeps its pixel size, so it fits a 360 px phone and a projector alike;
 * right to left, the bars grow from the right edge.
 */
export function BarChart({ title, bars, max, labelHeader, valueHeader, size = "normal", labelColumn = 0 }: Props) {
  const { i18n } = useTranslation();
  const rtl = i18n.dir(i18n.language) === "rtl";
  const s = sizes[size];
  const titleId = useId();
  const inline = labelColumn > 0;
  const rowHeight = (inline ? Math.max(s.font, s.bar) : s.font + s.gap + s.bar) + s.rowGap;
  const trackStart = inline ? labelColumn : 0;
  const trackWidth = 100 - valueColumn - trackStart;
  // Percent positions measured from the start edge: the left one, or the right one right to left.
  const fromStart = (percent: number, width = 0) => `${rtl ? 100 - percent - width : percent}%`;
  const summary = bars.map((bar) => `${bar.label}: ${bar.valueText}`).join("; ");

  return (
    <figure className={`bar-chart bar-chart--${size}`}>
      <figcaption id={titleId} className="bar-chart__title">
        {title}
      </figcaption>
      <svg
        role="img"
        aria-label={`${title}. ${summary}`}
        width="100%"
        height={bars.length * rowHeight}
        direction={rtl ? "rtl" : "ltr"}
        className={rtl ? "bar-chart__picture bar-chart__picture--rtl" : "bar-chart__picture"}
      >
        {bars.map((bar, index) => {
          const top = index * rowHeight;
          const barTop = inline ? top + Math.max(0, (s.font - s.bar) / 2) : top + s.font + s.gap;
          const textBaseline = top + s.font * 0.85;
          const valueBaseline = inline ? textBaseline : barTop + s.bar * 0.5 + s.font * 0.35;
          const filled = max > 0 ? (Math.min(Math.max(bar.value, 0), max) / max) * trackWidth : 0;
          const label = shorten(bar.label, inline ? 12 : s.labelChars);
          return (
            <g key={bar.key}>
              {/* "start" is the right edge when the direction is rtl, so the label hugs the start edge either way. */}
              <text x={fromStart(0)} y={textBaseline} fontSize={s.font} textAnchor="start" className="bar-chart__label" lang={bar.lang}>
                {label !== bar.label && <title>{bar.label}</title>}
                {label}
              </text>
              <rect x={fromStart(trackStart, trackWidth)} y={barTop} width={`${trackWidth}%`} height={s.bar} className="bar-chart__track" />
              {/* The whole track, scaled: a transform can be animated where a width attribute cannot, so the bar grows. */}
              <rect
                x={fromStart(trackStart, trackWidth)}
                y={barTop}
                width={`${trackWidth}%`}
                height={s.bar}
                className="bar-chart__bar"
                style={{ transform: `scaleX(${filled / trackWidth})` }}
              />
              <text x={fromStart(trackStart + trackWidth + 2)} y={valueBaseline} fontSize={s.font} textAnchor="start" className="bar-chart__value">
                {bar.valueText}
              </text>
            </g>
          );
        })}
      </svg>
      {/* Hidden by its wrapper: a table cannot be made narrower than its text, a div can. */}
      <div className="visually-hidden">
        <table aria-labelledby={titleId}>
          <thead>
            <tr>
              <th scope="col">{labelHeader}</th>
              <th scope="col">{valueHeader}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.key}>
                <th scope="row" {...(bar.lang ? inLanguage(bar.lang) : {})}>
                  {bar.label}
                </th>
                <td>{bar.valueText}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

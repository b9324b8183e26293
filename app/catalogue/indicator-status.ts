/**
 * Whether an indicator is on track (docs/decisions/043). Pure, so the progress overview, the
 * measure page and the implementation report judge alike, and tests check it on fixed figures.
 *
 * A target is judged only when it names one figure with a direction: "≥ 7", "mind. 10",
 * "über 90%", "höchstens 5", or a bare figure ("543", "38 %", "mind. 5.000 pro Monat"), which
 * means "at least". Anything else ("je 3", "mind. 20-50", "170 Integrationen, darunter 110
 * Frauen", "alle zwei Jahre") has no rule: its values are shown, never judged.
 */

export type Target = { direction: "atLeast" | "above" | "atMost" | "below"; figure: number };

export type IndicatorStatus = "onTrack" | "behind" | "noData" | "notJudged";

export type Judgement = {
  status: IndicatorStatus;
  /** The latest readable value reaches the target (then the status is on track). */
  met: boolean;
  /** The figure the latest value had to reach by its day to be on track; null where none applies. */
  expected: number | null;
  /** The latest value read as a number, null when there is none. */
  latest: { recordedOn: string; figure: number } | null;
};

export type RecordedValue = { recordedOn: string; value: string };

const directions: [RegExp, Target["direction"]][] = [
  [/^(?:≥|>=|mindestens|wenigstens|mind\.?|min\.)\s*/i, "atLeast"],
  [/^(?:>|über|mehr als)\s*/i, "above"],
  [/^(?:≤|<=|höchstens|maximal|max\.?)\s*/i, "atMost"],
  [/^(?:<|unter|weniger als)\s*/i, "below"],
];

/**
 * A figure as people write it in German or English: "5.000" (thousands), "7,4" and "7.4"
 * (decimals), "1.000,5". Null for anything else.
 */
export function readFigure(text: string): number | null {
  const t = text.trim();
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(t)) return Number(t.replace(/\./g, "").replace(",", "."));
  if (/^\d+(?:,\d+)?$/.test(t)) return Number(t.replace(",", "."));
  if (/^\d+\.\d+$/.test(t)) return Number(t);
  return null;
}

const figurePattern = /\d[\d.,]*\d|\d/;

/** The one figure in a text, whatever words stand after it ("85 %", "12 Teilnehmende"); null if none or several. */
function soleFigure(text: string): { figure: number; before: string } | null {
  const match = figurePattern.exec(text);
  if (!match) return null;
  const after = text.slice(match.index + match[0].length);
  if (/\d/.test(after)) return null;
  const figure = readFigure(match[0]);
  return figure === null ? null : { figure, before: text.slice(0, match.index) };
}

/** The target's rule, or null when the target is not one figure with a direction. */
export function parseTarget(target: string | null): Target | null {
  if (!target) return null;
  let rest = target.trim();
  let direction: Target["direction"] = "atLeast";
  for (const [prefix, named] of directions) {
    const match = prefix.exec(rest);
    if (match) {
      direction = named;
      rest = rest.slice(match[0].length);
      break;
    }
  }
  const sole = soleFigure(rest);
  // Words before the figure ("je 3", "jeweils 2") change what it means; only a direction may stand there.
  if (!sole || sole.before.trim() !== "") return null;
  return { direction, figure: sole.figure };
}

/** A recorded value as a number: its one figure ("7,4", "85 %"); null for text such as "erledigt". */
export function readValue(value: string): number | null {
  const sole = soleFigure(value);
  return sole && /^[\s≈~]*(?:ca\.\s*)?$/i.test(sole.before) ? sole.figure : null;
}

export function reaches(target: Target, figure: number): boolean {
  switch (target.direction) {
    case "atLeast":
      return figure >= target.figure;
    case "above":
      return figure > target.figure;
    case "atMost":
      return figure <= target.figure;
    case "below":
      return figure < target.figure;
  }
}

const dayNumber = (isoDay: string) => Date.parse(`${isoDay}T00:00:00Z`) / 86_400_000;

/**
 * The rule:
 * - no rule for the target → not judged;
 * - no value readable as a number → no data;
 * - the latest value (by day, then as recorded) reaches the target → on track, met;
 * - else, without a due date, or once the due date has passed (`today` after it) → behind;
 * - else the first value is the baseline: the way from it to the target on the due date is
 *   taken as a straight line, and the latest value is on track when it has come at least as far
 *   as that line by its own day (a single value is its own baseline, so it is on track).
 */
export function judgeIndicator(
  indicator: { targetValue: string | null; dueDate: string | null },
  values: RecordedValue[],
  today: string,
): Judgement {
  const target = parseTarget(indicator.targetValue);
  const readable = values.flatMap((v) => {
    const figure = readValue(v.value);
    return figure === null ? [] : [{ recordedOn: v.recordedOn, figure }];
  });
  // Stable: values of one day keep the order they were recorded in, the last one counts.
  readable.sort((a, b) => a.recordedOn.localeCompare(b.recordedOn));
  const latest = readable.at(-1) ?? null;
  if (!target) return { status: "notJudged", met: false, expected: null, latest };
  if (!latest) return { status: "noData", met: false, expected: null, latest };
  if (reaches(target, latest.figure)) return { status: "onTrack", met: true, expected: target.figure, latest };
  const due = indicator.dueDate;
  if (!due || today > due) return { status: "behind", met: false, expected: target.figure, latest };
  const baseline = readable[0]!;
  const span = dayNumber(due) - dayNumber(baseline.recordedOn);
  const share = span <= 0 ? 1 : Math.min(1, (dayNumber(latest.recordedOn) - dayNumber(baseline.recordedOn)) / span);
  const expected = baseline.figure + (target.figure - baseline.figure) * share;
  const upward = target.direction === "atLeast" || target.direction === "above";
  const onLine = upward ? latest.figure >= expected : latest.figure <= expected;
  return { status: onLine ? "onTrack" : "behind", met: false, expected: Math.round(expected * 100) / 100, latest };
}

import type { CsvValue } from "../csv";
import { criterionLabel } from "../live/ui/criteria";
import type { TwoStepRanking } from "../results/two-step.server";
import { words, type CsvTable, type ExportContext } from "./export-tables.server";

/**
 * The combined ranking of a two-step prioritisation for a Beschlussvorlage to attach (decision
 * 051): one row per goal and measure, the goal's figures repeated on each of its measures' rows so
 * that a spreadsheet can sort and filter them; a goal without measures has one row of its own.
 */
export function prioritisationTable(ranking: TwoStepRanking, { format }: ExportContext): CsvTable {
  const { t, column, yesNo } = words(format);
  const header = [
    column("goalRank"),
    column("namedFirst"),
    column("goalNumber"),
    column("goal"),
    column("score"),
    ...ranking.criteria.map((c) => column("criterionMean", { criterion: criterionLabel(t, c) })),
    column("raters"),
    column("measure"),
    column("workingGroup"),
    column("dots"),
    column("ratingMean"),
    column("voters"),
    column("rankInWorkingGroup"),
    column("figuresState"),
  ];
  const rows = ranking.goals.flatMap((goal) => {
    const goalCells: CsvValue[] = [
      goal.rank,
      yesNo(goal.namedFirst),
      goal.number,
      goal.title,
      goal.score,
      ...goal.criteria.map((c) => c.mean),
      goal.raters,
    ];
    if (goal.measures.length === 0) return [[...goalCells, null, null, null, null, null, null, null]];
    return goal.measures.map(({ code, title, figure }): CsvValue[] => [
      ...goalCells,
      `${code} ${title}`,
      figure ? (figure.workingGroup.field ?? figure.workingGroup.title) : t("results:twoStep.notOnAgenda"),
      figure?.dots,
      figure?.ratingMean,
      figure?.voters,
      figure?.rank,
      // A Beschlussvorlage must not take a running group's figures for final ones.
      figure && t(`feedback:export.figures.${figure.state}`),
    ]);
  });
  return { header, rows };
}

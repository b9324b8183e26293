import { eq, sql } from "drizzle-orm";
import { agendaItems, participants } from "../../db/schema";
import { round } from "../live/stats";
import { participantAnswers, type ItemFilter, type Reader } from "./answers.server";
import { suppressSmallCells, type Cell, type RawCell } from "./privacy";

export const dimensions = ["group", "district", "language"] as const;
export type Dimension = (typeof dimensions)[number];

/** Dots: `value` is the cell's dots. Rating and scale: `value` is the mean answer. */
export type BreakdownFigures = { value: number; shareAtLeast7: number | null };

/** One figure of one item or measure, split by one dimension; `key` null is "not stated". */
export type Breakdown = {
  subjectId: string;
  kind: "dots" | "rating" | "scale";
  criterion: string | null;
  dimension: Dimension;
  cells: Cell<BreakdownFigures>[];
};

const columnOf = {
  group: sql`${participants.group}::text`,
  district: participants.district,
  language: participants.language,
} as const;

/**
 * The counted answers split by participant group, district and language, grouped in the
 * database (one GROUPING SETS pass), then small cells suppressed. Paper ballots belong to no
 * participant and so to no cell.
 */
export async function loadBreakdowns(
  db: Reader,
  { items, by, dimensionList = dimensions, minGroupSize }: {
    items: ItemFilter;
    by: "agendaItem" | "measure";
    dimensionList?: readonly Dimension[];
    minGroupSize: number;
  },
): Promise<Breakdown[]> {
  const answers = participantAnswers(db, items);
  const subject = by === "agendaItem" ? answers.agendaItemId : agendaItems.measureId;
  const sets = dimensionList.map((d) => sql`(${subject}, ${answers.kind}, ${answers.criterion}, ${columnOf[d]})`);
  // GROUPING(column) is 0 in the grouping set that groups by that column.
  const dimension =
    dimensionList.length === 1
      ? sql<Dimension>`${literal(dimensionList[0]!)}`
      : sql<Dimension>`case ${sql.join(
          dimensionList.map((d) => sql`when grouping(${columnOf[d]}) = 0 then ${literal(d)}`),
          sql` `,
        )} end`;
  const key = sql<string | null>`case ${sql.join(
    dimensionList.map((d) => sql`when grouping(${columnOf[d]}) = 0 then ${columnOf[d]}`),
    sql` `,
  )} end`;
  const base = db
    .select({
      subjectId: sql<string>`${subject}`,
      kind: answers.kind,
      criterion: answers.criterion,
      dimension,
      key,
      // Answers are one per participant, item and question, so per item a count is the number of
      // people; a measure may have been asked twice of the same conference, hence distinct.
      participants: by === "agendaItem" ? sql<number>`count(*)::int` : sql<number>`count(distinct ${answers.participantId})::int`,
      answers: sql<number>`count(*)::int`,
      total: sql<number>`sum(${answers.value})::int`,
      atLeast7: sql<number>`(count(*) filter (where ${answers.value} >= 7))::int`,
    })
    .from(answers)
    .innerJoin(participants, eq(participants.id, answers.participantId));
  const joined = by === "measure" ? base.innerJoin(agendaItems, eq(agendaItems.id, answers.agendaItemId)) : base;
  const rows = await joined.groupBy(sql`grouping sets (${sql.join(sets, sql`, `)})`);

  const grouped = new Map<string, { head: Omit<Breakdown, "cells">; cells: RawCell<BreakdownFigures>[] }>();
  for (const row of rows) {
    // Question items have no measure, and ranking ballots are not counted answers.
    if (row.subjectId === null || row.kind === "ranking") continue;
    const kind = row.kind;
    const id = [row.subjectId, row.kind, row.criterion, row.dimension].join("\u0000");
    const entry = grouped.get(id) ?? {
      head: { subjectId: row.subjectId, kind, criterion: row.criterion, dimension: row.dimension },
      cells: [],
    };
    entry.cells.push({
      key: row.key,
      participants: Number(row.participants),
      figures:
        kind === "dots"
          ? { value: Number(row.total), shareAtLeast7: null }
          : {
              value: round(Number(row.total) / Number(row.answers)),
              shareAtLeast7: kind === "scale" ? round(Number(row.atLeast7) / Number(row.answers)) : null,
            },
    });
    grouped.set(id, entry);
  }
  // The database groups in no particular order; pages and exports want the same order every time.
  const order = (b: Omit<Breakdown, "cells">) => [b.subjectId, b.kind, b.criterion ?? "", dimensions.indexOf(b.dimension)].join("\u0000");
  return [...grouped.values()]
    .map((entry) => ({ ...entry, order: order(entry.head) }))
    .sort((x, y) => (x.order < y.order ? -1 : 1))
    .map(({ head, cells }) => ({ ...head, cells: suppressSmallCells(cells.sort(byKey), minGroupSize) }));
}

/** A dimension's name as an SQL literal; the names are this module's own constants. */
const literal = (d: Dimension) => sql.raw(`'${d}'`);

/** Stated values in alphabetical order, "not stated" last. */
function byKey(a: { key: string | null }, b: { key: string | null }): number {
  if (a.key === b.key) return 0;
  if (a.key === null) return 1;
  if (b.key === null) return -1;
  return a.key.localeCompare(b.key);
}

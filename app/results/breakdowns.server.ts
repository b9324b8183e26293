import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { breakdownCells, dotHoldings } from "../../db/schema";
import { countedAnswers, itemConferences, itemMeasures } from "../live/result-sources.server";
import { round } from "../live/stats";
import type { ItemFilter, Reader } from "./answers.server";
import { suppressSmallCells, type Cell, type RawCell } from "./privacy";
import { anyOf } from "./rollup.server";

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

/**
 * What a breakdown adds up per item or measure, question and key: people in the cell, their
 * answers (dots: holders), the sum of the answers (dots: net dots) and the answers of 7 or more.
 */
export type CellSums = {
  subjectId: string;
  kind: "dots" | "rating" | "scale";
  criterion: string | null;
  dimension: Dimension;
  key: string | null;
  participants: number;
  answers: number;
  total: number;
  atLeast7: number;
};

/**
 * The breakdowns by participant group, district and language, read from the cells the vote
 * trigger keeps (decision 038), then small cells suppressed. Paper ballots belong to no
 * participant and so to no cell; ranking ballots are not broken down.
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
  const sums = by === "agendaItem" ? await itemCells(db, items, dimensionList) : await measureCells(db, items, dimensionList);
  return assembleBreakdowns(sums, minGroupSize);
}

const counted = and(ne(breakdownCells.participants, 0), ne(breakdownCells.kind, "ranking"));
const ofDimensions = (list: readonly Dimension[]) => inArray(breakdownCells.dimension, [...list]);

/**
 * A subject's cells as JSON text, one row per item or measure instead of one per cell (~40,000
 * for 500 items): [[participants, answers, total, atLeast7, kind, dimension, criterion, key], …].
 * The texts come escaped in each cell's label (migration 0023): json_build_array per cell took
 * most of the query's time.
 */
const cellsAsJson = (c: { participants: unknown; answers: unknown; total: unknown; atLeast7: unknown; label: unknown }) =>
  sql<string>`'[' || string_agg('[' || ${c.participants} || ',' || ${c.answers} || ',' || ${c.total} || ',' || ${c.atLeast7} || ',' || ${c.label} || ']', ',') || ']'`;

type CellTuple = [number, number, number, number, CellSums["kind"], Dimension, string | null, string | null];

function parseCells(rows: { subjectId: string; cells: string }[]): CellSums[] {
  return rows.flatMap(({ subjectId, cells }) =>
    (JSON.parse(cells) as CellTuple[]).map(([participants, answers, total, atLeast7, kind, dimension, criterion, key]) => ({
      subjectId, kind, criterion, dimension, key, participants, answers, total, atLeast7,
    })),
  );
}

async function itemCells(db: Reader, items: ItemFilter, list: readonly Dimension[]): Promise<CellSums[]> {
  const c = breakdownCells;
  const rows = await db
    .select({ subjectId: c.agendaItemId, cells: cellsAsJson(c) })
    .from(c)
    .where(and(items(c.agendaItemId), ofDimensions(list), counted))
    .groupBy(c.agendaItemId);
  return parseCells(rows);
}

/**
 * A measure's cells are its items' cells added up. People are distinct per cell, so where one
 * conference had the measure on more than one agenda item (a participant belongs to one
 * conference, so only there can the same person answer it twice) they are counted distinct
 * from the counted answers and dot holdings of those items.
 */
async function measureCells(db: Reader, items: ItemFilter, list: readonly Dimension[]): Promise<CellSums[]> {
  const c = breakdownCells;
  const item = itemMeasures(db).as("item");
  const summed = db
    .select({
      measureId: sql<string>`${item.measureId}`.as("measure_id"),
      label: c.label,
      participants: sql<number>`sum(${c.participants})::int`.as("participants"),
      answers: sql<number>`sum(${c.answers})::int`.as("answers"),
      total: sql<number>`sum(${c.total})::int`.as("total"),
      atLeast7: sql<number>`sum(${c.atLeast7})::int`.as("at_least_7"),
    })
    .from(c)
    .innerJoin(item, eq(item.id, c.agendaItemId))
    .where(and(items(c.agendaItemId), ofDimensions(list), counted, sql`${item.measureId} is not null`))
    // The label stands for kind, criterion, dimension and key together.
    .groupBy(item.measureId, c.label)
    .as("summed");
  const [placed, rows] = await Promise.all([
    itemConferences(db, items),
    db.select({ subjectId: summed.measureId, cells: cellsAsJson(summed) }).from(summed).groupBy(summed.measureId),
  ]);
  const sums = parseCells(rows);
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const { measureId, conferenceId } of placed) {
    if (!measureId) continue;
    const at = `${measureId}|${conferenceId}`;
    if (seen.has(at)) repeated.add(measureId);
    seen.add(at);
  }
  if (repeated.size === 0) return sums;
  const distinct = await distinctPeople(db, placed.filter((i) => i.measureId && repeated.has(i.measureId)).map((i) => i.id), list);
  return sums.map((row) => ({ ...row, participants: distinct.get(cellId(row)) ?? row.participants }));
}

const cellId = (row: Pick<CellSums, "subjectId" | "kind" | "criterion" | "dimension" | "key">) =>
  [row.subjectId, row.kind, row.criterion, row.dimension, row.key].join("\u0000");

/** Distinct people per measure cell over these agenda items, keyed by `cellId`. */
async function distinctPeople(db: Reader, itemIds: string[], list: readonly Dimension[]): Promise<Map<string, number>> {
  const answer = countedAnswers(db, itemIds).as("answer");
  const item = itemMeasures(db).as("item");
  const profileColumn = { group: answer.group, district: answer.district, language: answer.language } as const;
  // GROUPING(column) is 0 in the grouping set that groups by that column.
  const dimension = sql<Dimension>`case ${sql.join(
    list.map((d) => sql`when grouping(${profileColumn[d]}) = 0 then ${sql.raw(`'${d}'`)}`),
    sql` `,
  )} end`;
  const key = sql<string | null>`case ${sql.join(
    list.map((d) => sql`when grouping(${profileColumn[d]}) = 0 then ${profileColumn[d]}`),
    sql` `,
  )} end`;
  const sets = list.map((d) => sql`(${answer.measureId}, ${answer.kind}, ${answer.criterion}, ${profileColumn[d]})`);
  const [answered, holding] = await Promise.all([
    db
      .select({
        subjectId: sql<string>`${answer.measureId}`,
        kind: sql<CellSums["kind"]>`${answer.kind}`,
        criterion: answer.criterion,
        dimension,
        key,
        people: sql<number>`count(distinct ${answer.participantId})::int`,
      })
      .from(answer)
      .groupBy(sql`grouping sets (${sql.join(sets, sql`, `)})`),
    db
      .select({
        subjectId: sql<string>`${item.measureId}`,
        dimension: sql<Dimension>`${dotHoldings.dimension}`,
        key: dotHoldings.key,
        people: sql<number>`count(distinct ${dotHoldings.participantId})::int`,
      })
      .from(dotHoldings)
      .innerJoin(item, eq(item.id, dotHoldings.agendaItemId))
      .where(and(anyOf(dotHoldings.agendaItemId, itemIds), inArray(dotHoldings.dimension, [...list]), ne(dotHoldings.dots, 0)))
      .groupBy(item.measureId, dotHoldings.dimension, dotHoldings.key),
  ]);
  const rows = [...answered, ...holding.map((r) => ({ ...r, kind: "dots" as const, criterion: null }))];
  return new Map(rows.map((r) => [cellId(r), Number(r.people)]));
}

type Entry = { head: Omit<Breakdown, "cells">; cells: RawCell<BreakdownFigures>[] };

/** Cell sums into breakdowns: figures per cell, a fixed order, small cells suppressed. */
export function assembleBreakdowns(sums: CellSums[], minGroupSize: number): Breakdown[] {
  // Runs over every cell of a whole session (~40,000). Maps nested by subject, kind, criterion
  // and dimension look up the strings each cell already holds; a key joined per cell took
  // several times as long.
  const bySubject = new Map<string, Map<string, Map<string, Map<string, Entry>>>>();
  const entries: Entry[] = [];
  for (const row of sums) {
    const { subjectId, kind, criterion, dimension } = row;
    const byDimension = inner(inner(inner(bySubject, subjectId), kind), criterion ?? "");
    let entry = byDimension.get(dimension);
    if (!entry) {
      entry = { head: { subjectId, kind, criterion, dimension }, cells: [] };
      byDimension.set(dimension, entry);
      entries.push(entry);
    }
    entry.cells.push({
      key: row.key,
      participants: row.participants,
      figures:
        kind === "dots"
          ? { value: row.total, shareAtLeast7: null }
          : {
              value: round(row.total / row.answers),
              shareAtLeast7: kind === "scale" ? round(row.atLeast7 / row.answers) : null,
            },
    });
  }
  // The database groups in no particular order; pages and exports want the same order every time.
  return entries
    .sort((x, y) => compareHeads(x.head, y.head))
    .map(({ head, cells }) => ({ ...head, cells: suppressSmallCells(cells.sort(byKey), minGroupSize) }));
}

function inner<V>(map: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let found = map.get(key);
  if (!found) map.set(key, (found = new Map()));
  return found;
}

/** By subject, kind, criterion (none first), then the order of `dimensions`. */
function compareHeads(x: Omit<Breakdown, "cells">, y: Omit<Breakdown, "cells">): number {
  if (x.subjectId !== y.subjectId) return x.subjectId < y.subjectId ? -1 : 1;
  if (x.kind !== y.kind) return x.kind < y.kind ? -1 : 1;
  const a = x.criterion ?? "";
  const b = y.criterion ?? "";
  if (a !== b) return a < b ? -1 : 1;
  return dimensions.indexOf(x.dimension) - dimensions.indexOf(y.dimension);
}

/** Stated values in alphabetical order, "not stated" last. */
function byKey(a: { key: string | null }, b: { key: string | null }): number {
  if (a.key === b.key) return 0;
  if (a.key === null) return 1;
  if (b.key === null) return -1;
  return a.key.localeCompare(b.key);
}

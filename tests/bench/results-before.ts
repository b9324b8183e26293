/**
 * bench:results only: how breakdowns were counted before the breakdown cells (decision 038), kept
 * to print the figures before and after side by side. The app no longer has this path: it grouped
 * every participant's counted answer (latest_answer, and net dots summed from the votes) joined to
 * the participant's current profile, per request.
 */
import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { loadItems, loadLiveSession } from "../../app/live/items.server";
import { computeItemResults } from "../../app/live/results.server";
import { round } from "../../app/live/stats";
import type { ItemFilter, Reader } from "../../app/results/answers.server";
import { planItems } from "../../app/results/answers.server";
import { consensusOf } from "../../app/results/aggregate.server";
import { dimensions, type Breakdown, type BreakdownFigures, type Dimension } from "../../app/results/breakdowns.server";
import { suppressSmallCells, type RawCell } from "../../app/results/privacy";
import { agendaItems, latestAnswers, participants, resultSnapshots, votes } from "../../db/schema";

function participantAnswers(db: Reader, onItems: ItemFilter) {
  const dots = db
    .select({
      agendaItemId: votes.agendaItemId,
      participantId: votes.participantId,
      kind: votes.kind,
      criterion: votes.criterion,
      value: sql<number>`sum(${votes.value})::int`.as("value"),
      weight: sql<number>`1`.as("weight"),
    })
    .from(votes)
    .where(and(onItems(votes.agendaItemId), isNotNull(votes.participantId), eq(votes.kind, "dots")))
    .groupBy(votes.agendaItemId, votes.participantId, votes.kind, votes.criterion)
    .having(sql`sum(${votes.value}) <> 0`);
  const latest = db
    .select({
      agendaItemId: latestAnswers.agendaItemId,
      participantId: sql<string | null>`${latestAnswers.participantId}`.as("participant_id"),
      kind: latestAnswers.kind,
      criterion: latestAnswers.criterion,
      value: latestAnswers.value,
      weight: latestAnswers.weight,
    })
    .from(latestAnswers)
    .where(onItems(latestAnswers.agendaItemId));
  return latest.unionAll(dots).as("answers");
}

const columnOf = {
  group: sql`${participants.group}::text`,
  district: participants.district,
  language: participants.language,
} as const;

export async function countedBreakdownsBefore(
  db: Reader,
  { items, by, dimensionList = dimensions, minGroupSize }: { items: ItemFilter; by: "agendaItem" | "measure"; dimensionList?: readonly Dimension[]; minGroupSize: number },
): Promise<Breakdown[]> {
  const answers = participantAnswers(db, items);
  const subject = by === "agendaItem" ? answers.agendaItemId : agendaItems.measureId;
  const sets = dimensionList.map((d) => sql`(${subject}, ${answers.kind}, ${answers.criterion}, ${columnOf[d]})`);
  const literal = (d: Dimension) => sql.raw(`'${d}'`);
  const dimension =
    dimensionList.length === 1
      ? sql<Dimension>`${literal(dimensionList[0]!)}`
      : sql<Dimension>`case ${sql.join(dimensionList.map((d) => sql`when grouping(${columnOf[d]}) = 0 then ${literal(d)}`), sql` `)} end`;
  const key = sql<string | null>`case ${sql.join(dimensionList.map((d) => sql`when grouping(${columnOf[d]}) = 0 then ${columnOf[d]}`), sql` `)} end`;
  const base = db
    .select({
      subjectId: sql<string>`${subject}`,
      kind: answers.kind,
      criterion: answers.criterion,
      dimension,
      key,
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
    if (row.subjectId === null || row.kind === "ranking") continue;
    const kind = row.kind;
    const id = [row.subjectId, row.kind, row.criterion, row.dimension].join("\u0000");
    const entry = grouped.get(id) ?? { head: { subjectId: row.subjectId, kind, criterion: row.criterion, dimension: row.dimension }, cells: [] };
    entry.cells.push({
      key: row.key,
      participants: Number(row.participants),
      figures:
        kind === "dots"
          ? { value: Number(row.total), shareAtLeast7: null }
          : { value: round(Number(row.total) / Number(row.answers)), shareAtLeast7: kind === "scale" ? round(Number(row.atLeast7) / Number(row.answers)) : null },
    });
    grouped.set(id, entry);
  }
  const order = (b: Omit<Breakdown, "cells">) => [b.subjectId, b.kind, b.criterion ?? "", dimensions.indexOf(b.dimension)].join("\u0000");
  const byKey = (a: { key: string | null }, b: { key: string | null }) => (a.key === b.key ? 0 : a.key === null ? 1 : b.key === null ? -1 : a.key.localeCompare(b.key));
  return [...grouped.values()]
    .map((entry) => ({ ...entry, order: order(entry.head) }))
    .sort((x, y) => (x.order < y.order ? -1 : 1))
    .map(({ head, cells }) => ({ ...head, cells: suppressSmallCells(cells.sort(byKey), minGroupSize) }));
}

/** The whole session's results as resultsOf read them before: its queries, with the counted breakdowns. */
export async function sessionResultsBefore(db: Reader, liveSessionId: string, minGroupSize: number) {
  const session = (await loadLiveSession(db, liveSessionId))!;
  const items = await loadItems(db, session.id);
  const ids = items.map((i) => i.id);
  const [frozen, breakdowns] = await Promise.all([
    session.status === "closed" ? db.select().from(resultSnapshots).where(inArray(resultSnapshots.agendaItemId, ids)) : Promise.resolve([]),
    countedBreakdownsBefore(db, { items: (column) => inArray(column, ids), by: "agendaItem", minGroupSize }),
  ]);
  const snapshots = new Set(frozen.map((s) => s.agendaItemId));
  const counted = await computeItemResults(db, items.filter((item) => !snapshots.has(item.id)), session.id);
  const itemOf = new Map(items.map((item) => [item.id, item]));
  return { items: counted.map((result) => consensusOf(itemOf.get(result.agendaItemId)!, result)), frozen, breakdowns };
}

/** Plan-wide results broken down as before: the ranking beside the counted breakdowns. */
export function planBreakdownsBefore(db: Reader, planId: string, dimension: Dimension, minGroupSize: number) {
  return countedBreakdownsBefore(db, { items: (column) => inArray(column, planItems(db, planId)), by: "measure", dimensionList: [dimension], minGroupSize });
}

import { and, eq, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { agendaItems, conferences, latestAnswers, liveSessions, resultSnapshots, votes } from "../../db/schema";

export type Reader = Pick<Db, "select" | "selectDistinctOn">;

/** The agenda items of every conference of a plan, as a subquery. */
export function planItems(db: Reader, planId: string) {
  return db
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .innerJoin(liveSessions, eq(liveSessions.id, agendaItems.liveSessionId))
    .innerJoin(conferences, eq(conferences.id, liveSessions.conferenceId))
    .where(eq(conferences.planId, planId));
}

/** The plan's agenda items that have no frozen result yet: their figures are counted from the votes. */
export async function countedItemIds(db: Reader, planId: string): Promise<string[]> {
  const rows = await db
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .innerJoin(liveSessions, eq(liveSessions.id, agendaItems.liveSessionId))
    .innerJoin(conferences, eq(conferences.id, liveSessions.conferenceId))
    .leftJoin(resultSnapshots, eq(resultSnapshots.agendaItemId, agendaItems.id))
    .where(and(eq(conferences.planId, planId), isNull(resultSnapshots.agendaItemId)));
  return rows.map((r) => r.id);
}

/** Which agenda items a query covers, as a condition on a table's agenda item column. */
export type ItemFilter = (agendaItemId: AnyPgColumn) => SQL;

/**
 * What each participant's answers count for, one row each: their latest ratings and scale
 * answer, and their net dots per item (dots taken back cancel out). Paper ballots belong to no
 * participant and are not here.
 */
export function participantAnswers(db: Reader, onItems: ItemFilter) {
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
  // The latest answer per participant and question is kept by the vote trigger (decision 011):
  // read, not recomputed, so there is one implementation of "the latest answer counts".
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

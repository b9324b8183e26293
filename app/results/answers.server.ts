import { and, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { agendaItems, conferences, liveSessions, resultSnapshots, votes } from "../../db/schema";

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

/** Each participant's latest rating per criterion and latest scale answer (as computeItemResult counts them). */
function latestAnswers(db: Reader, where: SQL) {
  return db
    .selectDistinctOn([votes.agendaItemId, votes.participantId, votes.kind, votes.criterion], {
      agendaItemId: votes.agendaItemId,
      participantId: votes.participantId,
      kind: votes.kind,
      criterion: votes.criterion,
      value: votes.value,
      weight: votes.weight,
    })
    .from(votes)
    .where(and(where, isNotNull(votes.participantId), inArray(votes.kind, ["rating", "scale"])))
    .orderBy(votes.agendaItemId, votes.participantId, votes.kind, votes.criterion, desc(votes.createdAt), desc(votes.id));
}

/**
 * What each participant's answers count for, one row each: their latest ratings and scale
 * answer, and their net dots per item (dots taken back cancel out). Paper ballots belong to no
 * participant and are not here.
 */
export function participantAnswers(db: Reader, where: SQL) {
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
    .where(and(where, isNotNull(votes.participantId), eq(votes.kind, "dots")))
    .groupBy(votes.agendaItemId, votes.participantId, votes.kind, votes.criterion)
    .having(sql`sum(${votes.value}) <> 0`);
  return latestAnswers(db, where).unionAll(dots).as("answers");
}

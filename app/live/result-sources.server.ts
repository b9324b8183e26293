import { and, count, eq, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client";
import { agendaItems, answerTallies, comments, itemTallies, latestAnswers, liveSessions, votes } from "../../db/schema";
import { anyOf } from "./results.server";

// The live room's agenda items, tallies and ballots as the results room counts them (plan-wide
// standings, breakdowns). Most are query builders, not rows: the results room joins them to its
// own tables and the catalogue's as subqueries, so each read stays one query (docs/decisions/020).
// PostgreSQL pulls a plain subquery up into the join, so the plan is the one of a direct join.

type Reader = Pick<Db, "select">;

/** Which agenda items a read covers, as a condition on an agenda item column (the results room's ItemFilter). */
type ItemFilter = (agendaItemId: AnyPgColumn) => SQL;

/** Every agenda item's measure (null: a cluster or a question): join it to a table keyed by agenda item and filter that table. */
export function itemMeasures(db: Reader) {
  return db.select({ id: agendaItems.id, measureId: agendaItems.measureId }).from(agendaItems);
}

/** The measure and the conference of each agenda item the filter covers: where one person could answer a measure twice. */
export async function itemConferences(db: Reader, items: ItemFilter): Promise<{ id: string; measureId: string | null; conferenceId: string }[]> {
  return db
    .select({ id: agendaItems.id, measureId: agendaItems.measureId, conferenceId: liveSessions.conferenceId })
    .from(agendaItems)
    .innerJoin(liveSessions, eq(liveSessions.id, agendaItems.liveSessionId))
    .where(items(agendaItems.id));
}

/**
 * The conferences whose agenda put a measure before a room, as an item of its own or among a
 * ranking's measures: one read, for a page every visitor of the catalogue opens.
 */
export async function conferencesDiscussing(db: Reader, measureId: string): Promise<string[]> {
  const rows = await db
    .select({ conferenceId: liveSessions.conferenceId })
    .from(agendaItems)
    .innerJoin(liveSessions, eq(liveSessions.id, agendaItems.liveSessionId))
    .where(or(eq(agendaItems.measureId, measureId), sql`${measureId}::uuid = any(${agendaItems.measureIds})`))
    .groupBy(liveSessions.conferenceId);
  return rows.map((r) => r.conferenceId);
}

/** These agenda items with their item tally (voters, dots, paper dots; null before the first vote). */
export function itemTallyFigures(db: Reader, ids: string[]) {
  return db
    .select({
      id: agendaItems.id,
      measureId: agendaItems.measureId,
      clusterId: agendaItems.clusterId,
      voters: itemTallies.voters,
      dots: itemTallies.dots,
      paperDots: itemTallies.paperDots,
    })
    .from(agendaItems)
    .leftJoin(itemTallies, eq(itemTallies.agendaItemId, agendaItems.id))
    .where(anyOf(agendaItems.id, ids));
}

/** The visible comments on each of these agenda items. */
export async function visibleCommentCounts(db: Reader, ids: string[]): Promise<Map<string, number>> {
  const rows = await db
    .select({ agendaItemId: comments.agendaItemId, n: count() })
    .from(comments)
    .where(and(anyOf(comments.agendaItemId, ids), isNull(comments.hiddenAt)))
    .groupBy(comments.agendaItemId);
  return new Map(rows.map((r) => [r.agendaItemId, r.n]));
}

/**
 * The answer tallies of these agenda items, one per question, with the item's subject and the top
 * of the rating range it offered (answers on 1–5 and on 1–10 stay apart). A question whose only
 * answers were deleted keeps an empty row; it is left out.
 */
export function answerDistributions(db: Reader, ids: string[]) {
  return db
    .select({
      measureId: agendaItems.measureId,
      clusterId: agendaItems.clusterId,
      kind: answerTallies.kind,
      criterion: answerTallies.criterion,
      ratingMax: sql<number | null>`case when ${answerTallies.kind} = 'rating' then (${agendaItems.activities}->'rating'->>'max')::int end`.as("rating_max"),
      distribution: answerTallies.distribution,
    })
    .from(answerTallies)
    .innerJoin(agendaItems, eq(agendaItems.id, answerTallies.agendaItemId))
    .where(and(anyOf(answerTallies.agendaItemId, ids), ne(answerTallies.distribution, {})));
}

/**
 * Every ranking vote on these agenda items with the item's list of measures and cluster. Order by
 * `castAt desc, voteId desc` and count them with latest-answer.ts; `createdAt` is the time as text,
 * whole to the microsecond, as countedVotes tells ballots apart.
 */
export function rankingBallots(db: Reader, ids: string[]) {
  return db
    .select({
      agendaItemId: votes.agendaItemId,
      participantId: votes.participantId,
      kind: votes.kind,
      criterion: votes.criterion,
      rank: votes.value,
      castAt: votes.createdAt,
      createdAt: sql<string>`${votes.createdAt}::text`.as("created_text"),
      voteId: votes.id,
      measureIds: agendaItems.measureIds,
      clusterId: agendaItems.clusterId,
    })
    .from(votes)
    .innerJoin(agendaItems, eq(agendaItems.id, votes.agendaItemId))
    .where(and(anyOf(votes.agendaItemId, ids), eq(votes.kind, "ranking")));
}

/** The answer each participant's latest rating and scale vote on these items gives (latest_answer), with the item's measure and the voter's profile then. */
export function countedAnswers(db: Reader, ids: string[]) {
  return db
    .select({
      measureId: agendaItems.measureId,
      participantId: latestAnswers.participantId,
      kind: latestAnswers.kind,
      criterion: latestAnswers.criterion,
      group: sql<string | null>`${latestAnswers.group}::text`.as("group"),
      district: latestAnswers.district,
      language: latestAnswers.language,
    })
    .from(latestAnswers)
    .innerJoin(agendaItems, eq(agendaItems.id, latestAnswers.agendaItemId))
    .where(anyOf(latestAnswers.agendaItemId, ids));
}

import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { agendaItems, liveSessions, measures, participants, votes } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/permissions";
import { DomainError, parseInput } from "../errors";
import type { LiveDeps } from "./events";
import { notFound } from "./setup.server";
import { castRankingSchema, castVoteSchema, paperVoteSchema } from "./schemas";
import type { MyVotes } from "./views";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
type Reader = Pick<Db, "select">;

export type VoteReceipt = { duplicate: boolean; myVotes: MyVotes };

async function votableItem(tx: Tx, agendaItemId: string) {
  const [row] = await tx
    .select({ item: agendaItems, session: liveSessions })
    .from(agendaItems)
    .innerJoin(liveSessions, eq(liveSessions.id, agendaItems.liveSessionId))
    .where(eq(agendaItems.id, agendaItemId));
  if (!row) throw notFound();
  const { item, session } = row;
  if (session.status !== "live") throw new DomainError("conflict", "live:error.votingClosed");
  if (item.phase !== "prioritise" || item.votingState !== "open") {
    throw new DomainError("conflict", "live:error.votingClosed");
  }
  return { item, session };
}

async function alreadyCast(tx: Tx, liveSessionId: string, clientId: string): Promise<boolean> {
  const [existing] = await tx
    .select({ id: votes.id })
    .from(votes)
    .where(and(eq(votes.liveSessionId, liveSessionId), eq(votes.clientId, clientId)));
  return Boolean(existing);
}

/**
 * Locks the participant's row for the rest of the transaction: their votes are taken one at a
 * time, so twenty parallel requests can never overspend the dot budget.
 */
async function lockParticipant(tx: Tx, participantId: string, conferenceId: string) {
  const [participant] = await tx
    .select({ id: participants.id, conferenceId: participants.conferenceId })
    .from(participants)
    .where(eq(participants.id, participantId))
    .for("update");
  if (!participant || participant.conferenceId !== conferenceId) {
    throw new DomainError("forbidden", "live:error.notInConference");
  }
}

/** A participant's dots in the session and on one item, in one query. */
async function dotsSpent(tx: Tx, participantId: string, liveSessionId: string, agendaItemId: string) {
  const [row] = await tx
    .select({
      session: sql<number>`coalesce(sum(${votes.value}), 0)::int`,
      item: sql<number>`coalesce(sum(${votes.value}) filter (where ${votes.agendaItemId} = ${agendaItemId}), 0)::int`,
    })
    .from(votes)
    .where(and(eq(votes.participantId, participantId), eq(votes.liveSessionId, liveSessionId), eq(votes.kind, "dots")));
  return { session: Number(row?.session ?? 0), item: Number(row?.item ?? 0) };
}

/** Spend or take back dots, rate a criterion, or answer the scale. A retried clientId counts once. */
export async function castVote(deps: LiveDeps, actor: Actor, input: unknown): Promise<VoteReceipt> {
  authorize(actor, "vote.cast");
  if (actor.kind !== "participant") throw new DomainError("forbidden", "live:error.notInConference");
  const vote = parseInput(castVoteSchema, input);
  const outcome = await deps.db.transaction(async (tx) => {
    const { item, session } = await votableItem(tx, vote.agendaItemId);
    await lockParticipant(tx, actor.participantId, session.conferenceId);
    if (await alreadyCast(tx, session.id, vote.clientId)) return { duplicate: true, liveSessionId: session.id };
    const { activities } = item;
    if (vote.kind === "dots") {
      if (!activities.dots) throw new DomainError("invalid", "live:error.activityOff");
      const spent = await dotsSpent(tx, actor.participantId, session.id, item.id);
      const onItem = spent.item + vote.value;
      const total = spent.session + vote.value;
      if (onItem < 0 || total < 0) throw new DomainError("invalid", "live:error.noDotsToTakeBack");
      if (onItem > activities.dots.maxPerItem) {
        throw new DomainError("conflict", "live:error.tooManyDotsOnItem", {}, { max: activities.dots.maxPerItem });
      }
      if (total > session.dotsPerParticipant) {
        throw new DomainError("conflict", "live:error.noDotsLeft", {}, { max: session.dotsPerParticipant });
      }
    } else if (vote.kind === "rating") {
      const rating = activities.rating;
      if (!rating) throw new DomainError("invalid", "live:error.activityOff");
      if (!rating.criteria.includes(vote.criterion) || vote.value < rating.min || vote.value > rating.max) {
        throw new DomainError("invalid", "live:error.outOfRange");
      }
    } else if (!activities.scale) {
      throw new DomainError("invalid", "live:error.activityOff");
    }
    await tx.insert(votes).values({
      clientId: vote.clientId,
      liveSessionId: session.id,
      agendaItemId: item.id,
      participantId: actor.participantId,
      kind: vote.kind,
      criterion: vote.kind === "rating" ? vote.criterion : null,
      value: vote.value,
    });
    return { duplicate: false, liveSessionId: session.id };
  });
  if (!outcome.duplicate) {
    deps.publish({ type: "votes.changed", liveSessionId: outcome.liveSessionId, audience: "internal", agendaItemId: vote.agendaItemId });
  }
  return { duplicate: outcome.duplicate, myVotes: await myVotes(deps.db, actor.participantId, outcome.liveSessionId) };
}

/** A ranking ballot over the measures of a cluster item; the newest ballot replaces older ones. */
export async function castRanking(deps: LiveDeps, actor: Actor, input: unknown): Promise<VoteReceipt> {
  authorize(actor, "vote.cast");
  if (actor.kind !== "participant") throw new DomainError("forbidden", "live:error.notInConference");
  const ballot = parseInput(castRankingSchema, input);
  const outcome = await deps.db.transaction(async (tx) => {
    const { item, session } = await votableItem(tx, ballot.agendaItemId);
    await lockParticipant(tx, actor.participantId, session.conferenceId);
    if (await alreadyCast(tx, session.id, `${ballot.clientId}-1`)) return { duplicate: true, liveSessionId: session.id };
    if (!item.activities.ranking || !item.clusterId) throw new DomainError("invalid", "live:error.activityOff");
    const options = await tx.select({ code: measures.code }).from(measures).where(eq(measures.clusterId, item.clusterId));
    const known = new Set(options.map((o) => o.code));
    // Only the cluster's own measures, each once: anything else would sit in the votes unseen by results.
    if (new Set(ballot.order).size !== ballot.order.length || !ballot.order.every((code) => known.has(code))) {
      throw new DomainError("invalid", "live:error.outOfRange");
    }
    await tx.insert(votes).values(
      ballot.order.map((code, i) => ({
        clientId: `${ballot.clientId}-${i + 1}`,
        liveSessionId: session.id,
        agendaItemId: item.id,
        participantId: actor.participantId,
        kind: "ranking" as const,
        criterion: code,
        value: i + 1,
      })),
    );
    return { duplicate: false, liveSessionId: session.id };
  });
  if (!outcome.duplicate) {
    deps.publish({ type: "votes.changed", liveSessionId: outcome.liveSessionId, audience: "internal", agendaItemId: ballot.agendaItemId });
  }
  return { duplicate: outcome.duplicate, myVotes: await myVotes(deps.db, actor.participantId, outcome.liveSessionId) };
}

/** Votes counted on paper in the room, entered by a moderator and marked as paper in results. */
export async function enterPaperVotes(deps: LiveDeps, actor: Actor, input: unknown): Promise<{ duplicate: boolean }> {
  authorize(actor, "vote.enterPaper");
  const entry = parseInput(paperVoteSchema, input);
  const outcome = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ item: agendaItems, session: liveSessions })
      .from(agendaItems)
      .innerJoin(liveSessions, eq(liveSessions.id, agendaItems.liveSessionId))
      .where(eq(agendaItems.id, entry.agendaItemId));
    if (!row) throw notFound();
    if (row.session.status === "closed") throw new DomainError("conflict", "live:error.sessionClosed");
    if (await alreadyCast(tx, row.session.id, entry.clientId)) return { duplicate: true, liveSessionId: row.session.id };
    const { activities } = row.item;
    const allowed =
      (entry.kind === "dots" && activities.dots) ||
      (entry.kind === "scale" && activities.scale && entry.value <= 10) ||
      (entry.kind === "rating" &&
        activities.rating &&
        entry.criterion &&
        activities.rating.criteria.includes(entry.criterion) &&
        entry.value <= activities.rating.max);
    if (!allowed) throw new DomainError("invalid", "live:error.activityOff");
    await tx.insert(votes).values({
      clientId: entry.clientId,
      liveSessionId: row.session.id,
      agendaItemId: row.item.id,
      enteredBy: actor.kind === "staff" ? actor.userId : null,
      kind: entry.kind,
      criterion: entry.kind === "rating" ? entry.criterion : null,
      value: entry.value,
      weight: entry.kind === "dots" ? 1 : entry.weight,
      source: "paper",
    });
    return { duplicate: false, liveSessionId: row.session.id };
  });
  if (!outcome.duplicate) {
    deps.publish({ type: "votes.changed", liveSessionId: outcome.liveSessionId, audience: "internal", agendaItemId: entry.agendaItemId });
  }
  return { duplicate: outcome.duplicate };
}

/** A participant's own votes in a session: dots per item, latest ratings, scale and ranking. */
export async function myVotes(db: Reader, participantId: string, liveSessionId: string): Promise<MyVotes> {
  const rows = await db
    .select({
      agendaItemId: votes.agendaItemId,
      kind: votes.kind,
      criterion: votes.criterion,
      value: votes.value,
      createdAt: votes.createdAt,
    })
    .from(votes)
    .where(and(eq(votes.participantId, participantId), eq(votes.liveSessionId, liveSessionId)))
    .orderBy(desc(votes.createdAt), desc(votes.id));
  const mine: MyVotes = { dotsSpent: 0, dotsByItem: {}, ratings: {}, scale: {}, ranking: {} };
  // Rows come newest first: the first answer seen per question is the one that counts.
  const newestBallot = new Map<string, number>();
  for (const row of rows) {
    if (row.kind === "dots") {
      mine.dotsSpent += row.value;
      mine.dotsByItem[row.agendaItemId] = (mine.dotsByItem[row.agendaItemId] ?? 0) + row.value;
    } else if (row.kind === "rating") {
      const ratings = (mine.ratings[row.agendaItemId] ??= {});
      ratings[row.criterion!] ??= row.value;
    } else if (row.kind === "scale") {
      mine.scale[row.agendaItemId] ??= row.value;
    } else {
      const at = row.createdAt.getTime();
      if (!newestBallot.has(row.agendaItemId)) newestBallot.set(row.agendaItemId, at);
      if (newestBallot.get(row.agendaItemId) !== at) continue;
      const ballot = (mine.ranking[row.agendaItemId] ??= []);
      ballot[row.value - 1] = row.criterion!;
    }
  }
  return mine;
}

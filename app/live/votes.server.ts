import { and, desc, eq, or } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../db/client";
import { agendaItems, liveSessions, measures, participants, votes, type AgendaActivities } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/permissions";
import { authorizeConference } from "../conferences/team.server";
import { DomainError, parseInput } from "../errors";
import type { LiveDeps } from "./events";
import { notFound } from "./setup.server";
import { castRankingSchema, castVoteSchema, paperVoteSchema } from "./schemas";
import type { MyVotes } from "./views";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
type Reader = Pick<Db, "select">;

export type VoteReceipt = { duplicate: boolean; myVotes: MyVotes };

function checkVotable(session: { status: string }, item: { phase: string; votingState: string }) {
  if (session.status !== "live" || item.phase !== "prioritise" || item.votingState !== "open") {
    throw new DomainError("conflict", "live:error.votingClosed");
  }
}

/**
 * The item, its session and the participant's row, locked for the rest of the transaction:
 * a participant's votes are taken one at a time, so twenty parallel requests can never
 * overspend the dot budget. One round trip, as this runs for every vote of a packed room.
 */
async function lockVoter(tx: Tx, agendaItemId: string, participantId: string) {
  const [row] = await tx
    .select({
      item: {
        id: agendaItems.id,
        phase: agendaItems.phase,
        votingState: agendaItems.votingState,
        activities: agendaItems.activities,
        clusterId: agendaItems.clusterId,
      },
      session: {
        id: liveSessions.id,
        status: liveSessions.status,
        dotsPerParticipant: liveSessions.dotsPerParticipant,
      },
    })
    .from(agendaItems)
    .innerJoin(liveSessions, eq(liveSessions.id, agendaItems.liveSessionId))
    .innerJoin(participants, and(eq(participants.id, participantId), eq(participants.conferenceId, liveSessions.conferenceId)))
    .where(eq(agendaItems.id, agendaItemId))
    .for("update", { of: participants });
  if (row) {
    checkVotable(row.session, row.item);
    return row;
  }
  // No row: say why, in the order a participant would want to hear it.
  const [found] = await tx
    .select({ session: { status: liveSessions.status }, item: { phase: agendaItems.phase, votingState: agendaItems.votingState } })
    .from(agendaItems)
    .innerJoin(liveSessions, eq(liveSessions.id, agendaItems.liveSessionId))
    .where(eq(agendaItems.id, agendaItemId));
  if (!found) throw notFound();
  checkVotable(found.session, found.item);
  throw new DomainError("forbidden", "live:error.notInConference");
}

async function alreadyCast(tx: Tx, liveSessionId: string, clientId: string): Promise<boolean> {
  const [existing] = await tx
    .select({ id: votes.id })
    .from(votes)
    .where(and(eq(votes.liveSessionId, liveSessionId), eq(votes.clientId, clientId)));
  return Boolean(existing);
}

type VoteRow = {
  clientId: string;
  participantId: string | null;
  agendaItemId: string;
  kind: "dots" | "rating" | "scale" | "ranking";
  criterion: string | null;
  value: number;
  createdAt: Date;
};

/**
 * The participant's votes in the session, newest first, and whether `clientId` was already
 * taken: read after the lock, so the budget check sees every vote committed before this one.
 */
async function votesOf(tx: Tx, participantId: string, liveSessionId: string, clientId: string) {
  const rows: VoteRow[] = await tx
    .select({
      clientId: votes.clientId,
      participantId: votes.participantId,
      agendaItemId: votes.agendaItemId,
      kind: votes.kind,
      criterion: votes.criterion,
      value: votes.value,
      createdAt: votes.createdAt,
    })
    .from(votes)
    .where(and(eq(votes.liveSessionId, liveSessionId), or(eq(votes.participantId, participantId), eq(votes.clientId, clientId))))
    .orderBy(desc(votes.createdAt), desc(votes.id));
  const duplicate = rows.some((row) => row.clientId === clientId);
  return { duplicate, mine: rows.filter((row) => row.participantId === participantId) };
}

function dotsSpent(rows: VoteRow[], agendaItemId: string) {
  let session = 0;
  let item = 0;
  for (const row of rows) {
    if (row.kind !== "dots") continue;
    session += row.value;
    if (row.agendaItemId === agendaItemId) item += row.value;
  }
  return { session, item };
}

/** Spend or take back dots, rate a criterion, or answer the scale. A retried clientId counts once. */
export async function castVote(deps: LiveDeps, actor: Actor, input: unknown): Promise<VoteReceipt> {
  authorize(actor, "vote.cast");
  if (actor.kind !== "participant") throw new DomainError("forbidden", "live:error.notInConference");
  const vote = parseInput(castVoteSchema, input);
  const outcome = await deps.db.transaction(async (tx) => {
    const { item, session } = await lockVoter(tx, vote.agendaItemId, actor.participantId);
    const { duplicate, mine } = await votesOf(tx, actor.participantId, session.id, vote.clientId);
    if (duplicate) return { duplicate, liveSessionId: session.id, mine };
    const { activities } = item;
    if (vote.kind === "dots") {
      if (!activities.dots) throw new DomainError("invalid", "live:error.activityOff");
      const spent = dotsSpent(mine, item.id);
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
    const row = {
      clientId: vote.clientId,
      liveSessionId: session.id,
      agendaItemId: item.id,
      participantId: actor.participantId,
      kind: vote.kind,
      criterion: vote.kind === "rating" ? vote.criterion : null,
      value: vote.value,
    };
    await tx.insert(votes).values(row);
    return { duplicate, liveSessionId: session.id, mine: [{ ...row, createdAt: new Date() }, ...mine] };
  });
  if (!outcome.duplicate) {
    deps.publish({ type: "votes.changed", liveSessionId: outcome.liveSessionId, audience: "internal", agendaItemId: vote.agendaItemId });
  }
  return { duplicate: outcome.duplicate, myVotes: tallyMyVotes(outcome.mine) };
}

/** A ranking ballot over the measures of a cluster item; the newest ballot replaces older ones. */
export async function castRanking(deps: LiveDeps, actor: Actor, input: unknown): Promise<VoteReceipt> {
  authorize(actor, "vote.cast");
  if (actor.kind !== "participant") throw new DomainError("forbidden", "live:error.notInConference");
  const ballot = parseInput(castRankingSchema, input);
  const outcome = await deps.db.transaction(async (tx) => {
    const { item, session } = await lockVoter(tx, ballot.agendaItemId, actor.participantId);
    const { duplicate, mine } = await votesOf(tx, actor.participantId, session.id, `${ballot.clientId}-1`);
    if (duplicate) return { duplicate, liveSessionId: session.id, mine };
    if (!item.activities.ranking || !item.clusterId) throw new DomainError("invalid", "live:error.activityOff");
    const options = await tx.select({ code: measures.code }).from(measures).where(eq(measures.clusterId, item.clusterId));
    const known = new Set(options.map((o) => o.code));
    // Only the cluster's own measures, each once: anything else would sit in the votes unseen by results.
    if (new Set(ballot.order).size !== ballot.order.length || !ballot.order.every((code) => known.has(code))) {
      throw new DomainError("invalid", "live:error.outOfRange");
    }
    const rows = ballot.order.map((code, i) => ({
      clientId: `${ballot.clientId}-${i + 1}`,
      liveSessionId: session.id,
      agendaItemId: item.id,
      participantId: actor.participantId,
      kind: "ranking" as const,
      criterion: code,
      value: i + 1,
    }));
    await tx.insert(votes).values(rows);
    const createdAt = new Date();
    return { duplicate, liveSessionId: session.id, mine: [...rows.map((row) => ({ ...row, createdAt })), ...mine] };
  });
  if (!outcome.duplicate) {
    deps.publish({ type: "votes.changed", liveSessionId: outcome.liveSessionId, audience: "internal", agendaItemId: ballot.agendaItemId });
  }
  return { duplicate: outcome.duplicate, myVotes: tallyMyVotes(outcome.mine) };
}

/**
 * A paper entry must fit the item: a kind of vote it offers, one of its criteria, a value on its
 * scale. Each says which, so "12" on a 1–10 scale is not mistaken for a kind that is off.
 */
function checkPaperEntry(activities: AgendaActivities, entry: z.output<typeof paperVoteSchema>) {
  const range = entry.kind === "scale" ? activities.scale : entry.kind === "rating" ? activities.rating : null;
  if (entry.kind === "dots" ? !activities.dots : !range) throw new DomainError("invalid", "live:error.activityOff");
  if (entry.kind === "rating" && !(entry.criterion && activities.rating!.criteria.includes(entry.criterion))) {
    throw new DomainError("invalid", "live:error.outOfRange", { criterion: "live:error.outOfRange" });
  }
  if (range && (entry.value < range.min || entry.value > range.max)) {
    throw new DomainError("invalid", "live:error.valueOutOfRange", { value: "live:error.outOfRange" }, { min: range.min, max: range.max });
  }
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
    await authorizeConference(tx, actor, "vote.enterPaper", row.session.conferenceId);
    if (row.session.status === "closed") throw new DomainError("conflict", "live:error.sessionClosed");
    if (await alreadyCast(tx, row.session.id, entry.clientId)) return { duplicate: true, liveSessionId: row.session.id };
    checkPaperEntry(row.item.activities, entry);
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
  return tallyMyVotes(rows);
}

/** Rows come newest first: the first answer seen per question is the one that counts. */
function tallyMyVotes(rows: Pick<VoteRow, "agendaItemId" | "kind" | "criterion" | "value" | "createdAt">[]): MyVotes {
  const mine: MyVotes = { dotsSpent: 0, dotsByItem: {}, ratings: {}, scale: {}, ranking: {} };
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

import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../db/client";
import { agendaItems, liveSessions, votes, type AgendaActivities } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { lockedParticipant } from "../auth/participant-profiles.server";
import { authorize } from "../auth/permissions";
import { rankingCodes } from "../catalogue/summaries.server";
import { authorizeConference } from "../conferences/team.server";
import { DomainError, parseInput, notFound } from "../errors";
import type { LiveDeps } from "./events";
import { publishPaperBatch } from "./paper-batch.server";
import { votable } from "./rules";
import { castRankingSchema, castVoteSchema, paperVoteSchema } from "./schemas";
import { tallyMyVotes, votesOf, type VoteRow } from "./my-votes.server";
import type { MyVotes } from "./views";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type VoteReceipt = { duplicate: boolean; myVotes: MyVotes };

function checkVotable(...[session, item]: Parameters<typeof votable>) {
  if (!votable(session, item)) {
    throw new DomainError("conflict", "live:error.votingClosed");
  }
}

/**
 * The item, its session and the participant's row, locked for the rest of the transaction:
 * a participant's votes are taken one at a time, so twenty parallel requests can never
 * overspend the dot budget. One round trip, as this runs for every vote of a packed room.
 */
async function lockVoter(tx: Tx, agendaItemId: string, participantId: string) {
  const voter = lockedParticipant(tx, participantId);
  const [row] = await tx
    .with(voter)
    .select({
      item: {
        id: agendaItems.id,
        phase: agendaItems.phase,
        votingState: agendaItems.votingState,
        activities: agendaItems.activities,
        clusterId: agendaItems.clusterId,
        measureIds: agendaItems.measureIds,
      },
      session: {
        id: liveSessions.id,
        status: liveSessions.status,
        dotsPerParticipant: liveSessions.dotsPerParticipant,
      },
    })
    .from(agendaItems)
    .innerJoin(liveSessions, eq(liveSessions.id, agendaItems.liveSessionId))
    .innerJoin(voter, eq(voter.conferenceId, liveSessions.conferenceId))
    .where(eq(agendaItems.id, agendaItemId));
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

type NewVote = typeof votes.$inferInsert & { clientId: string; kind: VoteRow["kind"]; criterion: string | null };

/**
 * Client ids are the votes' idempotency keys. A retry of the same command finds all of its rows
 * and counts once (true); an id another command holds (another participant's, a dot vote's `X-2`
 * beside a ranking's `X`) is refused with a conflict, never a unique violation.
 */
async function isRetry(tx: Tx, liveSessionId: string, rows: NewVote[]): Promise<boolean> {
  const clientIds = rows.map((row) => row.clientId);
  const taken = await tx
    .select({ participantId: votes.participantId, agendaItemId: votes.agendaItemId, kind: votes.kind })
    .from(votes)
    .where(and(eq(votes.liveSessionId, liveSessionId), inArray(votes.clientId, clientIds)));
  if (taken.length === 0) return false;
  const [first] = rows;
  const same = taken.every(
    (row) => row.participantId === (first!.participantId ?? null) && row.agendaItemId === first!.agendaItemId && row.kind === first!.kind,
  );
  if (same && taken.length === rows.length) return true;
  throw new DomainError("conflict", "live:error.clientIdTaken");
}

/** Stores a command's rows; a client id taken meanwhile by a concurrent command refuses them all. */
async function insertVotes(tx: Tx, rows: NewVote[]) {
  const inserted = await tx.insert(votes).values(rows).onConflictDoNothing().returning();
  if (inserted.length !== rows.length) throw new DomainError("conflict", "live:error.clientIdTaken");
  return inserted;
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

type Vote = ReturnType<typeof castVoteSchema.parse>;
type Activities = Awaited<ReturnType<typeof lockVoter>>["item"]["activities"];

/** A vote's rows: one per rated criterion (`<clientId>-1`, `-2`, … when several are rated at once). */
function rowsOf(vote: Vote, base: Omit<NewVote, "clientId" | "kind" | "criterion" | "value">): NewVote[] {
  if (vote.kind !== "rating") return [{ ...base, clientId: vote.clientId, kind: vote.kind, criterion: null, value: vote.value }];
  if (!vote.ratings) return [{ ...base, clientId: vote.clientId, kind: "rating", criterion: vote.criterion!, value: vote.value! }];
  return vote.ratings.map((answer, i) => ({ ...base, clientId: `${vote.clientId}-${i + 1}`, kind: "rating", ...answer }));
}

function checkAllowed(vote: Vote, rows: NewVote[], activities: Activities, spent: ReturnType<typeof dotsSpent>, budget: number) {
  if (vote.kind === "dots") {
    if (!activities.dots) throw new DomainError("invalid", "live:error.activityOff");
    const onItem = spent.item + vote.value;
    const total = spent.session + vote.value;
    if (onItem < 0 || total < 0) throw new DomainError("invalid", "live:error.noDotsToTakeBack");
    if (onItem > activities.dots.maxPerItem) {
      throw new DomainError("conflict", "live:error.tooManyDotsOnItem", {}, { count: activities.dots.maxPerItem });
    }
    if (total > budget) throw new DomainError("conflict", "live:error.noDotsLeft", {}, { count: budget });
  } else if (vote.kind === "rating") {
    const rating = activities.rating;
    if (!rating) throw new DomainError("invalid", "live:error.activityOff");
    const criteria = rows.map((row) => row.criterion!);
    // Every criterion of the rating once, each in range: one bad answer refuses the whole rating.
    if (new Set(criteria).size !== criteria.length) throw new DomainError("invalid", "live:error.outOfRange");
    for (const row of rows) {
      if (!rating.criteria.includes(row.criterion!) || row.value < rating.min || row.value > rating.max) {
        throw new DomainError("invalid", "live:error.outOfRange");
      }
    }
  } else if (!activities.scale) {
    throw new DomainError("invalid", "live:error.activityOff");
  }
}

/**
 * Spend or take back dots, rate the criteria, or answer the scale: one command, one transaction,
 * so a rating refused on one criterion stores none. A retried clientId counts once.
 */
export async function castVote(deps: LiveDeps, actor: Actor, input: unknown): Promise<VoteReceipt> {
  authorize(actor, "vote.cast");
  if (actor.kind !== "participant") throw new DomainError("forbidden", "live:error.notInConference");
  const vote = parseInput(castVoteSchema, input);
  const outcome = await deps.db.transaction(async (tx) => {
    const { item, session } = await lockVoter(tx, vote.agendaItemId, actor.participantId);
    const rows = rowsOf(vote, { liveSessionId: session.id, agendaItemId: item.id, participantId: actor.participantId });
    const mine = await votesOf(tx, actor.participantId, session.id);
    if (await isRetry(tx, session.id, rows)) return { duplicate: true, liveSessionId: session.id, mine };
    checkAllowed(vote, rows, item.activities, dotsSpent(mine, item.id), session.dotsPerParticipant);
    await insertVotes(tx, rows);
    const createdAt = new Date();
    return { duplicate: false, liveSessionId: session.id, mine: [...rows.map((row) => ({ ...row, participantId: actor.participantId, createdAt })), ...mine] };
  });
  if (!outcome.duplicate) {
    deps.publish({ type: "votes.changed", liveSessionId: outcome.liveSessionId, audience: "internal", agendaItemId: vote.agendaItemId });
  }
  return { duplicate: outcome.duplicate, myVotes: tallyMyVotes(outcome.mine) };
}

/** A ranking ballot over the measures of a ranking or cluster item; the newest ballot replaces older ones. */
export async function castRanking(deps: LiveDeps, actor: Actor, input: unknown): Promise<VoteReceipt> {
  authorize(actor, "vote.cast");
  if (actor.kind !== "participant") throw new DomainError("forbidden", "live:error.notInConference");
  const ballot = parseInput(castRankingSchema, input);
  const outcome = await deps.db.transaction(async (tx) => {
    const { item, session } = await lockVoter(tx, ballot.agendaItemId, actor.participantId);
    const rows = ballot.order.map((code, i) => ({
      clientId: `${ballot.clientId}-${i + 1}`,
      liveSessionId: session.id,
      agendaItemId: item.id,
      participantId: actor.participantId,
      kind: "ranking" as const,
      criterion: code,
      value: i + 1,
    }));
    const mine = await votesOf(tx, actor.participantId, session.id);
    if (await isRetry(tx, session.id, rows)) return { duplicate: true, liveSessionId: session.id, mine };
    if (!item.activities.ranking || !(item.measureIds || item.clusterId)) throw new DomainError("invalid", "live:error.activityOff");
    // The options as rules.rankingOptions reads them: a ranking item's own list, else the cluster's measures.
    const known = new Set(await rankingCodes(tx, item));
    // Only the item's own measures, each once: anything else would sit in the votes unseen by results.
    if (new Set(ballot.order).size !== ballot.order.length || !ballot.order.every((code) => known.has(code))) {
      throw new DomainError("invalid", "live:error.outOfRange");
    }
    await insertVotes(tx, rows);
    const createdAt = new Date();
    return { duplicate: false, liveSessionId: session.id, mine: [...rows.map((row) => ({ ...row, createdAt })), ...mine] };
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
export function checkPaperEntry(
  activities: AgendaActivities,
  entry: Pick<z.output<typeof paperVoteSchema>, "kind" | "criterion" | "value">,
) {
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
    const vote: NewVote = {
      clientId: entry.clientId,
      liveSessionId: row.session.id,
      agendaItemId: row.item.id,
      enteredBy: actor.kind === "staff" ? actor.userId : null,
      kind: entry.kind,
      criterion: entry.kind === "rating" ? (entry.criterion ?? null) : null,
      value: entry.value,
      weight: entry.kind === "dots" ? 1 : entry.weight,
      source: "paper",
    };
    if (await isRetry(tx, row.session.id, [vote])) return { duplicate: true, stored: null };
    checkPaperEntry(row.item.activities, entry);
    const [stored] = await insertVotes(tx, [vote]);
    return { duplicate: false, stored: stored! };
  });
  if (outcome.stored) await publishPaperBatch(deps, outcome.stored);
  return { duplicate: outcome.duplicate };
}

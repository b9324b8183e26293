import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { agendaItems, liveSessions, votes } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/permissions";
import { authorizeConference } from "../conferences/team.server";
import { DomainError, parseInput, notFound } from "../errors";
import type { LiveDeps } from "./events";
import { paperBatchesOf, publishPaperBatch, type PaperBatch } from "./paper-batch.server";
import { correctPaperVoteSchema, paperVoteRefSchema } from "./schemas";
import { authorizeLiveSession } from "./steering.server";
import { checkPaperEntry } from "./votes.server";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** The session's paper entries, oldest first, for its conference's team. */
export async function listPaperVotes(db: Db, actor: Actor, liveSessionId: string): Promise<PaperBatch[]> {
  await authorizeLiveSession(db, actor, "vote.enterPaper", liveSessionId);
  return paperBatchesOf(db, liveSessionId);
}

/**
 * The paper entry, its item and its session, read under locks: the session shared (so it cannot
 * close between the check and the change, which would leave the frozen result behind), the entry
 * for update (so two moderators correcting it at once take turns, the second seeing the first).
 */
async function lockPaperVote(tx: Tx, actor: Actor, voteId: string) {
  const [ref] = await tx.select({ liveSessionId: votes.liveSessionId }).from(votes).where(eq(votes.id, voteId));
  if (!ref) throw notFound();
  const [session] = await tx
    .select({ id: liveSessions.id, conferenceId: liveSessions.conferenceId, status: liveSessions.status })
    .from(liveSessions)
    .where(eq(liveSessions.id, ref.liveSessionId))
    .for("share");
  const [row] = await tx
    .select({ vote: votes, activities: agendaItems.activities })
    .from(votes)
    .innerJoin(agendaItems, eq(agendaItems.id, votes.agendaItemId))
    .where(eq(votes.id, voteId))
    .for("update", { of: votes });
  // Only the paper entries: a participant's own vote is theirs to change, never the moderator's.
  if (!session || !row || row.vote.source !== "paper") throw notFound();
  await authorizeConference(tx, actor, "vote.enterPaper", session.conferenceId);
  if (session.status === "closed") throw new DomainError("conflict", "live:error.sessionClosed");
  return { session, vote: row.vote, activities: row.activities };
}

/** Puts a miscounted paper entry right: its value, its number of ballots, its criterion. */
export async function correctPaperVote(deps: LiveDeps, actor: Actor, input: unknown): Promise<PaperBatch> {
  authorize(actor, "vote.enterPaper");
  const data = parseInput(correctPaperVoteSchema, input);
  const outcome = await deps.db.transaction(async (tx) => {
    const { vote, activities } = await lockPaperVote(tx, actor, data.voteId);
    const kind = vote.kind as PaperBatch["kind"];
    // Checked against the item as it is now: a scale since narrowed refuses a value it no longer offers.
    checkPaperEntry(activities, { kind, criterion: data.criterion, value: data.value });
    const changes = {
      criterion: kind === "rating" ? (data.criterion ?? null) : null,
      value: data.value,
      weight: kind === "dots" ? 1 : data.weight,
    };
    const [updated] = await tx.update(votes).set(changes).where(eq(votes.id, vote.id)).returning();
    return { vote: updated! };
  });
  return publishPaperBatch(deps, outcome.vote);
}

/** Takes a paper entry out of the count: entered twice, or on the wrong item. */
export async function withdrawPaperVote(deps: LiveDeps, actor: Actor, input: unknown): Promise<{ voteId: string }> {
  authorize(actor, "vote.enterPaper");
  const data = parseInput(paperVoteRefSchema, input);
  const outcome = await deps.db.transaction(async (tx) => {
    const { session, vote } = await lockPaperVote(tx, actor, data.voteId);
    await tx.delete(votes).where(eq(votes.id, vote.id));
    return { liveSessionId: session.id, agendaItemId: vote.agendaItemId };
  });
  const { liveSessionId, agendaItemId } = outcome;
  deps.publish({ type: "paperBatch.withdrawn", liveSessionId, audience: "moderators", agendaItemId, voteId: data.voteId });
  deps.publish({ type: "votes.changed", liveSessionId, audience: "internal", agendaItemId });
  return { voteId: data.voteId };
}

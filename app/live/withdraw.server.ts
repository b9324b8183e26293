import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { agendaItems, comments, liveSessions, proposals, votes } from "../../db/schema";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
type Reader = Pick<Db, "select">;

/** A participant's comments (with the session each belongs to) and proposals. */
export async function inputOf(db: Reader, participantId: string) {
  const [commentRows, proposalRows] = await Promise.all([
    db
      .select({ id: comments.id, liveSessionId: agendaItems.liveSessionId })
      .from(comments)
      .innerJoin(agendaItems, eq(agendaItems.id, comments.agendaItemId))
      .where(eq(comments.participantId, participantId)),
    db.select({ id: proposals.id }).from(proposals).where(eq(proposals.participantId, participantId)),
  ]);
  return { comments: commentRows, proposalIds: proposalRows.map((p) => p.id) };
}

export type Withdrawn = {
  /** Comments gone from the live screens (deleted, or kept without their author). */
  comments: { id: string; liveSessionId: string }[];
  /** Items whose live result changed because votes were taken back. */
  changedItems: { agendaItemId: string; liveSessionId: string }[];
  /** Votes in closed sessions stay, as anonymous counts. */
  votesKept: boolean;
};

/**
 * Takes back a participant's input inside the caller's transaction
 * (docs/decisions/017-participant-data.md): comments and proposals are deleted, except those a
 * planner's decision names (`keep`), which lose their author; answers to a deleted comment stay
 * as comments of their own. Votes in a session still open are deleted (its result is not final,
 * and the triggers take them out of the tallies); in a closed session they stay, since the frozen
 * result counted them.
 */
export async function withdrawInput(tx: Tx, participantId: string, keep: Set<string>): Promise<Withdrawn> {
  const mine = await inputOf(tx, participantId);
  const deletedComments = mine.comments.map((c) => c.id).filter((id) => !keep.has(id));
  const keptComments = mine.comments.map((c) => c.id).filter((id) => keep.has(id));
  const deletedProposals = mine.proposalIds.filter((id) => !keep.has(id));
  const keptProposals = mine.proposalIds.filter((id) => keep.has(id));

  if (keptComments.length) await tx.update(comments).set({ participantId: null, clientId: null }).where(inArray(comments.id, keptComments));
  if (deletedComments.length) {
    await tx.update(comments).set({ parentId: null }).where(inArray(comments.parentId, deletedComments));
    await tx.update(comments).set({ mergedIntoId: null }).where(inArray(comments.mergedIntoId, deletedComments));
    await tx.delete(comments).where(inArray(comments.id, deletedComments));
  }
  if (keptProposals.length) await tx.update(proposals).set({ participantId: null, clientId: null }).where(inArray(proposals.id, keptProposals));
  if (deletedProposals.length) {
    await tx.update(proposals).set({ mergedIntoId: null }).where(inArray(proposals.mergedIntoId, deletedProposals));
    await tx.delete(proposals).where(inArray(proposals.id, deletedProposals));
  }

  const openSessions = tx
    .select({ id: liveSessions.id })
    .from(liveSessions)
    .where(ne(liveSessions.status, "closed"));
  const taken = await tx
    .delete(votes)
    .where(and(eq(votes.participantId, participantId), inArray(votes.liveSessionId, openSessions)))
    .returning({ agendaItemId: votes.agendaItemId, liveSessionId: votes.liveSessionId });
  // The tally triggers are deferred to commit, when the participant's item_voter and latest_answer
  // rows are gone with the participant: take the votes out of the tallies while those rows exist.
  await tx.execute(sql`set constraints "vote_tally" immediate`);
  const [left] = await tx.select({ id: votes.id }).from(votes).where(eq(votes.participantId, participantId)).limit(1);
  const changed = new Map(taken.map((v) => [v.agendaItemId, v]));
  return { comments: mine.comments, changedItems: [...changed.values()], votesKept: left !== undefined };
}

import type { AgendaItemView, RankingOption } from "./views";

/**
 * What participants may do with an agenda item, in one place: the domain refuses by these rules
 * and the phone offers by them, so a screen never shows a form the server would refuse.
 */
type SessionFacts = { status: "draft" | "live" | "closed"; currentAgendaItemId: string | null };
type ItemFacts = Pick<AgendaItemView, "id" | "phase" | "votingState" | "commentsOpen" | "resultsVisible"> & {
  activities: Pick<AgendaItemView["activities"], "comments">;
};

/** A session takes participants' input only while it runs: not before it starts, not after it closed. */
export function sessionRunning(session: Pick<SessionFacts, "status">): boolean {
  return session.status === "live";
}

/** Participants see an item while the room is on it, and any item whose results were revealed. */
export function visibleToParticipants(item: Pick<ItemFacts, "id" | "resultsVisible">, currentAgendaItemId: string | null): boolean {
  return resultsRevealed(item) || item.id === currentAgendaItemId;
}

/** An item's result reaches the participants' phones and the projector once the moderator revealed it. */
export function resultsRevealed(item: Pick<ItemFacts, "resultsVisible">): boolean {
  return item.resultsVisible;
}

/** Who is sent an item's result: everybody once revealed, the moderators until then. */
export function resultAudience(item: Pick<ItemFacts, "resultsVisible">): "all" | "moderators" {
  return resultsRevealed(item) ? "all" : "moderators";
}

/** The item itself is taking votes: prioritised, with voting open (the projector says so). */
export function votingOpen(item: Pick<ItemFacts, "phase" | "votingState">): boolean {
  return item.phase === "prioritise" && item.votingState === "open";
}

/** Votes are taken while the session runs and the item is being prioritised with voting open. */
export function votable(session: Pick<SessionFacts, "status">, item: Pick<ItemFacts, "phase" | "votingState">): boolean {
  return sessionRunning(session) && votingOpen(item);
}

/**
 * What the phone says instead of a voting control, for an item that has votes: nothing while they
 * are hidden or open, "later" while the item is still discussed, else "closed".
 */
export function votingNotice(session: Pick<SessionFacts, "status">, item: Pick<ItemFacts, "phase" | "votingState">): "later" | "closed" | null {
  if (item.votingState === "hidden" || votable(session, item)) return null;
  return item.phase === "discuss" ? "later" : "closed";
}

/**
 * Comments are taken on the item the room is on, while the session runs, the item offers comments
 * and the moderator has not closed them: an item the room left or has not reached stays quiet,
 * whatever its own setting says.
 */
export function commentable(session: SessionFacts, item: Pick<ItemFacts, "id" | "commentsOpen" | "activities">): boolean {
  return sessionRunning(session) && item.id === session.currentAgendaItemId && item.activities.comments && item.commentsOpen;
}

/** Proposals are taken while the session runs, whichever item the room is on. */
export function proposable(session: Pick<SessionFacts, "status">): boolean {
  return sessionRunning(session);
}

/** Items that hold measures to rank: a focus theme's, or a ranking item's own list. */
export function rankable(kind: AgendaItemView["kind"]): boolean {
  return kind === "cluster" || kind === "ranking";
}

/**
 * The measures a ranking ballot orders: a ranking item's own list, else a focus theme's measures.
 * The ballot form, the domain's check (by the same lists in the database) and the results use it.
 */
export function rankingOptions(item: Pick<AgendaItemView, "rankedMeasures" | "cluster">): RankingOption[] {
  return item.rankedMeasures ?? item.cluster?.measures ?? [];
}

/** What decides who sees a comment; a `CommentView` has it, and so does a comment's row. */
export type CommentFacts = { hidden: unknown; mergedIntoId: string | null; awaitingApproval: boolean };

/**
 * Who sees a comment besides the moderators: everybody once it is neither hidden nor merged and,
 * under pre-moderation, approved; its author alone while it waits for approval (so they know it
 * arrived); nobody else once a moderator hid or merged it. The domain reads by it (its SQL form
 * is `participantCommentFilter`), the publisher sends by it and the screens keep by it.
 */
export function commentAudience(comment: CommentFacts): "all" | "author" | "moderators" {
  if (comment.hidden || comment.mergedIntoId) return "moderators";
  return comment.awaitingApproval ? "author" : "all";
}

/** On the projector's wall and every phone: the comments whose audience is everybody. */
export function commentPublic(comment: CommentFacts): boolean {
  return commentAudience(comment) === "all";
}

/** A comment can be supported while the session runs, once everybody sees it (never a hidden or waiting one). */
export function supportable(session: Pick<SessionFacts, "status">, comment: CommentFacts): boolean {
  return sessionRunning(session) && commentPublic(comment);
}

import type { AgendaItemView } from "./views";

/**
 * What participants may do with an agenda item, in one place: the domain refuses by these rules
 * and the phone offers by them, so a screen never shows a form the server would refuse.
 */
type SessionFacts = { status: "draft" | "live" | "closed"; currentAgendaItemId: string | null };
type ItemFacts = Pick<AgendaItemView, "id" | "phase" | "votingState" | "commentsOpen" | "resultsVisible"> & {
  activities: Pick<AgendaItemView["activities"], "comments">;
};

/** Participants see an item while the room is on it, and any item whose results were revealed. */
export function visibleToParticipants(item: Pick<ItemFacts, "id" | "resultsVisible">, currentAgendaItemId: string | null): boolean {
  return item.resultsVisible || item.id === currentAgendaItemId;
}

/** Votes are taken while the session runs and the item is being prioritised with voting open. */
export function votable(session: Pick<SessionFacts, "status">, item: Pick<ItemFacts, "phase" | "votingState">): boolean {
  return session.status === "live" && item.phase === "prioritise" && item.votingState === "open";
}

/**
 * Comments are taken on the item the room is on, while the session runs, the item offers comments
 * and the moderator has not closed them: an item the room left or has not reached stays quiet,
 * whatever its own setting says.
 */
export function commentable(session: SessionFacts, item: Pick<ItemFacts, "id" | "commentsOpen" | "activities">): boolean {
  return session.status === "live" && item.id === session.currentAgendaItemId && item.activities.comments && item.commentsOpen;
}

/**
 * The measures a ranking ballot orders: a ranking item's own list, else a focus theme's measures.
 * The ballot form, the domain's check (by the same lists in the database) and the results use it.
 */
export function rankingOptions(item: Pick<AgendaItemView, "rankedMeasures" | "cluster">): { code: string; title: string }[] {
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

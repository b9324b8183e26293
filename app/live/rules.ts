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

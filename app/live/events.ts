import type { Db } from "../../db/client";
import { visibleToParticipants } from "./rules";
import type { PaperBatch } from "./paper-batch.server";
import type { Translator } from "../translation/translator";
import type { TranslationView } from "../translation/views";
import type { AgendaItemView, CommentView, ItemResult, ProposalView } from "./views";

/**
 * What a committed live-session action changed. Each event carries the change itself (the new
 * item, the new aggregate), so a thousand phones never refetch at once.
 * `audience` says who may see it: everyone in the session, only its moderators, or no client
 * (`internal`: the realtime layer turns a burst of `votes.changed` into one coalesced result).
 */
export type LiveEvent =
  | { type: "agendaItem.updated"; liveSessionId: string; audience: "all" | "moderators"; item: AgendaItemView }
  /** The item is gone from the agenda; only ever one without participants' input (removeAgendaItem). */
  | { type: "agendaItem.removed"; liveSessionId: string; audience: "all" | "moderators"; agendaItemId: string }
  | {
      type: "liveSession.currentItem";
      liveSessionId: string;
      audience: "all";
      item: AgendaItemView | null;
      /** The new item's visible comments, so no screen has to ask for them. */
      comments: CommentView[];
    }
  | { type: "liveSession.closed"; liveSessionId: string; audience: "all" }
  /** The moderator's countdown: seconds left as it was sent, or null when stopped (setTimer). */
  | { type: "liveSession.timer"; liveSessionId: string; audience: "all"; secondsLeft: number | null }
  /** The console's Q: the projectors show or hide their join panel (setJoinPanel). */
  | { type: "liveSession.joinPanel"; liveSessionId: string; audience: "all"; shown: boolean }
  | ({ type: "comment.added"; liveSessionId: string; comment: CommentView } & CommentAudience)
  | ({ type: "comment.updated"; liveSessionId: string; comment: CommentView } & CommentAudience)
  | ({ type: "comment.removed"; liveSessionId: string; commentId: string } & ({ audience: "all" } | AuthorAudience))
  /** Its author deleted it: gone from every screen, the moderators' too. */
  | { type: "comment.deleted"; liveSessionId: string; audience: "all"; commentId: string }
  /** A comment's new translation, to whoever sees the comment (decision 042). */
  | ({ type: "comment.translated"; liveSessionId: string; agendaItemId: string; commentId: string; translation: TranslationView } & CommentAudience)
  | { type: "proposal.translated"; liveSessionId: string; audience: "moderators"; proposalId: string; translation: TranslationView }
  /** The projector's second language for the wall of comments, or null for the main one alone. */
  | { type: "liveSession.wallLanguage"; liveSessionId: string; audience: "all"; language: string | null }
  | { type: "proposal.added"; liveSessionId: string; audience: "moderators"; proposal: ProposalView }
  | { type: "proposal.updated"; liveSessionId: string; audience: "moderators"; proposal: ProposalView }
  | { type: "result.updated"; liveSessionId: string; audience: "all" | "moderators"; result: ItemResult }
  | { type: "votes.changed"; liveSessionId: string; audience: "internal"; agendaItemId: string }
  /** A paper entry as it stands after being entered or corrected; the consoles list it. */
  | { type: "paperBatch.updated"; liveSessionId: string; audience: "moderators"; batch: PaperBatch }
  | { type: "paperBatch.withdrawn"; liveSessionId: string; audience: "moderators"; agendaItemId: string; voteId: string }
  | { type: "participants.joined"; liveSessionId: string; audience: "all"; participantCount: number };

/**
 * Participants see an agenda item only while it is current or its results are revealed (the rule
 * of getLiveState and applyLiveEvent); any other item's change goes to the moderators alone, so a
 * phone never receives an item the room has not reached.
 */
export function itemAudience(
  item: { id: string; resultsVisible: boolean },
  currentAgendaItemId: string | null,
): "all" | "moderators" {
  return visibleToParticipants(item, currentAgendaItemId) ? "all" : "moderators";
}

/**
 * A comment waiting for approval goes to its author's own screens only (rules.commentAudience),
 * by the participant id the publisher turns into that participant's room.
 */
export type AuthorAudience = { audience: "author"; authorId: string };
type CommentAudience = { audience: "all" | "moderators" } | AuthorAudience;

export type Publish = (event: LiveEvent) => void;

/** What every live domain function needs besides its input: the database and an event sink. */
export type LiveDeps = {
  db: Db;
  publish: Publish;
  /** The machine translator the environment chose (translatorFromEnv), if any: used after commits. */
  translator?: Translator | null;
};

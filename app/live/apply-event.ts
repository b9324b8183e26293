import { withTranslation } from "../translation/views";
import type { LiveEvent } from "./events";
import { commentAudience, visibleToParticipants } from "./rules";
import type { LiveState } from "./state.server";

type ClientEvent = Exclude<LiveEvent, { audience: "internal" }>;

function upsert<T extends { id: string }>(list: T[], value: T, atStart = false): T[] {
  const index = list.findIndex((x) => x.id === value.id);
  if (index === -1) return atStart ? [value, ...list] : [...list, value];
  return list.map((x, i) => (i === index ? value : x));
}

/**
 * A screen's state after one event. Pure, so the browser, the tests and the benchmark all apply
 * events the same way.
 */
export function applyLiveEvent(state: LiveState, event: ClientEvent): LiveState {
  switch (event.type) {
    case "agendaItem.updated": {
      const known = state.items.some((i) => i.id === event.item.id);
      const relevant = state.moderator || visibleToParticipants(event.item, state.liveSession.currentAgendaItemId);
      if (!known && !relevant) return state;
      const items = upsert(state.items, event.item).sort((a, b) => a.position - b.position);
      return { ...state, items };
    }
    case "agendaItem.removed": {
      const items = state.items.filter((i) => i.id !== event.agendaItemId);
      // Never the current item (removeAgendaItem refuses it), so the comments stay as they are.
      const results = state.results.filter((r) => r.agendaItemId !== event.agendaItemId);
      return { ...state, items, results };
    }
    case "liveSession.currentItem": {
      const items = event.item ? upsert(state.items, event.item).sort((a, b) => a.position - b.position) : state.items;
      return {
        ...state,
        items,
        comments: event.comments,
        liveSession: { ...state.liveSession, status: "live", currentAgendaItemId: event.item?.id ?? null },
      };
    }
    case "liveSession.closed":
      return { ...state, liveSession: { ...state.liveSession, status: "closed" } };
    // A participant's screen keeps a comment only while rules.commentAudience lets it: a comment
    // sent to its author, then hidden, leaves their screen even if a removal went astray.
    case "comment.added":
      if (event.comment.agendaItemId !== state.liveSession.currentAgendaItemId) return state;
      if (!state.moderator && commentAudience(event.comment) === "moderators") return state;
      return { ...state, comments: upsert(state.comments, event.comment, true) };
    case "comment.updated":
      if (!state.comments.some((c) => c.id === event.comment.id)) return state;
      if (!state.moderator && commentAudience(event.comment) === "moderators") {
        return { ...state, comments: state.comments.filter((c) => c.id !== event.comment.id) };
      }
      return { ...state, comments: upsert(state.comments, event.comment) };
    case "comment.removed":
      if (state.moderator) return state;
      return { ...state, comments: state.comments.filter((c) => c.id !== event.commentId) };
    case "comment.translated":
      return {
        ...state,
        comments: state.comments.map((c) => (c.id === event.commentId ? { ...c, translations: withTranslation(c.translations, event.translation) } : c)),
      };
    case "proposal.translated":
      return state.proposals
        ? {
            ...state,
            proposals: state.proposals.map((p) => (p.id === event.proposalId ? { ...p, translations: withTranslation(p.translations, event.translation) } : p)),
          }
        : state;
    case "liveSession.wallLanguage":
      return { ...state, liveSession: { ...state.liveSession, wallLanguage: event.language } };
    case "comment.deleted":
      return { ...state, comments: state.comments.filter((c) => c.id !== event.commentId) };
    case "proposal.added":
    case "proposal.updated":
      return state.proposals ? { ...state, proposals: upsert(state.proposals, event.proposal, true) } : state;
    // Listed in the order they were entered; a correction keeps its place.
    case "paperBatch.updated":
      return state.paperBatches ? { ...state, paperBatches: upsert(state.paperBatches, event.batch) } : state;
    case "paperBatch.withdrawn":
      return state.paperBatches ? { ...state, paperBatches: state.paperBatches.filter((b) => b.id !== event.voteId) } : state;
    case "result.updated": {
      const results = state.results.filter((r) => r.agendaItemId !== event.result.agendaItemId);
      return { ...state, results: [...results, event.result] };
    }
    // A countdown and the projector's join panel are moments, not state: useLiveSession hands them to the page.
    case "liveSession.timer":
    case "liveSession.joinPanel":
      return state;
    case "participants.joined":
      return { ...state, participantCount: event.participantCount };
  }
}

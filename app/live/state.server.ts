import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { proposals } from "../../db/schema";
import type { Actor } from "../auth/actor";
import type { TranslatedTexts } from "../catalogue/translated";
import { participantCount } from "../auth/participant-profiles.server";
import { authorize, can } from "../auth/permissions";
import { getConference, type ConferenceView } from "../conferences/conferences.server";
import { authorizeConference } from "../conferences/team.server";
import { DomainError, parseInput, notFound } from "../errors";
import { commentsOfItems } from "./comments.server";
import { loadItems, loadLiveSession } from "./items.server";
import { paperBatchesOf, type PaperBatch } from "./paper-batch.server";
import { loadProposals } from "./proposals.server";
import { computeItemResults } from "./results.server";
import { resultsRevealed, visibleToParticipants } from "./rules";
import { watchSchema } from "./schemas";
import type { AgendaItemView, CommentView, ItemResult, MyVotes, ProposalView } from "./views";
import { myVotes } from "./my-votes.server";

export type LiveState = {
  liveSession: {
    id: string;
    title: string;
    status: "draft" | "live" | "closed";
    joinCode: string | null;
    dotsPerParticipant: number;
    currentAgendaItemId: string | null;
    /** The projector's second language for the wall of comments (decision 042). */
    wallLanguage: string | null;
    /** Its step in a two-step prioritisation, null in a free agenda (decision 051). */
    step: "working_group" | "steering_group" | null;
  };
  conference: ConferenceView;
  items: AgendaItemView[];
  /** Comments on the current item (moderators also get hidden ones). */
  comments: CommentView[];
  /** Results the reader may see: all for moderators, revealed ones for everybody else. */
  results: ItemResult[];
  proposals: ProposalView[] | null;
  /** The session's paper entries, for moderators only (null for everybody else). */
  paperBatches: PaperBatch[] | null;
  participantCount: number;
  me: (MyVotes & { participantId: string; language: string }) | null;
  moderator: boolean;
};

/**
 * Who may watch a session, asked before a socket joins its rooms: its conference's team (who
 * steer it and also see what only moderators see) and, once started, its own participants.
 */
export async function authorizeWatch(db: Db, actor: Actor, input: unknown) {
  const { liveSessionId, reader } = parseInput(watchSchema, input);
  const session = await loadLiveSession(db, liveSessionId);
  if (!session) throw notFound();
  // The team's screens: its moderators' and its language mediators', who translate what only the
  // team sees yet (decision 042).
  const teamAction = can(actor, "liveSession.moderate") ? "liveSession.moderate" : "translation.write";
  const moderator = can(actor, teamAction);
  // Staff see everything of a session, so only its conference's team (and the admins) see it at all.
  if (moderator) await authorizeConference(db, actor, teamAction, session.conferenceId);
  if (!moderator) {
    if (actor.kind !== "participant" || actor.conferenceId !== session.conferenceId) {
      authorize(actor, "liveSession.moderate");
    }
    if (session.status === "draft") throw new DomainError("conflict", "live:error.notStarted");
  }
  return { moderator, liveSessionId, reader };
}

/**
 * Everything a screen needs to show a live session now. A client calls it on load and after a
 * reconnect, then applies events; it never has to guess what it missed.
 */
export async function getLiveState(db: Db, actor: Actor, liveSessionId: string): Promise<LiveState> {
  const { moderator } = await authorizeWatch(db, actor, { liveSessionId });
  return liveStateOf(db, actor, { moderator, liveSessionId });
}

/**
 * The state of a session authorizeWatch let the actor watch, without asking again: a phone's
 * watch authorises before it joins the rooms and reads after (realtime/live-handlers.ts). The
 * session row is read here, after the join, so a change in between is never lost.
 */
export async function liveStateOf(
  db: Db,
  actor: Actor,
  { moderator, liveSessionId }: { moderator: boolean; liveSessionId: string },
): Promise<LiveState> {
  const session = (await loadLiveSession(db, liveSessionId))!;
  const conference = (await getConference(db, session.conferenceId))!;
  const items = await loadItems(db, session.id);
  const current = items.find((i) => i.id === session.currentAgendaItemId) ?? null;
  const visibleItems = moderator ? items : items.filter((i) => visibleToParticipants(i, session.currentAgendaItemId));
  const [commentList, results, proposalList, batches, joined, mine] = await Promise.all([
    commentsOfItems(db, current ? [current.id] : [], moderator, actor.kind === "participant" ? actor.participantId : undefined),
    computeItemResults(
      db,
      visibleItems.filter((i) => moderator || resultsRevealed(i)),
      session.id,
    ),
    moderator ? loadProposals(db, eq(proposals.conferenceId, session.conferenceId)) : Promise.resolve(null),
    moderator ? paperBatchesOf(db, session.id) : Promise.resolve(null),
    participantCount(db, session.conferenceId),
    actor.kind === "participant" ? myVotes(db, actor.participantId, session.id) : Promise.resolve(null),
  ]);
  return {
    liveSession: {
      id: session.id,
      title: session.title,
      status: session.status,
      joinCode: session.joinCode,
      dotsPerParticipant: session.dotsPerParticipant,
      currentAgendaItemId: session.currentAgendaItemId,
      wallLanguage: session.wallLanguage,
      step: session.step,
    },
    conference,
    items: moderator ? items : visibleItems,
    comments: commentList,
    results,
    proposals: proposalList,
    paperBatches: batches,
    participantCount: joined,
    me: mine && actor.kind === "participant" ? { ...mine, participantId: actor.participantId, language: actor.language } : null,
    moderator,
  };
}

/**
 * The state as one phone's page carries it: each measure, and each measure a ranking offers, with
 * its reader's translation only. Decision 041 sends every language so that shared screens pick per
 * reader; a phone has one reader, and on a 2G-like link the other eight languages cost about 4 KiB
 * of page data. A language switch reloads the page, so the narrowed state never has to change language.
 */
export function forReader(state: LiveState, language: string): LiveState {
  const only = <M extends { translations: TranslatedTexts[] }>(m: M): M => ({ ...m, translations: m.translations.filter((t) => t.language === language) });
  return {
    ...state,
    items: state.items.map((item) => ({
      ...item,
      measure: item.measure && only(item.measure),
      rankedMeasures: item.rankedMeasures && item.rankedMeasures.map(only),
      cluster: item.cluster && { ...item.cluster, measures: item.cluster.measures.map(only) },
      goal: item.goal && { ...item.goal, measures: item.goal.measures.map(only) },
    })),
  };
}

import type { LiveEvent } from "./events";
import type { LiveState } from "./state.server";
import type { CommentView, ProposalView } from "./views";
import type { VoteReceipt } from "./votes.server";

/** Why a command was refused: a locale key the client translates, with field-level keys. */
export type CommandError = {
  code: "invalid" | "unauthenticated" | "forbidden" | "not_found" | "conflict" | "rate_limited" | "server";
  messageKey: string;
  values?: Record<string, string | number>;
  fields?: Record<string, string>;
};
export type CommandReply<T> = { ok: true; data: T } | { ok: false; error: CommandError };
type Command<P, T> = (payload: P, ack: (reply: CommandReply<T>) => void) => void;

/**
 * Live-session commands a client may send; each maps to one domain function. Only the phones' own
 * actions travel here: the console steers through its forms (docs/decisions/037).
 */
export interface LiveClientEvents {
  "liveSession:watch": Command<{ liveSessionId: string }, LiveState>;
  "vote:cast": Command<unknown, VoteReceipt>;
  "ranking:cast": Command<unknown, VoteReceipt>;
  "comment:post": Command<unknown, CommentView>;
  "comment:support": Command<unknown, CommentView>;
  "proposal:submit": Command<unknown, ProposalView>;
}

type ClientLiveEvent = Exclude<LiveEvent, { audience: "internal" }>;

/** Every published change, under its own event name, carrying the change itself. */
export type LiveServerEvents = {
  [E in ClientLiveEvent as E["type"]]: (event: E) => void;
};

export function moderatorsRoom(liveSessionId: string): string {
  return `live-session:${liveSessionId}:moderators`;
}

/** A participant's own screens in a session: where their comments waiting for approval go. */
export function authorRoom(liveSessionId: string, participantId: string): string {
  return `live-session:${liveSessionId}:participant:${participantId}`;
}

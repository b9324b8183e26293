import type { z } from "zod";
import type { DomainErrorCode } from "../errors";
import type { LiveEvent } from "./events";
import type {
  castRankingSchema,
  castVoteSchema,
  commentRefSchema,
  watchSchema,
  postCommentSchema,
  submitProposalSchema,
} from "./schemas";
import type { LiveState } from "./state.server";
import type { CommentView, ProposalView } from "./views";
import type { VoteReceipt } from "./votes.server";

/** Why a socket event was refused: a locale key the client translates, with field-level keys. */
export type Refusal = {
  code: DomainErrorCode | "server";
  messageKey: string;
  values?: Record<string, string | number>;
  fields?: Record<string, string>;
};

/**
 * The one acknowledgement of every client-to-server socket event (docs/decisions/037): what the
 * command committed, or why nothing changed.
 */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: Refusal };

/**
 * A socket command whose payload is what its domain function's schema accepts (`z.input`): the
 * server still parses it, as the payload of a socket is only ever what the client claims.
 */
type Command<Schema extends z.ZodTypeAny, Result> = (payload: z.input<Schema>, ack: (reply: Ack<Result>) => void) => void;

/**
 * Live-session commands a client may send; each maps to one domain function. Only the phones'
 * own actions travel here: the console steers through its forms (docs/decisions/037).
 */
export interface LiveClientEvents {
  "liveSession:watch": Command<typeof watchSchema, LiveState>;
  "vote:cast": Command<typeof castVoteSchema, VoteReceipt>;
  "ranking:cast": Command<typeof castRankingSchema, VoteReceipt>;
  "comment:post": Command<typeof postCommentSchema, CommentView>;
  "comment:support": Command<typeof commentRefSchema, CommentView>;
  "proposal:submit": Command<typeof submitProposalSchema, ProposalView>;
}

export type LiveCommand = keyof LiveClientEvents;
export type CommandPayload<E extends LiveCommand> = Parameters<LiveClientEvents[E]>[0];
export type CommandReply<E extends LiveCommand> = Parameters<Parameters<LiveClientEvents[E]>[1]>[0];

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

import type { Actor, ParticipantActor } from "../app/auth/actor";
import type { LiveClientEvents, LiveServerEvents } from "../app/live/contract";

/**
 * The socket.io contract, shared by the server and the browser bundle. Every client event
 * answers through an acknowledgement, so a client knows whether its action was committed.
 */
export type AckError = { code: "invalid" | "forbidden" | "not_found" | "conflict" | "server"; message: string };
export type Ack<T> = { ok: true; data: T } | { ok: false; error: AckError };

export type PingPayload = { sentAt: number };
export type Pong = { sentAt: number; serverTime: number };

export interface ClientToServerEvents extends LiveClientEvents {
  ping: (payload: PingPayload, ack: (reply: Ack<Pong>) => void) => void;
}

export type ServerToClientEvents = LiveServerEvents;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface InterServerEvents {}

export interface SocketData {
  /** Set by the handshake from the session or participant cookie (realtime/auth.ts). */
  actor: Actor;
  /** A participant's identities in every conference they joined; watching a session picks its own. */
  identities: ParticipantActor[];
}

/** One room per live session, so a vote's aggregate reaches only that room. */
export function liveSessionRoom(liveSessionId: string): string {
  return `live-session:${liveSessionId}`;
}

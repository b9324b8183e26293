import type { Server, Socket } from "socket.io";
import { z } from "zod";
import type { Actor, ParticipantActor } from "../app/auth/actor";
import type { Ack, LiveClientEvents, LiveServerEvents } from "../app/live/contract";

/**
 * The socket.io contract of the server: the live room's commands and events, and `ping`. Every
 * client event answers through the one acknowledgement `Ack` (app/live/contract.ts), so a client
 * knows whether its action was committed.
 */
export const pingSchema = z.object({ sentAt: z.number().finite() });
export type Pong = { sentAt: number; serverTime: number };

export interface ClientToServerEvents extends LiveClientEvents {
  ping: (payload: z.input<typeof pingSchema>, ack: (reply: Ack<Pong>) => void) => void;
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

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/** One room per live session, so a vote's aggregate reaches only that room. */
export function liveSessionRoom(liveSessionId: string): string {
  return `live-session:${liveSessionId}`;
}

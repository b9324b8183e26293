import type { Socket } from "socket.io";
import { actorFromCookies } from "../app/auth/actor.server";
import { allows, type Access } from "../app/auth/route-permissions";
import type { Db } from "../db/client";
import type { ClientToServerEvents, InterServerEvents, ServerToClientEvents, SocketData } from "./events";

type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/** Handshake: staff by their session cookie, participants by their participant cookie, else anonymous. */
export function authenticateSocket(db: Db) {
  return async (socket: AppSocket, next: (error?: Error) => void) => {
    try {
      const { actor, identities } = await actorFromCookies(db, socket.request.headers.cookie);
      socket.data.actor = actor;
      socket.data.identities = identities;
      next();
    } catch (error) {
      next(error instanceof Error ? error : new Error(String(error)));
    }
  };
}

// Both reply shapes in use (ping's `message`, the live commands' `messageKey`) carry the key.
const notAllowed = "auth:error.eventNotAllowed";
const forbidden = { ok: false, error: { code: "forbidden", message: notAllowed, messageKey: notAllowed } } as const;

/**
 * Lets an event through only when the permission registry allows it for the socket's actor;
 * an event without an entry is refused for everyone.
 */
export function guardEvents(socket: AppSocket): void {
  socket.use(([event, ...args], next) => {
    const access = socketEventAccess(event);
    if (access && allows(socket.data.actor, access)) return next();
    const ack = args.at(-1);
    if (typeof ack === "function") ack(forbidden);
  });
}

/**
 * Every client-to-server socket event with what it requires; guardEvents refuses an event
 * the socket's actor may not send (and any event missing here) before its handler runs.
 */
export const socketEventPermissions = {
  ping: "public",
  // Watching needs no role: the domain lets in the session's moderators and its own participants.
  "liveSession:watch": "public",
  "vote:cast": "vote.cast",
  "ranking:cast": "vote.cast",
  "paperVote:enter": "vote.enterPaper",
  "comment:post": "comment.write",
  "comment:support": "comment.support",
  "comment:moderate": "comment.hide",
  "proposal:submit": "proposal.write",
  "proposal:moderate": "comment.hide",
  "agendaItem:setPhase": "liveSession.moderate",
  "agendaItem:settings": "liveSession.moderate",
  "liveSession:setCurrentItem": "liveSession.moderate",
} satisfies Record<keyof ClientToServerEvents, Access>;

export function socketEventAccess(event: string): Access | undefined {
  return Object.hasOwn(socketEventPermissions, event)
    ? (socketEventPermissions as Record<string, Access>)[event]
    : undefined;
}

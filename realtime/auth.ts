import { actorFromCookies } from "../app/auth/actor.server";
import { allows, type Access } from "../app/auth/route-permissions";
import type { Db } from "../db/client";
import type { Ack } from "../app/live/contract";
import type { ClientToServerEvents, RealtimeSocket } from "./events";

/** Handshake: staff by their session cookie, participants by their participant cookie, else anonymous. */
export function authenticateSocket(db: Db) {
  return async (socket: RealtimeSocket, next: (error?: Error) => void) => {
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

// Refused before any handler runs, in the acknowledgement every event answers with.
const forbidden: Ack<never> = { ok: false, error: { code: "forbidden", messageKey: "auth:error.eventNotAllowed" } };
const sessionEnded: Ack<never> = { ok: false, error: { code: "unauthenticated", messageKey: "auth:error.sessionEnded" } };

/**
 * A staff socket holds its rights only while its login session lives: sign-out, a password
 * change, deactivation or an expired session end it, and a changed role applies at once. Reads
 * the actor again from the handshake's cookie; false when the session is gone.
 */
export async function staffSessionLives(db: Db, socket: RealtimeSocket): Promise<boolean> {
  if (socket.data.actor.kind !== "staff") return true;
  const { actor } = await actorFromCookies(db, socket.request.headers.cookie);
  if (actor.kind !== "staff") return false;
  socket.data.actor = actor;
  return true;
}

/**
 * Lets an event through only when the permission registry allows it for the socket's actor;
 * an event without an entry is refused for everyone. A staff socket whose session ended is
 * told so and disconnected, which also takes it out of the moderators' rooms.
 */
export function guardEvents(socket: RealtimeSocket, db: Db): void {
  // One check after the other: the socket's events reach their handlers in the order they were sent.
  let checked = Promise.resolve();
  socket.use(([event, ...args], next) => {
    const ack = args.at(-1);
    const reply = (answer: Ack<never>) => {
      if (typeof ack === "function") ack(answer);
    };
    checked = checked.then(() => staffSessionLives(db, socket)).then(
      (lives) => {
        if (!lives) {
          reply(sessionEnded);
          socket.disconnect(true);
          return;
        }
        const access = socketEventAccess(event);
        if (access && allows(socket.data.actor, access)) return next();
        reply(forbidden);
      },
      (error: unknown) => next(error instanceof Error ? error : new Error(String(error))),
    );
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
  "comment:post": "comment.write",
  "comment:support": "comment.support",
  "proposal:submit": "proposal.write",
} satisfies Record<keyof ClientToServerEvents, Access>;

function socketEventAccess(event: string): Access | undefined {
  return Object.hasOwn(socketEventPermissions, event)
    ? (socketEventPermissions as Record<string, Access>)[event]
    : undefined;
}

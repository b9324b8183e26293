import type { Socket } from "socket.io";
import { actorIn, type Actor, type ParticipantActor } from "../app/auth/actor";
import { DomainError } from "../app/errors";
import type { LiveDeps } from "../app/live/events";
import { postComment, supportComment } from "../app/live/comments.server";
import { submitProposal } from "../app/live/proposals.server";
import { conferenceOfLiveSession } from "../app/live/items.server";
import { authorizeWatch, liveStateOf } from "../app/live/state.server";
import { castRanking, castVote } from "../app/live/votes.server";
import { logError } from "../app/log.server";
import { liveSessionRoom } from "./events";
import type { CommandError, CommandReply, LiveClientEvents } from "../app/live/contract";
import { authorRoom, moderatorsRoom } from "../app/live/contract";

type LiveSocket = Socket<LiveClientEvents, Record<string, never>, Record<string, never>, { actor: Actor; identities: ParticipantActor[] }>;

export function commandError(error: unknown): CommandError {
  if (error instanceof DomainError) {
    return { code: error.code, messageKey: error.messageKey, values: error.values, fields: error.fields };
  }
  logError("socket command failed", error);
  return { code: "server", messageKey: "common:error.serverText" };
}

/**
 * Thin adapters: each socket event calls the same domain function as the form action, and
 * acknowledges only after it committed (or tells why it refused).
 */
export type CommandTracker = <T>(command: () => Promise<T>) => Promise<T>;

export function registerLiveHandlers(socket: LiveSocket, deps: LiveDeps, track: CommandTracker = (command) => command()): void {
  const command = <E extends keyof LiveClientEvents, T>(
    event: E,
    run: (actor: Actor, payload: unknown) => Promise<T>,
  ) => {
    const handler = async (payload: unknown, ack: (reply: CommandReply<T>) => void) => {
      if (typeof ack !== "function") return;
      try {
        ack({ ok: true, data: await track(() => run(socket.data.actor, payload)) });
      } catch (error) {
        ack({ ok: false, error: commandError(error) });
      }
    };
    socket.on(event, handler as never);
  };

  command("liveSession:watch", async (actor, payload) => {
    const requested = (payload as { liveSessionId?: unknown } | null)?.liveSessionId;
    // A phone watches one session at a time and acts in it as the participant of its conference.
    if (typeof requested === "string") {
      socket.data.actor = actor = actorIn({ actor, identities: socket.data.identities }, await conferenceOfLiveSession(deps.db, requested));
    }
    // Authorise before joining: a refused socket must never sit in the rooms, not even for a moment.
    const { moderator } = await authorizeWatch(deps.db, actor, payload);
    const liveSessionId = requested as string;
    // The moderators' room carries hidden comments and proposals: only the conference's team joins it.
    // A participant also joins their own room: their comments waiting for approval go there alone.
    const rooms = [
      liveSessionRoom(liveSessionId),
      ...(moderator ? [moderatorsRoom(liveSessionId)] : []),
      ...(actor.kind === "participant" ? [authorRoom(liveSessionId, actor.participantId)] : []),
    ];
    // Join first, then read: a change committed in between arrives as an event instead of being lost.
    await socket.join(rooms);
    try {
      return await liveStateOf(deps.db, actor, { moderator, liveSessionId });
    } catch (error) {
      for (const room of rooms) await socket.leave(room);
      throw error;
    }
  });
  command("vote:cast", (actor, payload) => castVote(deps, actor, payload));
  command("ranking:cast", (actor, payload) => castRanking(deps, actor, payload));
  command("comment:post", (actor, payload) => postComment(deps, actor, payload));
  command("comment:support", (actor, payload) => supportComment(deps, actor, payload));
  command("proposal:submit", (actor, payload) => submitProposal(deps, actor, payload));
}

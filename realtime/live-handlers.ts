import { actorIn } from "../app/auth/actor";
import type { LiveDeps } from "../app/live/events";
import { postComment, supportComment } from "../app/live/comments.server";
import { submitProposal } from "../app/live/proposals.server";
import { conferenceOfLiveSession } from "../app/live/items.server";
import { authorizeWatch, forReader, liveStateOf } from "../app/live/state.server";
import { castRanking, castVote } from "../app/live/votes.server";
import { authorRoom, moderatorsRoom, type CommandPayload } from "../app/live/contract";
import { acknowledge, type CommandTracker } from "./ack";
import { liveSessionRoom, type RealtimeSocket } from "./events";

/**
 * Thin adapters: each socket event calls the same domain function as the phone's form action,
 * and acknowledges only after it committed (or tells why it refused). The payload is typed by the
 * domain's schema, yet passed on as received: the domain function parses it.
 */
export function registerLiveHandlers(socket: RealtimeSocket, deps: LiveDeps, track: CommandTracker = (command) => command()): void {
  const actor = () => socket.data.actor;
  socket.on("liveSession:watch", (payload, ack) => acknowledge(ack, () => watch(socket, deps, payload), track));
  socket.on("vote:cast", (payload, ack) => acknowledge(ack, () => castVote(deps, actor(), payload), track));
  socket.on("ranking:cast", (payload, ack) => acknowledge(ack, () => castRanking(deps, actor(), payload), track));
  socket.on("comment:post", (payload, ack) => acknowledge(ack, () => postComment(deps, actor(), payload), track));
  socket.on("comment:support", (payload, ack) => acknowledge(ack, () => supportComment(deps, actor(), payload), track));
  socket.on("proposal:submit", (payload, ack) => acknowledge(ack, () => submitProposal(deps, actor(), payload), track));
}

async function watch(socket: RealtimeSocket, deps: LiveDeps, payload: CommandPayload<"liveSession:watch">) {
  let actor = socket.data.actor;
  // Typed by the contract, but only what the client claims until authorizeWatch parsed it.
  const requested: unknown = (payload as { liveSessionId?: unknown } | null)?.liveSessionId;
  // A phone watches one session at a time and acts in it as the participant of its conference.
  if (typeof requested === "string") {
    socket.data.actor = actor = actorIn({ actor, identities: socket.data.identities }, await conferenceOfLiveSession(deps.db, requested));
  }
  // Authorise before joining: a refused socket must never sit in the rooms, not even for a moment.
  const { moderator, liveSessionId, reader } = await authorizeWatch(deps.db, actor, payload);
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
    const state = await liveStateOf(deps.db, actor, { moderator, liveSessionId });
    return reader ? forReader(state, reader) : state;
  } catch (error) {
    for (const room of rooms) await socket.leave(room);
    throw error;
  }
}

import { io, type Socket } from "socket.io-client";
import { applyLiveEvent } from "../../app/live/apply-event";
import type { LiveEvent } from "../../app/live/events";
import type { LiveState } from "../../app/live/state.server";
import type { CommandPayload, CommandReply, LiveClientEvents, LiveCommand, LiveServerEvents } from "../../app/live/contract";

export type ClientEvent = Exclude<LiveEvent, { audience: "internal" }>;

/** A real socket.io client on a live session, as a page keeps it: every event, and its state. */
export type LiveClient = {
  name: string;
  socket: Socket<LiveServerEvents, LiveClientEvents>;
  liveSessionId: string;
  events: ClientEvent[];
  state: LiveState;
};

/** The whole state, as a page asks for it on (re)connect. */
export async function watch(client: Pick<LiveClient, "name" | "socket" | "liveSessionId">): Promise<LiveState> {
  const reply = await client.socket.timeout(5_000).emitWithAck("liveSession:watch", { liveSessionId: client.liveSessionId });
  if (!reply.ok) throw new Error(`${client.name} may not watch: ${reply.error.messageKey}`);
  return reply.data;
}

/** Connects with a cookie, watches the session and applies every event as the browser does. */
export async function connectLiveClient(url: string, liveSessionId: string, name: string, cookie: string): Promise<LiveClient> {
  const socket: LiveClient["socket"] = io(url, { transports: ["websocket"], extraHeaders: { cookie }, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", reject);
  });
  const client = { name, socket, liveSessionId, events: [] as ClientEvent[] } as LiveClient;
  socket.onAny((_type: string, event: ClientEvent) => {
    client.events.push(event);
    if (client.state) client.state = applyLiveEvent(client.state, event);
  });
  client.state = await watch(client);
  return client;
}

/** Sends a command and resolves with its acknowledgement, typed by the contract; fails after 5 s without one. */
export function command<E extends LiveCommand>(client: Pick<LiveClient, "socket">, event: E, payload: CommandPayload<E>): Promise<CommandReply<E>>;
// socket.io cannot pair payload and answer for an event name that is a type parameter: the overload above does.
export function command(client: Pick<LiveClient, "socket">, event: LiveCommand, payload: unknown): Promise<CommandReply<LiveCommand>> {
  const wire: Socket = client.socket;
  return wire.timeout(5_000).emitWithAck(event, payload);
}

/** Waits until `check` holds, polling; fails naming `what` after the timeout. */
export async function until(what: string, check: () => boolean, timeoutMs = 5_000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

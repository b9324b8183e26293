import { useCallback, useEffect, useRef, useState } from "react";
import type { Socket } from "socket.io-client";
import type { CommandPayload, CommandReply, LiveClientEvents, LiveCommand, LiveServerEvents } from "./contract";
import { applyLiveEvent } from "./apply-event";
import type { LiveState } from "./state.server";
import type { Language } from "../i18n/config";

type LiveSocket = Socket<LiveServerEvents, LiveClientEvents>;

const serverEvents = [
  "agendaItem.updated",
  "agendaItem.removed",
  "liveSession.currentItem",
  "liveSession.closed",
  "comment.added",
  "comment.updated",
  "comment.removed",
  "comment.deleted",
  "comment.translated",
  "proposal.translated",
  "liveSession.wallLanguage",
  "proposal.added",
  "proposal.updated",
  "paperBatch.updated",
  "paperBatch.withdrawn",
  "result.updated",
  "participants.joined",
] as const satisfies readonly (keyof LiveServerEvents)[];

type LiveServerEvent = Parameters<LiveServerEvents[(typeof serverEvents)[number]]>[0];

/** The socket as the state events use it: one listener takes them all, so it takes their union. */
type StateListener = (event: LiveServerEvent) => void;
type StateEvents = {
  on(name: LiveServerEvent["type"], listener: StateListener): unknown;
  off(name: LiveServerEvent["type"], listener: StateListener): unknown;
};

/** A command's answer while there is no socket (yet) or it gave up: the form says it was not sent. */
const offline = { ok: false, error: { code: "server", messageKey: "live:connection.offline" } } as const;

/** When the moderator's countdown ends, by this browser's clock; null while none runs. */
export type Timer = { endsAt: number } | null;

export type LiveConnection = "connecting" | "online" | "offline";

// socket.io's client (a seventh of the phone's scripts) is not part of the page's first download,
// so the current item shows first on a slow link (decision 026). It is asked for when this module
// first runs in a browser rather than after the first render: on a slow phone hydration takes a
// second of its own, which the download now overlaps.
const importSocketClient = () => import("socket.io-client");
let socketClient: ReturnType<typeof importSocketClient> | undefined;
const loadSocketClient = () => (socketClient ??= importSocketClient());
if (typeof document !== "undefined") void loadSocketClient();

/**
 * Keeps a page's live state current: the loader's state first, then events as they come. After a
 * reconnect the whole state is loaded again from the server instead of guessing what was missed.
 * Commands are re-sent while offline (socket.io retries with the same payload, and the clientId
 * of a vote makes a second delivery count once). A page that shows one reader names their
 * language (`reader`), so its snapshots stay as narrow as its own data (state.server.ts#forReader).
 */
export function useLiveSession(initial: LiveState, reader?: Language) {
  const [state, setState] = useState(initial);
  const [connection, setConnection] = useState<LiveConnection>("connecting");
  const [timer, setTimer] = useState<Timer>(null);
  // The console's last word on the projectors' join panel; null until it spoke.
  const [joinPanel, setJoinPanel] = useState<{ shown: boolean; at: number } | null>(null);
  const socketRef = useRef<LiveSocket | null>(null);
  const refreshRef = useRef<() => void>(() => {});
  const liveSessionId = initial.liveSession.id;

  // A revalidated loader read the database at some moment before it arrived; events applied in
  // the meantime would be overwritten. While the socket is up, ask it for a snapshot instead.
  useEffect(() => {
    if (socketRef.current?.connected) refreshRef.current();
    else setState(initial);
  }, [initial]);

  useEffect(() => {
    let stop = () => {};
    let stopped = false;
    // Until it is there, the page works as plain forms.
    void loadSocketClient().then(({ io }) => {
      if (stopped) return;
      const socket: LiveSocket = io({ retries: 5, ackTimeout: 10_000, transports: ["websocket", "polling"] });
      socketRef.current = socket;
      // Events that arrive while a snapshot is on its way are applied again on top of it: the
      // snapshot may have been read before they were committed, and every event is idempotent.
      const inFlight = new Set<LiveServerEvent[]>();
      let latest = 0;
      let retry: ReturnType<typeof setTimeout> | undefined;
      const refresh = () => {
        clearTimeout(retry);
        const arrived: LiveServerEvent[] = [];
        const request = ++latest;
        inFlight.add(arrived);
        // A server that cannot reach its database (a PostgreSQL restart) refuses for now: ask again
        // while connected, or the page would stay out of the session's room until a reload.
        const again = () => {
          if (request === latest && socket.connected) retry = setTimeout(refresh, 1_000 + Math.random() * 1_000);
        };
        socket
          .emitWithAck("liveSession:watch", { liveSessionId, reader })
          .then((reply) => {
            if (!reply.ok) return reply.error.code === "server" ? again() : undefined;
            if (request !== latest) return;
            setState(arrived.reduce(applyLiveEvent, reply.data));
            // Online only once the page watches the session, so no event can slip past it.
            setConnection("online");
          })
          .catch(() => {
            setConnection("offline");
            again();
          })
          .finally(() => inFlight.delete(arrived));
      };
      refreshRef.current = refresh;
      const offline = () => setConnection("offline");
      const apply = (event: LiveServerEvent) => {
        for (const arrived of inFlight) arrived.push(event);
        setState((current) => applyLiveEvent(current, event));
      };
      const stateEvents: StateEvents = socket;
      for (const name of serverEvents) stateEvents.on(name, apply);
      const countdown = ({ secondsLeft }: { secondsLeft: number | null }) =>
        setTimer(secondsLeft === null ? null : { endsAt: Date.now() + secondsLeft * 1000 });
      socket.on("liveSession.timer", countdown);
      const panel = ({ shown }: { shown: boolean }) => setJoinPanel({ shown, at: Date.now() });
      socket.on("liveSession.joinPanel", panel);
      socket.on("connect", refresh);
      socket.on("disconnect", offline);
      stop = () => {
        clearTimeout(retry);
        for (const name of serverEvents) stateEvents.off(name, apply);
        socket.off("liveSession.timer", countdown);
        socket.off("liveSession.joinPanel", panel);
        socket.off("connect", refresh);
        socket.off("disconnect", offline);
        socket.disconnect();
        socketRef.current = null;
        refreshRef.current = () => {};
      };
    });
    return () => {
      stopped = true;
      stop();
    };
  }, [liveSessionId, reader]);

  const send = useCallback(
    <E extends LiveCommand>(event: E, payload: CommandPayload<E>) => sendCommand(socketRef.current, event, payload),
    [],
  );

  return { state, setState, connection, send, timer, joinPanel };
}

/** Sends a command and waits for its acknowledgement, typed by the contract; offline when it cannot. */
function sendCommand<E extends LiveCommand>(socket: LiveSocket | null, event: E, payload: CommandPayload<E>): Promise<CommandReply<E>>;
// socket.io types emitWithAck per event name; for an event that is itself a type parameter it
// cannot pair payload and answer, so the wire is spoken untyped here and the overload above holds.
async function sendCommand(socket: LiveSocket | null, event: LiveCommand, payload: unknown): Promise<CommandReply<LiveCommand>> {
  if (!socket) return offline;
  const wire: Socket = socket;
  const reply: Promise<CommandReply<LiveCommand>> = wire.emitWithAck(event, payload);
  return reply.catch(() => offline);
}

/** A client-made id for a vote, so a retry is recognised as the same vote. */
export function newClientId(): string {
  return crypto.randomUUID().replace(/-/g, "");
}

/**
 * One bench worker process: holds a share of the simulated participants' sockets on each server
 * under test, votes when the coordinator says so, and reports when each of that server's sockets
 * saw the expected total.
 */
import { io, type Socket } from "socket.io-client";

export type Target = {
  name: string;
  mode: "mitplan" | "bare";
  /** Socket i connects to urls[i % urls.length]: several app processes share the room. */
  urls: string[];
  tokens: string[];
  liveSessionId: string;
  agendaItemId: string;
};
type Round = { target: string; round: number; voters: number[]; expectedTotal: number; startAt: number };
type Message = { type: "connect"; target: Target } | { type: "round"; round: Round } | { type: "stop" };

const now = () => performance.timeOrigin + performance.now();
const targets = new Map<string, { target: Target; sockets: Socket[] }>();
let waiting: { target: string; expectedTotal: number; startAt: number; seen: (number | null)[]; left: number; done: () => void } | null = null;

function onResult(name: string, index: number, event: { result: { dots: { total: number } | null } }) {
  const total = event.result.dots?.total ?? 0;
  if (!waiting || waiting.target !== name || total < waiting.expectedTotal || waiting.seen[index] !== null) return;
  waiting.seen[index] = now() - waiting.startAt;
  if (--waiting.left === 0) waiting.done();
}

async function connectAll(target: Target) {
  const sockets: Socket[] = [];
  targets.set(target.name, { target, sockets });
  const connectOne = (token: string, index: number) =>
    new Promise<Socket>((resolve, reject) => {
      const socket = io(target.urls[index % target.urls.length]!, {
        transports: ["websocket"],
        reconnection: false,
        // On a loaded shared machine a handshake can take longer than the default 20 s.
        timeout: 60_000,
        extraHeaders: target.mode === "mitplan" ? { cookie: `mitplan_participant=${token}` } : {},
      });
      socket.on("result.updated", (event) => onResult(target.name, index, event));
      socket.once("connect_error", reject);
      socket.once("connect", async () => {
        const reply = target.mode === "mitplan"
          ? await socket.emitWithAck("liveSession:watch", { liveSessionId: target.liveSessionId })
          : await socket.emitWithAck("watch", {});
        if (!reply.ok) reject(new Error(JSON.stringify(reply)));
        else resolve(socket);
      });
    });
  // Connect in batches, as a room does when the QR code goes up, not all in one instant.
  for (let i = 0; i < target.tokens.length; i += 100) {
    const batch = target.tokens.slice(i, i + 100).map((t, j) => connectOne(t, i + j));
    sockets.push(...(await Promise.all(batch)));
  }
}

async function runRound(round: Round) {
  const { target, sockets } = targets.get(round.target)!;
  const acks: number[] = [];
  let failed = 0;
  const finished = new Promise<void>((resolve) => {
    waiting = {
      target: round.target,
      expectedTotal: round.expectedTotal,
      startAt: round.startAt,
      seen: sockets.map(() => null),
      left: sockets.length,
      done: resolve,
    };
  });
  const delay = round.startAt - now();
  if (delay > 0) await new Promise((r) => setTimeout(r, delay));
  await Promise.all(
    round.voters.map(async (index) => {
      const sentAt = now();
      const socket = sockets[index]!;
      // A vote lost to an overloaded machine is counted, not fatal: the figures say how many.
      const reply = await (target.mode === "mitplan"
        ? socket.timeout(15_000).emitWithAck("vote:cast", {
            kind: "dots",
            clientId: `b${round.round}x${index}x${Math.random().toString(36).slice(2)}`,
            agendaItemId: target.agendaItemId,
            value: 1,
          })
        : socket.timeout(15_000).emitWithAck("vote", { value: 1 })
      ).catch(() => ({ ok: false }));
      if (reply.ok) acks.push(now() - sentAt);
      else failed++;
    }),
  );
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, 15_000));
  await Promise.race([finished, timeout]);
  const seen = waiting!.seen.map((s) => s ?? Number.POSITIVE_INFINITY);
  waiting = null;
  process.send!({ type: "round", acks, seen, failed });
}

process.on("message", (message: Message) => {
  if (message.type === "connect") {
    connectAll(message.target).then(
      () => process.send!({ type: "ready" }),
      (error: unknown) => process.send!({ type: "error", error: String(error) }),
    );
  } else if (message.type === "round") {
    runRound(message.round).catch((error: unknown) => process.send!({ type: "error", error: String(error) }));
  } else {
    for (const { sockets } of targets.values()) for (const socket of sockets) socket.disconnect();
    process.exit(0);
  }
});

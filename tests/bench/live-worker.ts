/**
 * One bench worker process: holds a share of the simulated participants' sockets, votes when the
 * coordinator says so, and reports when each of its sockets saw the expected total.
 */
import { io, type Socket } from "socket.io-client";

type Setup = {
  url: string;
  mode: "mitplan" | "bare";
  tokens: string[];
  liveSessionId: string;
  agendaItemId: string;
};
type Round = { round: number; voters: number[]; expectedTotal: number; startAt: number };
type Message = { type: "setup"; setup: Setup } | { type: "round"; round: Round } | { type: "stop" };

const now = () => performance.timeOrigin + performance.now();
let sockets: Socket[] = [];
let setup: Setup;
let waiting: { expectedTotal: number; startAt: number; seen: (number | null)[]; done: () => void } | null = null;

function onResult(index: number, event: { result: { dots: { total: number } | null } }) {
  const total = event.result.dots?.total ?? 0;
  if (!waiting || total < waiting.expectedTotal || waiting.seen[index] !== null) return;
  waiting.seen[index] = now() - waiting.startAt;
  if (waiting.seen.every((s) => s !== null)) waiting.done();
}

async function connectAll() {
  const connectOne = (token: string, index: number) =>
    new Promise<Socket>((resolve, reject) => {
      const socket = io(setup.url, {
        transports: ["websocket"],
        reconnection: false,
        extraHeaders: setup.mode === "mitplan" ? { cookie: `mitplan_participant=${token}` } : {},
      });
      socket.on("result.updated", (event) => onResult(index, event));
      socket.once("connect_error", reject);
      socket.once("connect", async () => {
        const reply = setup.mode === "mitplan"
          ? await socket.emitWithAck("liveSession:watch", { liveSessionId: setup.liveSessionId })
          : await socket.emitWithAck("watch", {});
        if (!reply.ok) reject(new Error(JSON.stringify(reply)));
        else resolve(socket);
      });
    });
  // Connect in batches, as a room does when the QR code goes up, not all in one instant.
  for (let i = 0; i < setup.tokens.length; i += 100) {
    const batch = setup.tokens.slice(i, i + 100).map((t, j) => connectOne(t, i + j));
    sockets.push(...(await Promise.all(batch)));
  }
}

async function runRound(round: Round) {
  const acks: number[] = [];
  const finished = new Promise<void>((resolve) => {
    waiting = { expectedTotal: round.expectedTotal, startAt: round.startAt, seen: sockets.map(() => null), done: resolve };
  });
  const delay = round.startAt - now();
  if (delay > 0) await new Promise((r) => setTimeout(r, delay));
  await Promise.all(
    round.voters.map(async (index) => {
      const sentAt = now();
      const socket = sockets[index]!;
      const reply = setup.mode === "mitplan"
        ? await socket.emitWithAck("vote:cast", {
            kind: "dots",
            clientId: `b${round.round}x${index}x${Math.random().toString(36).slice(2)}`,
            agendaItemId: setup.agendaItemId,
            value: 1,
          })
        : await socket.emitWithAck("vote", { value: 1 });
      if (!reply.ok) throw new Error(JSON.stringify(reply));
      acks.push(now() - sentAt);
    }),
  );
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, 15_000));
  await Promise.race([finished, timeout]);
  const seen = waiting!.seen.map((s) => s ?? Number.POSITIVE_INFINITY);
  waiting = null;
  process.send!({ type: "round", acks, seen });
}

process.on("message", (message: Message) => {
  if (message.type === "setup") {
    setup = message.setup;
    connectAll().then(
      () => process.send!({ type: "ready", connected: sockets.length }),
      (error: unknown) => process.send!({ type: "error", error: String(error) }),
    );
  } else if (message.type === "round") {
    runRound(message.round).catch((error: unknown) => process.send!({ type: "error", error: String(error) }));
  } else {
    for (const socket of sockets) socket.disconnect();
    sockets = [];
    process.exit(0);
  }
});

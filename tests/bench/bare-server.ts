/**
 * The baseline: a bare socket.io server with the same fan-out as Mitplan (one room, votes
 * acknowledged, the running total coalesced to every client) but no database, no auth, no
 * domain. Mitplan's figures are compared against it.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";

const intervalMs = Number(process.env.INTERVAL_MS ?? 200);
const httpServer = createServer();
const io = new Server(httpServer, { serveClient: false });
let total = 0;
let lastSent = 0;
let timer: NodeJS.Timeout | null = null;

function broadcast() {
  lastSent = Date.now();
  io.to("room").emit("result.updated", { result: { dots: { total } } });
}

function schedule() {
  if (timer) return;
  const wait = lastSent + intervalMs - Date.now();
  if (wait <= 0) return broadcast();
  timer = setTimeout(() => {
    timer = null;
    broadcast();
  }, wait);
}

io.on("connection", (socket) => {
  socket.on("watch", (_payload: unknown, ack: (reply: unknown) => void) => {
    void socket.join("room");
    ack({ ok: true });
  });
  socket.on("vote", (payload: { value: number }, ack: (reply: unknown) => void) => {
    total += payload.value;
    ack({ ok: true });
    schedule();
  });
});

httpServer.listen(Number(process.env.PORT ?? 0), () => {
  const { port } = httpServer.address() as AddressInfo;
  console.log(`bare socket.io on http://localhost:${port}`);
});

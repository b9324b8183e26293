/**
 * `npm run bench:live`: Mitplan's live fan-out on PostgreSQL against a bare socket.io server.
 * For each N it starts the server, connects N simulated participants from worker processes,
 * runs rounds of votes and prints acknowledgement and vote-to-every-screen latency
 * (p50/p95/p99) with server CPU and memory per connection. It prints figures; it asserts nothing.
 */
import { fork, spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { issueParticipantToken, participantToken } from "../../app/auth/participants.server";
import { createConference } from "../../app/conferences/conferences.server";
import { addAgendaItems, createLiveSession, startLiveSession, updateActivities } from "../../app/live/setup.server";
import { setPhase, updateItemSettings } from "../../app/live/steer.server";
import { openDatabase } from "../../db/client";
import { participants } from "../../db/schema";
import { loadDemoData } from "../../app/demo/demo-data.server";
import { createStaff } from "../support/fixtures";
import { withDatabaseName } from "../support/urls";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const baseUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const sizes = (process.env.BENCH_SIZES ?? "500,1000,2000,3000").split(",").map(Number);
const workerCount = Number(process.env.BENCH_WORKERS ?? 2);
const rounds = Number(process.env.BENCH_ROUNDS ?? 12);
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Figures = {
  n: number;
  ack: number[];
  fanout: number[];
  rssPerConnKb: number;
  cpuMsPerVote: number;
  missed: number;
};

function percentile(values: number[], p: number): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function procStats(pid: number): { cpuMs: number; rssKb: number } {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  const ticks = Number(stat[11]) + Number(stat[12]);
  const rss = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))![1]!;
  return { cpuMs: (ticks * 1000) / 100, rssKb: Number(rss) };
}

function startProcess(command: string[], env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", ...command], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "inherit"],
    });
    child.stdout!.setEncoding("utf8");
    child.stdout!.on("data", (chunk: string) => {
      const match = /(http:\/\/localhost:\d+)/.exec(chunk);
      if (match) resolve({ child, url: match[1]! });
    });
    child.once("exit", (code) => reject(new Error(`${command.join(" ")} exited with ${code}`)));
  });
}

type WorkerReply =
  | { type: "ready"; connected: number }
  | { type: "round"; acks: number[]; seen: number[] }
  | { type: "error"; error: string };

function ask(worker: ChildProcess, message: unknown): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    worker.once("message", (reply: WorkerReply) => (reply.type === "error" ? reject(new Error(reply.error)) : resolve(reply)));
    worker.send(message as never);
  });
}

async function measure(
  n: number,
  server: { child: ChildProcess; url: string },
  setup: { mode: "mitplan" | "bare"; tokens: string[]; liveSessionId: string; agendaItemId: string },
): Promise<Figures> {
  const pid = server.child.pid!;
  await sleep(500);
  const before = procStats(pid);
  const workers = Array.from({ length: workerCount }, () =>
    fork(path.join(root, "tests/bench/live-worker.ts"), [], { execArgv: ["--import", "tsx"], cwd: root }),
  );
  const shares = workers.map((_, w) => setup.tokens.filter((_, i) => i % workerCount === w));
  await Promise.all(
    workers.map((worker, w) => ask(worker, { type: "setup", setup: { url: server.url, ...setup, tokens: shares[w] } })),
  );
  await sleep(1000);
  const connected = procStats(pid);
  const burst = Math.max(10, Math.min(100, Math.floor(n / 10)));
  let total = 0;
  const ack: number[] = [];
  const fanout: number[] = [];
  for (let round = 0; round < rounds; round++) {
    total += burst;
    const voters = Array.from({ length: burst }, () => Math.floor(Math.random() * n));
    const startAt = now() + 100;
    const replies = await Promise.all(
      workers.map((worker, w) =>
        ask(worker, {
          type: "round",
          round: { round, expectedTotal: total, startAt, voters: voters.filter((v) => v % workerCount === w).map((v) => Math.floor(v / workerCount)) },
        }),
      ),
    );
    for (const reply of replies) {
      if (reply.type !== "round") continue;
      ack.push(...reply.acks);
      fanout.push(...reply.seen);
    }
    await sleep(400);
  }
  const after = procStats(pid);
  for (const worker of workers) worker.send({ type: "stop" });
  return {
    n,
    ack,
    fanout,
    rssPerConnKb: (connected.rssKb - before.rssKb) / n,
    cpuMsPerVote: (after.cpuMs - connected.cpuMs) / (burst * rounds),
    missed: fanout.filter((f) => !Number.isFinite(f)).length,
  };
}

async function mitplanRun(n: number): Promise<Figures> {
  const name = `mitplan_bench_${process.pid}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  const url = withDatabaseName(baseUrl, name);
  const database = await openDatabase({ url });
  await database.migrate();
  await loadDemoData(database.db);
  const deps = { db: database.db, publish: () => {} };
  const moderator = await createStaff(database.db, "moderator");
  const conference = await createConference(database.db, moderator, {
    planSlug: "ziele-und-massnahmen-2022-2023",
    kind: "future_conference",
    title: "Bench",
    startsAt: new Date().toISOString(),
    languages: ["de"],
  });
  const session = await createLiveSession(database.db, moderator, { conferenceId: conference.id, title: "Bench", dotsPerParticipant: 50 });
  const { ids } = await addAgendaItems(deps, moderator, { liveSessionId: session.id, entries: [{ kind: "measure", measureCode: "540-2" }] });
  const agendaItemId = ids[0]!;
  await updateActivities(deps, moderator, {
    agendaItemId,
    activities: { comments: true, dots: { maxPerItem: 50 }, rating: null, scale: null, ranking: false },
  });
  await startLiveSession(deps, moderator, { liveSessionId: session.id });
  await setPhase(deps, moderator, { agendaItemId, phase: "prioritise" });
  await updateItemSettings(deps, moderator, { agendaItemId, resultsVisible: true });
  const tokens: string[] = [];
  const rows = Array.from({ length: n }, () => {
    const id = randomUUID();
    const { secret, secretHash } = issueParticipantToken();
    tokens.push(participantToken(id, secret));
    return { id, conferenceId: conference.id, secretHash, language: "de" };
  });
  for (let i = 0; i < rows.length; i += 1000) await database.db.insert(participants).values(rows.slice(i, i + 1000));
  await database.close();

  const server = await startProcess(["server.ts"], { DATABASE_URL: url, PORT: "0", DEMO_DATA: "off" });
  try {
    return await measure(n, server, { mode: "mitplan", tokens, liveSessionId: session.id, agendaItemId });
  } finally {
    server.child.kill("SIGTERM");
    await sleep(500);
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

async function bareRun(n: number): Promise<Figures> {
  const server = await startProcess(["tests/bench/bare-server.ts"], { PORT: "0" });
  try {
    return await measure(n, server, { mode: "bare", tokens: Array.from({ length: n }, () => ""), liveSessionId: "", agendaItemId: "" });
  } finally {
    server.child.kill("SIGTERM");
  }
}

const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(1).padStart(7) : "    n/a");

function line(label: string, f: Figures) {
  return [
    label.padEnd(8),
    String(f.n).padStart(5),
    fmt(percentile(f.ack, 50)),
    fmt(percentile(f.ack, 95)),
    fmt(percentile(f.ack, 99)),
    fmt(percentile(f.fanout, 50)),
    fmt(percentile(f.fanout, 95)),
    fmt(percentile(f.fanout, 99)),
    fmt(f.rssPerConnKb),
    fmt(f.cpuMsPerVote),
    String(f.missed).padStart(6),
  ].join(" ");
}

console.log(`bench:live — ${rounds} rounds of vote bursts, ${workerCount} client worker processes, PostgreSQL ${baseUrl.replace(/\/\/.*@/, "//…@")}`);
console.log("latencies in ms (p50 p95 p99); fan-out = vote burst sent → every socket saw the new total");
console.log("server    conns  ack p50 ack p95 ack p99 fan p50 fan p95 fan p99 KB/conn CPUms/vote missed");
for (const n of sizes) {
  let mitplan: Figures;
  try {
    mitplan = await mitplanRun(n);
  } catch (error) {
    console.log(`mitplan  ${String(n).padStart(5)} failed: ${error instanceof Error ? error.message : error}`);
    break;
  }
  const bare = await bareRun(n);
  console.log(line("mitplan", mitplan));
  console.log(line("bare", bare));
  const ratio = percentile(mitplan.fanout, 95) / percentile(bare.fanout, 95);
  console.log(`ratio    ${String(n).padStart(5)} fan-out p95 mitplan/bare = ${ratio.toFixed(2)}×`);
}
process.exit(0);

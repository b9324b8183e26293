/**
 * `npm run bench:live`: Mitplan's live fan-out on PostgreSQL against a bare socket.io server.
 * For each N it starts the server, connects N simulated participants from worker processes,
 * runs rounds of votes and prints acknowledgement and vote-to-every-screen latency
 * (p50/p95/p99) with server CPU and memory per connection. It prints figures; it asserts nothing.
 */
import { fork, spawn, type ChildProcess, type Serializable } from "node:child_process";
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
import type { Target as WorkerTarget } from "./live-worker";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const baseUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const sizes = (process.env.BENCH_SIZES ?? "500,1000,2000,3000,5000").split(",").map(Number);
const scaleOutSizes = (process.env.BENCH_SCALE_OUT_SIZES ?? "1000,2000").split(",").filter(Boolean).map(Number);
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
  failedVotes: number;
};

function percentile(values: number[], p: number): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function procStats(pids: number[]): { cpuMs: number; rssKb: number } {
  let cpuMs = 0;
  let rssKb = 0;
  for (const pid of pids) {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    cpuMs += ((Number(stat[11]) + Number(stat[12])) * 1000) / 100;
    rssKb += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))![1]!);
  }
  return { cpuMs, rssKb };
}

type Server = { child: ChildProcess; url: string };

function startProcess(command: string[], env: Record<string, string>): Promise<Server> {
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
  | { type: "ready" }
  | { type: "round"; acks: number[]; seen: number[]; failed: number }
  | { type: "error"; error: string };

function ask(worker: ChildProcess, message: Serializable): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    worker.once("message", (reply: WorkerReply) => (reply.type === "error" ? reject(new Error(reply.error)) : resolve(reply)));
    worker.send(message);
  });
}

type Target = Omit<WorkerTarget, "urls"> & { servers: Server[] };

/**
 * Both servers of a size are measured in the same run, their rounds taking turns (A B B A …):
 * on a shared machine the load drifts within minutes, and it then weighs on both alike, so
 * their ratio means something even when the absolute figures wander.
 */
async function measure(n: number, targets: Target[]): Promise<Figures[]> {
  const workers = Array.from({ length: workerCount }, () =>
    fork(path.join(root, "tests/bench/live-worker.ts"), [], { execArgv: ["--import", "tsx"], cwd: root }),
  );
  try {
    const state = new Map<string, { pids: number[]; total: number; figures: Figures }>();
    for (const target of targets) {
      const pids = target.servers.map((s) => s.child.pid!);
      await sleep(500);
      const before = procStats(pids);
      const { servers, ...rest } = target;
      await Promise.all(
        workers.map((worker, w) =>
          ask(worker, {
            type: "connect",
            target: { ...rest, urls: servers.map((s) => s.url), tokens: target.tokens.filter((_, i) => i % workerCount === w) },
          }),
        ),
      );
      await sleep(1000);
      const figures: Figures = { n, ack: [], fanout: [], rssPerConnKb: (procStats(pids).rssKb - before.rssKb) / n, cpuMsPerVote: 0, missed: 0, failedVotes: 0 };
      state.set(target.name, { pids, total: 0, figures });
    }
    const burst = Math.max(10, Math.min(100, Math.floor(n / 10)));
    let cpuVotes = 0;
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? targets : [...targets].reverse();
      const voters = Array.from({ length: burst }, () => Math.floor(Math.random() * n));
      for (const target of order) {
        const s = state.get(target.name)!;
        s.total += burst;
        const cpuBefore = procStats(s.pids).cpuMs;
        const startAt = now() + 100;
        const replies = await Promise.all(
          workers.map((worker, w) =>
            ask(worker, {
              type: "round",
              round: {
                target: target.name,
                round,
                expectedTotal: s.total,
                startAt,
                voters: voters.filter((v) => v % workerCount === w).map((v) => Math.floor(v / workerCount)),
              },
            }),
          ),
        );
        for (const reply of replies) {
          if (reply.type !== "round") continue;
          s.figures.ack.push(...reply.acks);
          s.figures.fanout.push(...reply.seen);
          s.figures.failedVotes += reply.failed;
          s.total -= reply.failed;
        }
        await sleep(400);
        s.figures.cpuMsPerVote += procStats(s.pids).cpuMs - cpuBefore;
      }
      cpuVotes += burst;
    }
    return targets.map((target) => {
      const { figures } = state.get(target.name)!;
      return {
        ...figures,
        cpuMsPerVote: figures.cpuMsPerVote / cpuVotes,
        missed: figures.fanout.filter((f) => !Number.isFinite(f)).length,
      };
    });
  } finally {
    for (const worker of workers) if (worker.connected) worker.send({ type: "stop" });
  }
}

/** A database with one running dot-voting item and N participants; dropped by `drop`. */
async function prepareDatabase(n: number) {
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
  return {
    url,
    tokens,
    liveSessionId: session.id,
    agendaItemId,
    drop: async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Mitplan on `processes` app processes (PostgreSQL adapter) and the bare server, N sockets each. */
async function run(n: number, processes: number): Promise<{ mitplan: Figures; bare: Figures }> {
  const prepared = await prepareDatabase(n);
  const servers: Server[] = [];
  try {
    for (let i = 0; i < processes; i++) {
      servers.push(await startProcess(["server.ts"], { DATABASE_URL: prepared.url, PORT: "0", DEMO_DATA: "off" }));
    }
    const bare = await startProcess(["tests/bench/bare-server.ts"], { PORT: "0" });
    servers.push(bare);
    const [mitplan, baseline] = await measure(n, [
      { name: "mitplan", mode: "mitplan", servers: servers.slice(0, processes), tokens: prepared.tokens, liveSessionId: prepared.liveSessionId, agendaItemId: prepared.agendaItemId },
      { name: "bare", mode: "bare", servers: [bare], tokens: prepared.tokens.map(() => ""), liveSessionId: "", agendaItemId: "" },
    ]);
    return { mitplan: mitplan!, bare: baseline! };
  } finally {
    for (const server of servers) server.child.kill("SIGTERM");
    await Promise.all(servers.map((s) => (s.child.exitCode === null ? new Promise((r) => s.child.once("exit", r)) : null)));
    await prepared.drop();
  }
}

const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(1).padStart(7) : "    n/a");

function line(label: string, f: Figures) {
  return [
    label.padEnd(10),
    String(f.n).padStart(5),
    fmt(percentile(f.ack, 50)),
    fmt(percentile(f.ack, 95)),
    fmt(percentile(f.ack, 99)),
    fmt(percentile(f.fanout, 50)),
    fmt(percentile(f.fanout, 95)),
    fmt(percentile(f.fanout, 99)),
    fmt(f.rssPerConnKb),
    fmt(f.cpuMsPerVote),
    `${String(f.missed).padStart(6)}/${f.failedVotes}`,
  ].join(" ");
}

async function pass(label: string, processes: number, ns: number[]) {
  for (const n of ns) {
    let figures: Awaited<ReturnType<typeof run>>;
    try {
      figures = await run(n, processes);
    } catch (error) {
      console.log(`${label.padEnd(10)} ${String(n).padStart(5)} failed: ${error instanceof Error ? error.message : error}`);
      continue;
    }
    console.log(line(label, figures.mitplan));
    console.log(line("bare", figures.bare));
    const ratio = percentile(figures.mitplan.fanout, 95) / percentile(figures.bare.fanout, 95);
    console.log(`ratio      ${String(n).padStart(5)} fan-out p95 ${label}/bare = ${ratio.toFixed(2)}×`);
  }
}

console.log(`bench:live — ${rounds} rounds of vote bursts per server, taking turns, ${workerCount} client worker processes, PostgreSQL ${baseUrl.replace(/\/\/.*@/, "//…@")}`);
console.log("latencies in ms (p50 p95 p99); fan-out = vote burst sent → every socket saw the new total; CPU of the server process(es)");
console.log("server     conns ack p50 ack p95 ack p99 fan p50 fan p95 fan p99 KB/conn CPUms/vote missed/failed votes");
await pass("mitplan", 1, sizes);
if (scaleOutSizes.length > 0) await pass("mitplan×3", 3, scaleOutSizes);
process.exit(0);

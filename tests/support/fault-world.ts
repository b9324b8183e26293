import { spawn, execFile, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { io, type Socket } from "socket.io-client";
import { issueParticipantToken, participantToken } from "../../app/auth/participants.server";
import { updateActivities } from "../../app/live/setup.server";
import { setPhase, updateItemSettings } from "../../app/live/steer.server";
import { openDatabase } from "../../db/client";
import { participants } from "../../db/schema";
import type { CommandReply, LiveClientEvents, LiveServerEvents } from "../../app/live/contract";
import { createStaff, recordingDeps, startedSession } from "./fixtures";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The server runs the Remix build; the fault suite builds it once if a fresh checkout lacks it. */
export async function ensureBuild(): Promise<void> {
  if (fs.existsSync(path.join(root, "build/index.js"))) return;
  await promisify(execFile)("npm", ["run", "build"], { cwd: root });
}

export type AppProcess = {
  child: ChildProcess;
  url: string;
  port: number;
  /** What it wrote to stderr, for the failure message. */
  log: string[];
  kill(signal: NodeJS.Signals): Promise<number | null>;
};

/** Exits of app processes that the test did not ask for: each is a failure of the suite. */
export const unexpectedExits: string[] = [];

/** `tsx server.ts` as production runs it, with its own environment (plus `env`); resolves once it serves. */
export function startApp(
  databaseUrl: string,
  { port = 0, demoData = false, env = {} }: { port?: number; demoData?: boolean; env?: Record<string, string> } = {},
): Promise<AppProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), DEMO_DATA: demoData ? "on" : "off", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log: string[] = [];
  let killing = false;
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => log.push(chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  void exited.then((code) => {
    if (!killing) unexpectedExits.push(`app process ${child.pid} exited with ${code}: ${log.join("").slice(-2000)}`);
  });
  return new Promise((resolve, reject) => {
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
      const match = /http:\/\/localhost:(\d+)/.exec(chunk);
      if (!match) return;
      resolve({
        child,
        url: match[0],
        port: Number(match[1]),
        log,
        kill: (signal) => {
          killing = true;
          child.kill(signal);
          return exited;
        },
      });
    });
    void exited.then((code) => reject(new Error(`server.ts exited with ${code} before serving: ${log.join("")}`)));
  });
}

export type Stage = { liveSessionId: string; joinCode: string; agendaItemId: string; tokens: string[] };

/** A live session in the prioritise phase, dots open and results shown, and `voters` participants. */
export async function stageSession(databaseUrl: string, voters: number): Promise<Stage> {
  const database = await openDatabase({ url: databaseUrl, maxConnections: 2 });
  try {
    const deps = recordingDeps(database.db);
    const moderator = await createStaff(database.db, "moderator");
    const session = await startedSession(deps, moderator, { measureCodes: ["540-2"], dots: 50 });
    const agendaItemId = session.itemIds[0]!;
    await updateActivities(deps, moderator, {
      agendaItemId,
      activities: { comments: true, dots: { maxPerItem: 50 }, rating: null, scale: null, ranking: false },
    });
    await setPhase(deps, moderator, { agendaItemId, phase: "prioritise" });
    await updateItemSettings(deps, moderator, { agendaItemId, resultsVisible: true });
    const tokens: string[] = [];
    const rows = Array.from({ length: voters }, () => {
      const id = randomUUID();
      const { secret, secretHash } = issueParticipantToken();
      tokens.push(participantToken(id, secret));
      return { id, conferenceId: session.conferenceId, secretHash, language: "de" };
    });
    if (rows.length > 0) await database.db.insert(participants).values(rows);
    return { liveSessionId: session.liveSessionId, joinCode: session.joinCode, agendaItemId, tokens };
  } finally {
    await database.close();
  }
}

type Voter = { socket: Socket<LiveServerEvents, LiveClientEvents>; seenTotal: number; connects: number; refusedWatches: number };

/**
 * Phones on the session, spread over the app processes: each watches the session again on
 * every (re)connect, as the page does, and keeps the highest dot total it was shown.
 */
export async function connectCrowd(stage: Stage, urls: string[]) {
  const voters: Voter[] = await Promise.all(
    stage.tokens.map(async (token, i) => {
      const socket = io(urls[i % urls.length]!, {
        transports: ["websocket"],
        extraHeaders: { cookie: `mitplan_participant=${token}` },
        forceNew: true,
        reconnectionDelay: 200,
        reconnectionDelayMax: 1_000,
      });
      const voter: Voter = { socket, seenTotal: 0, connects: 0, refusedWatches: 0 };
      socket.on("result.updated", (event) => {
        voter.seenTotal = Math.max(voter.seenTotal, event.result.dots?.total ?? 0);
      });
      const watching = new Promise<void>((resolve, reject) => {
        // A reply lost to a busy machine or a dying process is asked again while connected.
        const watch = () => {
          voter.connects += 1;
          socket
            .timeout(10_000)
            .emitWithAck("liveSession:watch", { liveSessionId: stage.liveSessionId })
            .then(
              (reply: CommandReply<"liveSession:watch">) => {
                if (reply.ok) return resolve();
                voter.refusedWatches += 1;
                // As the page does: a server without its database refuses for now, so ask again.
                if (reply.error.code === "server") return void setTimeout(() => socket.connected && watch(), 1_000);
                reject(new Error("may not watch"));
              },
              () => socket.connected && watch(),
            );
        };
        socket.on("connect", watch);
      });
      await watching;
      return voter;
    }),
  );
  const acknowledged = new Set<string>();
  let running = false;
  let loops: Promise<void>[] = [];

  /** One vote, retried with its client id until a process acknowledges it. */
  async function vote(voter: Voter): Promise<void> {
    const clientId = randomUUID();
    // As a phone does: retry with the same id, backing off so an outage is not a stampede.
    for (let backoff = 300; ; backoff = Math.min(backoff * 2, 2_000)) {
      try {
        const reply = await voter.socket
          .timeout(5_000)
          .emitWithAck("vote:cast", { kind: "dots", clientId, agendaItemId: stage.agendaItemId, value: 1 });
        if (reply.ok) {
          acknowledged.add(clientId);
          return;
        }
        if (reply.error.code !== "server") throw new Error(`vote refused: ${JSON.stringify(reply.error)}`);
      } catch (error) {
        if (error instanceof Error && error.message.startsWith("vote refused")) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, backoff));
    }
  }

  return {
    voters,
    acknowledged,
    vote,
    /** Every voter votes again and again, two to four seconds apart, until `stop`. */
    start() {
      running = true;
      loops = voters.map(async (voter) => {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 2_000));
        while (running) {
          await vote(voter);
          await new Promise((resolve) => setTimeout(resolve, 2_000 + Math.random() * 2_000));
        }
      });
    },
    /** Stops voting once every vote under way was acknowledged. */
    async stop() {
      running = false;
      await Promise.all(loops);
    },
    allConnected: () => voters.every((voter) => voter.socket.connected),
    close() {
      for (const voter of voters) voter.socket.disconnect();
    },
  };
}

export type Crowd = Awaited<ReturnType<typeof connectCrowd>>;

/** Every acknowledged vote stored exactly once, and the tally the triggers keep matches the votes. */
export async function storedVotes(databaseUrl: string, stage: Stage) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ client_id: string; copies: number }[]>`
      select client_id, count(*)::int as copies from vote where live_session_id = ${stage.liveSessionId} group by client_id`;
    const [counted] = await sql<{ dots: number; voters: number }[]>`
      select coalesce(sum(value), 0)::int as dots, count(distinct participant_id)::int as voters
      from vote where agenda_item_id = ${stage.agendaItemId} and kind = 'dots'`;
    const [tally] = await sql<{ dots: number; voters: number }[]>`
      select dots, voters from item_tally where agenda_item_id = ${stage.agendaItemId}`;
    return { copies: new Map(rows.map((row) => [row.client_id, row.copies])), counted: counted!, tally };
  } finally {
    await sql.end();
  }
}

/**
 * After a fault: a new vote, then every screen shown a total that includes it. Repeats the vote
 * until that holds (an event published before the process listened again is lost for good) and
 * returns the milliseconds from `since`.
 */
export async function newVoteReachesEveryScreen(crowd: Crowd, databaseUrl: string, stage: Stage, since: number, deadlineMs = 10_000) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    for (let attempt = 0; Date.now() - since < deadlineMs; attempt++) {
      const t0 = Date.now();
      await crowd.vote(crowd.voters[attempt % crowd.voters.length]!);
      if (process.env.FAULT_TRACE) console.info(`probe ${attempt} acknowledged after ${Date.now() - t0} ms, ${Date.now() - since} ms in`);
      const [row] = await sql<{ dots: number }[]>`select dots from item_tally where agenda_item_id = ${stage.agendaItemId}`;
      const wanted = row!.dots;
      const until = Math.min(Date.now() + 2_000, since + deadlineMs);
      while (Date.now() < until) {
        if (crowd.voters.every((voter) => voter.socket.connected && voter.seenTotal >= wanted)) return Date.now() - since;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    const behind = crowd.voters.filter((voter) => !voter.socket.connected).length;
    if (process.env.FAULT_TRACE) {
      const stuck = crowd.voters.flatMap((voter, i) => (voter.seenTotal < crowd.voters[0]!.seenTotal ? [`#${i} ${voter.seenTotal} connects ${voter.connects} refused ${voter.refusedWatches}`] : []));
      console.info(`behind: ${stuck.join(", ")}`);
    }
    throw new Error(`no new vote reached every screen within ${deadlineMs} ms (${behind} disconnected)`);
  } finally {
    await sql.end();
  }
}

import { execFile } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import postgres from "postgres";

const run = promisify(execFile);
const bin = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

/**
 * A PostgreSQL cluster of the fault suite's own (initdb into a temporary folder, its own port),
 * so it can be stopped and started without touching the shared server. initdb refuses to run
 * as root; as root the cluster runs as the `postgres` system user.
 */
export type PgCluster = {
  port: number;
  /** A postgres:// URL of a database in this cluster. */
  url(database?: string): string;
  createDatabase(name: string): Promise<string>;
  /** Stops it the way a restart in the data centre does (fast shutdown: sessions end). */
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
};

export function postgresBinariesPresent(): boolean {
  return fs.existsSync(path.join(bin, "initdb")) && fs.existsSync(path.join(bin, "pg_ctl"));
}

/** A port nobody listens on now, for a server that cannot be told to take port 0. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startPgCluster(): Promise<PgCluster> {
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mitplan-pg-"));
  const dataDir = path.join(dir, "data");
  if (asRoot) fs.chownSync(dir, Number((await run("id", ["-u", "postgres"])).stdout), Number((await run("id", ["-g", "postgres"])).stdout));
  const pg = (tool: string, args: string[]) =>
    asRoot ? run("runuser", ["-u", "postgres", "--", path.join(bin, tool), ...args]) : run(path.join(bin, tool), args);

  await pg("initdb", ["-D", dataDir, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"]);
  const port = await freePort();
  // Durability is not what these tests look at; speed on a shared 2-core machine is.
  const options = [`-p ${port}`, `-k ${dir}`, "-c listen_addresses=127.0.0.1", "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off", "-c max_connections=200"];
  const logFile = path.join(dir, "postgres.log");
  const start = async () => {
    await pg("pg_ctl", ["-D", dataDir, "-l", logFile, "-o", options.join(" "), "-w", "-t", "60", "start"]);
  };
  const url = (database = "postgres") => `postgres://postgres@127.0.0.1:${port}/${database}`;
  await start();

  return {
    port,
    url,
    async createDatabase(name) {
      const admin = postgres(url(), { max: 1, onnotice: () => {} });
      try {
        await admin.unsafe(`CREATE DATABASE "${name}"`);
      } finally {
        await admin.end();
      }
      return url(name);
    },
    async stop() {
      await pg("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "-t", "60", "stop"]);
    },
    start,
    async destroy() {
      await pg("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]).catch(() => {});
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

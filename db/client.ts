import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import * as schema from "./schema";

/** One type for both engines: domain code never knows which one it runs on. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type Database = {
  db: Db;
  engine: "pglite" | "postgres";
  /** The connection URL on PostgreSQL, for what needs its own connection (the socket.io adapter). */
  url?: string;
  migrate(): Promise<void>;
  /**
   * Runs `work` while no other process of this database runs its own: migrations and demo
   * loading of several processes started at once would otherwise race (`CREATE TYPE`).
   */
  exclusively<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** PGlite only: the whole database as one file, for another database to start from (`copyOf`). */
  dump?(): Promise<Blob>;
};

export type DatabaseOptions = {
  /** A postgres:// URL; without it the embedded PGlite engine is used. */
  url?: string;
  /** Folder for PGlite's data, or "memory://" for a throwaway database. */
  dataDir?: string;
  /** Connections in the postgres pool. */
  maxConnections?: number;
  /**
   * PGlite in memory only: start from a copy of another database's `dump()` instead of an empty
   * cluster. The tests give each file a migrated (and seeded) database this way: unpacking a copy
   * takes a fraction of the time creating, migrating and seeding one does.
   */
  copyOf?: Blob;
};

const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  if (options.url) return openPostgres(options.url, options.maxConnections ?? 10);
  return openPglite(options.dataDir ?? "./data", options.copyOf);
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const client = postgres(url, {
    max,
    onnotice: () => {},
    // postgres.js waits up to 20 s between attempts after failed ones; after a PostgreSQL
    // restart phones would wait that long for their votes. At most a second, for a few connections.
    backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1),
  });
  const db = drizzlePostgres(client, { schema }) as unknown as Db;
  return {
    db,
    engine: "postgres",
    url,
    migrate: () => migratePostgres(db as never, { migrationsFolder }),
    exclusively: (work) => withAdvisoryLock(url, "mitplan:startup", work),
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * A session-level advisory lock on a connection of its own, so the work may use the pool freely
 * and a process killed while holding it releases it with its session.
 */
async function withAdvisoryLock<T>(url: string, name: string, work: () => Promise<T>): Promise<T> {
  const session = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const lock = await session.reserve();
    try {
      await lock`select pg_advisory_lock(hashtext(${name}))`;
      return await work();
    } finally {
      await lock`select pg_advisory_unlock(hashtext(${name}))`.catch(() => {});
      lock.release();
    }
  } finally {
    await session.end({ timeout: 5 });
  }
}

async function openPglite(dataDir: string, copyOf?: Blob): Promise<Database> {
  const inMemory = dataDir.startsWith("memory://");
  if (copyOf && !inMemory) throw new Error("A copy of a database opens in memory only.");
  const release = inMemory ? () => {} : lockDataDir(dataDir);
  try {
    const client = await PGlite.create(inMemory ? dataDir : path.join(dataDir, "pglite"), copyOf ? { loadDataDir: copyOf } : {});
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    return {
      db,
      engine: "pglite",
      migrate: () => migratePglite(db as never, { migrationsFolder }),
      // The folder lock already keeps every other process out.
      exclusively: (work) => work(),
      close: async () => {
        await client.close();
        release();
      },
      dump: () => client.dumpDataDir("none"),
    };
  } catch (error) {
    release();
    throw error;
  }
}

class DataDirInUseError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `The embedded database in ${path.resolve(dataDir)} is in use by process ${pid}. ` +
        "PGlite serves a single process: stop the other process, choose another DATA_DIR, " +
        "or set DATABASE_URL to run on PostgreSQL.",
    );
    this.name = "DataDirInUseError";
  }
}

/**
 * PGlite keeps the whole database in one process; a second process on the same folder would
 * corrupt it. A pid file refuses the second one, and a stale file from a crash is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, "mitplan.lock");
  for (;;) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(fs.readFileSync(lockPath, "utf8"));
      if (holder && holder !== process.pid && isAlive(holder)) {
        throw new DataDirInUseError(dataDir, holder);
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  const release = () => {
    process.off("exit", release);
    try {
      if (Number(fs.readFileSync(lockPath, "utf8")) === process.pid) fs.rmSync(lockPath);
    } catch {
      // Already gone: nothing to release.
    }
  };
  process.on("exit", release);
  return release;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

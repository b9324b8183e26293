import { createAdapter } from "@socket.io/postgres-adapter";
import pg from "pg";
import { logError } from "../app/log.server";
import type { RealtimeServer } from "./events";

export type AttachedAdapter = {
  /** Whether the LISTEN connection is up, so events of the other processes arrive. */
  listening(): boolean;
  detach(): Promise<void>;
};

/**
 * Several app processes share live events through PostgreSQL (LISTEN/NOTIFY), so a vote taken
 * by one process reaches the screens connected to another. Payloads above NOTIFY's limit go
 * through the adapter's attachments table, which is transport plumbing, not domain schema.
 * The adapter is patched (patches/@socket.io+postgres-adapter+0.5.0.patch, docs/decisions/018)
 * to give its dead LISTEN connection back after a PostgreSQL restart.
 */
export async function attachPostgresAdapter(io: RealtimeServer, url: string): Promise<AttachedAdapter> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  // A connection the database server drops (restart, failover) must not take the process down;
  // the adapter reconnects by itself. The LISTEN connection stays checked out, so the pool's
  // own "error" event does not cover it.
  const logDrop = (error: Error) => console.error("socket.io adapter connection:", error.message);
  pool.on("error", logDrop);
  pool.on("connect", (client) => client.on("error", logDrop));
  // Processes started at once would race on CREATE TABLE IF NOT EXISTS (it is not atomic: the
  // loser fails on pg_type's unique index). Two statements in one simple query run as one
  // implicit transaction, so the transaction-level advisory lock covers the CREATE.
  await pool.query(`SELECT pg_advisory_xact_lock(hashtext('mitplan:socket_io_attachments'));
    CREATE TABLE IF NOT EXISTS socket_io_attachments (
      id bigserial UNIQUE,
      created_at timestamptz DEFAULT now(),
      payload bytea
    )`);
  io.adapter(createAdapter(pool, { errorHandler: (error) => logError("socket.io adapter", error) }));
  // The adapter keeps its LISTEN client in a private field (0.5.0) and says nothing else about it.
  const pubSub = (io.of("/").adapter as unknown as { client: { client?: unknown } }).client;
  return {
    listening: () => pubSub.client !== undefined,
    detach: () => pool.end(),
  };
}

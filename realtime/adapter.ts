import { createAdapter } from "@socket.io/postgres-adapter";
import pg from "pg";
import { logError } from "../app/log.server";
import type { Server } from "socket.io";

/**
 * Several app processes share live events through PostgreSQL (LISTEN/NOTIFY), so a vote taken
 * by one process reaches the screens connected to another. Payloads above NOTIFY's limit go
 * through the adapter's attachments table, which is transport plumbing, not domain schema.
 */
export async function attachPostgresAdapter(io: Server, url: string): Promise<() => Promise<void>> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  // A connection the database server drops (restart, failover) must not take the process down;
  // the adapter reconnects by itself. The LISTEN connection stays checked out, so the pool's
  // own "error" event does not cover it.
  const logDrop = (error: Error) => console.error("socket.io adapter connection:", error.message);
  pool.on("error", logDrop);
  pool.on("connect", (client) => client.on("error", logDrop));
  await pool.query(`CREATE TABLE IF NOT EXISTS socket_io_attachments (
    id bigserial UNIQUE,
    created_at timestamptz DEFAULT now(),
    payload bytea
  )`);
  io.adapter(createAdapter(pool, { errorHandler: (error) => logError("socket.io adapter", error) }));
  return () => pool.end();
}

import { sql } from "drizzle-orm";
import type { Request, Response } from "express";
import type { Db } from "../db/client";

export type HealthSources = {
  db: Db;
  /** Whether live events reach the other processes (always true on a single process). */
  adapterListening(): boolean;
  /** True once shutdown began: the load balancer should send nobody new here. */
  draining(): boolean;
};

export type Health = { ok: boolean; database: boolean; adapter: boolean; draining: boolean };

/** A database that does not answer within this is as good as down for a phone waiting on a vote. */
const databaseTimeoutMs = 2_000;

async function databaseAnswers(db: Db): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), databaseTimeoutMs);
  });
  try {
    return await Promise.race([db.execute(sql`select 1`).then(() => true, () => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function checkHealth(sources: HealthSources): Promise<Health> {
  const draining = sources.draining();
  const database = await databaseAnswers(sources.db);
  const adapter = sources.adapterListening();
  return { ok: database && adapter && !draining, database, adapter, draining };
}

/** `GET /healthz` for the load balancer and the supervisor: 200 when this process can serve, else 503. */
export function healthHandler(sources: HealthSources) {
  return async (_req: Request, res: Response) => {
    const health = await checkHealth(sources);
    res.status(health.ok ? 200 : 503).set("Cache-Control", "no-store").json(health);
  };
}

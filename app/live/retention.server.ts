import { max, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { liveSessions } from "../../db/schema";
import { anonymiseParticipantsOf, retentionMonths } from "../auth/participant-data.server";

/**
 * The conferences that ended before `cutoff`: every live session closed, the last of them before
 * it. A conference with a session still open has not ended; one without sessions has no participants.
 */
async function conferencesEndedBefore(db: Pick<Db, "select">, cutoff: Date): Promise<string[]> {
  const rows = await db
    .select({ conferenceId: liveSessions.conferenceId })
    .from(liveSessions)
    .groupBy(liveSessions.conferenceId)
    .having(sql`bool_and(${liveSessions.status} = 'closed') and ${max(liveSessions.closedAt)} < ${cutoff.toISOString()}`);
  return rows.map((r) => r.conferenceId);
}

/**
 * The retention rule (docs/decisions/017-participant-data.md): participants' profiles are made
 * anonymous the configured number of months after their conference ended. Idempotent; the
 * server runs it on an interval, tests call it with the time they need.
 */
export async function applyRetention(db: Db, now = new Date()): Promise<{ anonymised: number }> {
  const months = await retentionMonths(db);
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return { anonymised: await anonymiseParticipantsOf(db, await conferencesEndedBefore(db, cutoff)) };
}

/** Every six hours, and once at start; unref'd, so it never keeps the process alive. */
const retentionIntervalMs = 6 * 60 * 60 * 1000;

export function startRetentionJob(db: Db, intervalMs = retentionIntervalMs): { stop(): void } {
  const run = () => void applyRetention(db).catch((error: unknown) => console.error("retention job failed", error));
  const timer = setInterval(run, intervalMs);
  timer.unref();
  run();
  return { stop: () => clearInterval(timer) };
}

import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { agendaItems, liveSessions } from "../../db/schema";

type Reader = Pick<Db, "select">;

/**
 * The agenda items of the conferences' closed sessions that asked for a 1–10 scale, newest session
 * first: what a planner can record as an indicator value (docs/decisions/043).
 */
export async function closedScaleItemIds(db: Reader, conferenceIds: string[]): Promise<string[]> {
  if (conferenceIds.length === 0) return [];
  const rows = await db
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .innerJoin(liveSessions, eq(liveSessions.id, agendaItems.liveSessionId))
    .where(
      and(
        inArray(liveSessions.conferenceId, conferenceIds),
        eq(liveSessions.status, "closed"),
        sql`jsonb_typeof(${agendaItems.activities}->'scale') = 'object'`,
      ),
    )
    .orderBy(sql`${liveSessions.closedAt} desc`, asc(agendaItems.position));
  return rows.map((r) => r.id);
}

/** When each live session closed: the day a result it froze was measured on. */
export async function closingTimes(db: Reader, liveSessionIds: string[]): Promise<Map<string, Date | null>> {
  if (liveSessionIds.length === 0) return new Map();
  const rows = await db
    .select({ id: liveSessions.id, closedAt: liveSessions.closedAt })
    .from(liveSessions)
    .where(inArray(liveSessions.id, liveSessionIds));
  return new Map(rows.map((r) => [r.id, r.closedAt]));
}

import { and, desc, eq, exists, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { conferences, liveSessions, participantGroup, participants } from "../../db/schema";
import { suppressSmallCells, type Cell } from "../results/privacy";

type Reader = Pick<Db, "select">;

export type ConferenceWithResults = { id: string; title: string; startsAt: Date; place: string | null };

/**
 * Conferences whose feedback page has something to show: at least one closed session. The home
 * page lists only upcoming conferences, and a conference has results only once it is over.
 */
export async function conferencesWithResults(db: Reader, limit = 10): Promise<ConferenceWithResults[]> {
  const closed = db
    .select({ one: sql`1` })
    .from(liveSessions)
    .where(and(eq(liveSessions.conferenceId, conferences.id), eq(liveSessions.status, "closed")));
  return db
    .select({ id: conferences.id, title: conferences.title, startsAt: conferences.startsAt, place: conferences.place })
    .from(conferences)
    .where(exists(closed))
    .orderBy(desc(conferences.startsAt))
    .limit(limit);
}

export type Participation = { total: number; byGroup: Cell<Record<never, never>>[] };

/**
 * How many took part, by participant group, with groups below the minimum size suppressed the
 * same way as the result breakdowns; `key` null is "not stated". Groups in the order of the join
 * form, "not stated" last.
 */
export async function participationOf(db: Reader, conferenceId: string, minGroupSize: number): Promise<Participation> {
  const rows = await db
    .select({ key: sql<string | null>`${participants.group}::text`, count: sql<number>`count(*)::int` })
    .from(participants)
    .where(eq(participants.conferenceId, conferenceId))
    .groupBy(participants.group);
  const order = (key: string | null) => (key === null ? Infinity : (participantGroup.enumValues as readonly string[]).indexOf(key));
  const cells = rows.map((r) => ({ key: r.key, participants: Number(r.count), figures: {} })).sort((a, b) => order(a.key) - order(b.key));
  return { total: cells.reduce((n, c) => n + c.participants, 0), byGroup: suppressSmallCells(cells, minGroupSize) };
}

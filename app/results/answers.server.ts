import { and, eq, isNull, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { agendaItems, conferences, liveSessions, resultSnapshots } from "../../db/schema";

export type Reader = Pick<Db, "select" | "selectDistinctOn">;

/** The agenda items of every conference of a plan, as a subquery. */
export function planItems(db: Reader, planId: string) {
  return db
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .innerJoin(liveSessions, eq(liveSessions.id, agendaItems.liveSessionId))
    .innerJoin(conferences, eq(conferences.id, liveSessions.conferenceId))
    .where(eq(conferences.planId, planId));
}

/** The plan's agenda items that have no frozen result yet: their figures are counted from the votes. */
export async function countedItemIds(db: Reader, planId: string): Promise<string[]> {
  const rows = await db
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .innerJoin(liveSessions, eq(liveSessions.id, agendaItems.liveSessionId))
    .innerJoin(conferences, eq(conferences.id, liveSessions.conferenceId))
    .leftJoin(resultSnapshots, eq(resultSnapshots.agendaItemId, agendaItems.id))
    .where(and(eq(conferences.planId, planId), isNull(resultSnapshots.agendaItemId)));
  return rows.map((r) => r.id);
}

/** Which agenda items a query covers, as a condition on a table's agenda item column. */
export type ItemFilter = (agendaItemId: AnyPgColumn) => SQL;

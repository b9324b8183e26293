import { eq, isNull, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { resultSnapshots } from "../../db/schema";
import { planConferenceIds } from "../conferences/conferences.server";
import { itemsOfConferences } from "../live/inputs.server";

export type Reader = Pick<Db, "select" | "selectDistinctOn">;

/**
 * The agenda items of every conference of a plan (or of `conferenceIds` among them), as a
 * subquery (live's items of conferences' plan).
 */
export function planItems(db: Reader, planId: string, conferenceIds?: string[]) {
  return itemsOfConferences(db, planConferenceIds(db, planId, conferenceIds));
}

/** The plan's agenda items that have no frozen result yet: their figures are counted from the votes. */
export async function countedItemIds(db: Reader, planId: string, conferenceIds?: string[]): Promise<string[]> {
  const items = planItems(db, planId, conferenceIds).as("plan_item");
  const rows = await db
    .select({ id: items.id })
    .from(items)
    .leftJoin(resultSnapshots, eq(resultSnapshots.agendaItemId, items.id))
    .where(isNull(resultSnapshots.agendaItemId));
  return rows.map((r) => r.id);
}

/** Which agenda items a query covers, as a condition on a table's agenda item column. */
export type ItemFilter = (agendaItemId: AnyPgColumn) => SQL;

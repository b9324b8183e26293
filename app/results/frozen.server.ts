import { inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { resultSnapshots } from "../../db/schema";
import type { ItemResult } from "../live/views";

/** The results frozen when their sessions closed, by agenda item; an item still counted has none. */
export async function frozenResults(db: Pick<Db, "select">, agendaItemIds: string[]): Promise<Map<string, ItemResult>> {
  if (agendaItemIds.length === 0) return new Map();
  const rows = await db.select().from(resultSnapshots).where(inArray(resultSnapshots.agendaItemId, agendaItemIds));
  return new Map(rows.map((r) => [r.agendaItemId, r.data as ItemResult]));
}

import type { Database } from "../../db/client";
import { loadDemoData } from "./demo-data.server";

/**
 * What a process does to its database before it serves: migrate, then load the demo data if
 * asked. Several processes may start at once on an empty database, so one does it at a time.
 */
export function prepareDatabase(
  database: Database,
  { demoData, demoConference = false }: { demoData: boolean; demoConference?: boolean },
): Promise<void> {
  return database.exclusively(async () => {
    await database.migrate();
    if (demoData) await loadDemoData(database.db, { conference: demoConference });
  });
}

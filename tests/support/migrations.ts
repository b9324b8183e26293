import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle, type PgliteDatabase } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";

const folder = path.resolve(import.meta.dirname, "../../db/migrations");

/**
 * A migration's data step proven on rows written before it: an embedded database migrated up to
 * (not including) `tag`, handed to `before` to write the old rows, then migrated to the end and
 * handed to `after` to read what the migration made of them.
 */
export async function acrossMigration(tag: string, before: (db: PgliteDatabase) => Promise<void>, after: (db: PgliteDatabase) => Promise<void>) {
  // The migrations as they stood before: the same files, the journal without `tag` and later ones.
  const earlier = fs.mkdtempSync(path.join(os.tmpdir(), "mitplan-migrations-"));
  fs.mkdirSync(path.join(earlier, "meta"));
  const journal = JSON.parse(fs.readFileSync(path.join(folder, "meta/_journal.json"), "utf8")) as { entries: { tag: string }[] };
  const old = journal.entries.filter((e) => e.tag < tag);
  fs.writeFileSync(path.join(earlier, "meta/_journal.json"), JSON.stringify({ ...journal, entries: old }));
  for (const entry of old) fs.copyFileSync(path.join(folder, `${entry.tag}.sql`), path.join(earlier, `${entry.tag}.sql`));
  const client = new PGlite();
  const db = drizzle(client);
  try {
    await migrate(db, { migrationsFolder: earlier });
    await before(db);
    await migrate(db, { migrationsFolder: folder });
    await after(db);
  } finally {
    await client.close();
    fs.rmSync(earlier, { recursive: true, force: true });
  }
}

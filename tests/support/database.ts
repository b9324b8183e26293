import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { inject } from "vitest";
import type { StaffActor } from "../../app/auth/actor";
import { openDatabase, type Database } from "../../db/client";
import { loadDemoData } from "../../app/demo/demo-data.server";
import { createStaff } from "./fixtures";
import { postgresTestUrl, withDatabaseName } from "./urls";

export type TestDatabase = Database;

/** A database of this test file's own: PGlite in memory, or a fresh PostgreSQL database. */
export async function openTestDatabase(): Promise<TestDatabase> {
  const base = postgresTestUrl();
  const template = inject("templateDatabase");
  if (!base || !template) {
    const database = await openDatabase({ dataDir: "memory://" });
    await database.migrate();
    return database;
  }
  const name = `mitplan_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  const url = withDatabaseName(base, name);
  const database = await openDatabase({ url, maxConnections: 25 });
  return {
    ...database,
    close: async () => {
      await database.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** The usual start of a live-session test file: its own database with the demo catalogue and a moderator. */
export async function openDemoWorld(): Promise<{ database: TestDatabase; moderator: StaffActor }> {
  const database = await openTestDatabase();
  await loadDemoData(database.db);
  return { database, moderator: await createStaff(database.db, "moderator") };
}

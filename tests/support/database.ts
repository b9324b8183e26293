import { randomBytes } from "node:crypto";
import fs from "node:fs";
import postgres from "postgres";
import { inject } from "vitest";
import type { StaffActor } from "../../app/auth/actor";
import { openDatabase, type Database } from "../../db/client";
import { createStaff } from "./fixtures";
import { postgresTestUrl, withDatabaseName } from "./urls";

export type TestDatabase = Database;

const dumps = new Map<string, Blob>();

/**
 * A database of this test file's own, migrated, with the demo catalogue and accounts if `demo`:
 * PGlite in memory or a fresh PostgreSQL database, copied from what the global setup prepared.
 */
export async function openTestDatabase({ demo = false } = {}): Promise<TestDatabase> {
  const base = postgresTestUrl();
  const template = inject("databaseTemplates")[demo ? "demo" : "empty"];
  if (!base) {
    const copyOf = dumps.get(template) ?? new Blob([fs.readFileSync(template)]);
    dumps.set(template, copyOf);
    return openDatabase({ dataDir: "memory://", copyOf });
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
  const database = await openTestDatabase({ demo: true });
  return { database, moderator: await createStaff(database.db, "moderator") };
}

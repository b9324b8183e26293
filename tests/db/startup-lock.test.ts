import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "../../app/demo/prepare.server";
import { openDatabase, type Database } from "../../db/client";
import { plans, users } from "../../db/schema";
import { postgresTestUrl, withDatabaseName } from "../support/urls";

/** Issue 9, point 3: processes started at once on an empty database raced on the migrations. */
describe.skipIf(!postgresTestUrl())("several processes preparing one empty database", () => {
  const name = `mitplan_start_${randomBytes(4).toString("hex")}`;
  let admin: postgres.Sql;
  const databases: Database[] = [];

  beforeAll(async () => {
    admin = postgres(postgresTestUrl()!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE "${name}"`);
    for (let i = 0; i < 3; i++) databases.push(await openDatabase({ url: withDatabaseName(postgresTestUrl()!, name), maxConnections: 3 }));
  });
  afterAll(async () => {
    await Promise.all(databases.map((database) => database.close()));
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  it("migrates and loads the demo data once, one process after the other", { timeout: 60_000 }, async () => {
    const outcomes = await Promise.allSettled(databases.map((database) => prepareDatabase(database, { demoData: true })));
    expect(outcomes.map((outcome) => (outcome.status === "rejected" ? String(outcome.reason) : "ok"))).toEqual(["ok", "ok", "ok"]);
    const db = databases[0]!.db;
    expect(await db.$count(plans)).toBe(3);
    expect(await db.$count(users)).toBe(3);
  });
});

import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { Server } from "socket.io";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachPostgresAdapter } from "../../realtime/adapter";
import { demoAccounts } from "../../app/demo/demo-data.server";
import { prepareDatabase } from "../../app/demo/prepare.server";
import { openDatabase, type Database } from "../../db/client";
import { plans, users } from "../../db/schema";
import { until } from "../support/live-clients";
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
    expect(await db.$count(plans)).toBe(4);
    // One account per demo role, each created once.
    expect(await db.$count(users)).toBe(demoAccounts.length);
  });

  it("attaches the live adapter of three processes at once (one creates its table)", { timeout: 30_000 }, async () => {
    const servers = [new Server(0), new Server(0), new Server(0)];
    const outcomes = await Promise.allSettled(servers.map((io) => attachPostgresAdapter(io, withDatabaseName(postgresTestUrl()!, name))));
    const attached = outcomes.flatMap((outcome) => (outcome.status === "fulfilled" ? [outcome.value] : []));
    // Closed before its LISTEN client is in place, the adapter (0.5.0) would keep that client.
    await until("every adapter listens", () => attached.every((adapter) => adapter.listening()), 10_000);
    // As the realtime server closes: socket.io first (it ends the adapter's LISTEN), then the pool.
    await Promise.all(servers.map((io) => new Promise<void>((resolve) => void io.close(() => resolve()))));
    await Promise.all(attached.map((adapter) => adapter.detach()));
    expect(outcomes.map((outcome) => (outcome.status === "rejected" ? String(outcome.reason) : "ok"))).toEqual(["ok", "ok", "ok"]);
  });
});

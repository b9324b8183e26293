import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../server";
import { openTestDatabase, type TestDatabase } from "../support/database";

/** `GET /healthz` for the load balancer: 200 while this process can serve, 503 otherwise. */
describe("the health check", () => {
  let database: TestDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    database = await openTestDatabase();
    server = await startServer({ port: 0, database, demoData: false });
  });
  afterAll(() => server.close());

  it("answers 200 when the database answers and the adapter listens", async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ ok: true, database: true, adapter: true, draining: false });
  });

  it("answers 503 when the database is gone", async () => {
    await database.close();
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ ok: false, database: false });
  });
});

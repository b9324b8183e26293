import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresTestUrl } from "../support/urls";

/**
 * postgres.js 3.4.9 ended the process when a connection closed under a transaction or a reserved
 * connection (patches/postgres+3.4.9.patch, docs/decisions/018). Each case kills only the backend
 * of its own connection, so the shared server is not disturbed.
 */
describe.skipIf(!postgresTestUrl())("the postgres driver when its connection dies", () => {
  let sql: postgres.Sql;
  let killer: postgres.Sql;
  const uncaught: unknown[] = [];
  const record = (error: unknown) => uncaught.push(error);

  beforeAll(() => {
    sql = postgres(postgresTestUrl()!, { max: 1, onnotice: () => {} });
    killer = postgres(postgresTestUrl()!, { max: 1, onnotice: () => {} });
    process.on("uncaughtException", record);
  });
  afterAll(async () => {
    process.off("uncaughtException", record);
    await Promise.all([sql.end({ timeout: 1 }), killer.end({ timeout: 1 })]);
  });

  /** Ends the server process behind a connection and waits until PostgreSQL no longer lists it. */
  async function killBackend(pid: number) {
    await killer`select pg_terminate_backend(${pid})`;
    await expect
      .poll(async () => (await killer<{ n: number }[]>`select count(*)::int as n from pg_stat_activity where pid = ${pid}`)[0]!.n)
      .toBe(0);
  }

  it("rejects a transaction whose connection closed, and the pool answers again", async () => {
    let afterKill: Promise<unknown> | undefined;
    const outcome = sql
      .begin(async (tx) => {
        const [row] = await tx<{ pid: number }[]>`select pg_backend_pid() as pid`;
        await killBackend(row!.pid);
        // The transaction goes on as a slow command would, on a connection that is already gone.
        afterKill = tx`select 2`.catch((error: Error & { code?: string }) => error.code);
        return afterKill;
      })
      .catch((error: Error & { code?: string }) => error.code);
    // The socket either closes cleanly or is reset by the dying backend, as the timing falls; both
    // are the driver's "connection lost", and neither may hang or end the process.
    const connectionLost = ["CONNECTION_CLOSED", "ECONNRESET"];
    expect(connectionLost).toContain(await outcome);
    await expect.poll(() => afterKill, { timeout: 5_000 }).toBeDefined();
    expect(connectionLost).toContain(await afterKill);
    const [row] = await sql<{ answer: number }[]>`select 42 as answer`;
    expect(row?.answer).toBe(42);
    expect(uncaught).toEqual([]);
  });

  it("rejects every later query on a reserved connection whose backend died", async () => {
    const reserved = await sql.reserve();
    const [row] = await reserved<{ pid: number }[]>`select pg_backend_pid() as pid`;
    await killBackend(row!.pid);
    const codes: unknown[] = [];
    for (let attempt = 0; attempt < 2; attempt++) {
      codes.push(await reserved`select 1`.then(() => "ok", (error: Error & { code?: string }) => error.code ?? error.message));
    }
    reserved.release();
    expect(codes[0]).not.toBe("ok");
    expect(uncaught).toEqual([]);
    const [again] = await sql<{ answer: number }[]>`select 42 as answer`;
    expect(again?.answer).toBe(42);
  });
});

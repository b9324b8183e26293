import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuild, stageSession, startApp, type AppProcess, type Stage } from "../support/fault-world";
import { openTestDatabase, type TestDatabase } from "../support/database";
import { postgresTestUrl } from "../support/urls";

/**
 * SIGTERM with a vote under way (docs/decisions/019): the process stops accepting connections,
 * finishes the vote and acknowledges it, then closes the socket so the phone reconnects
 * elsewhere, and exits 0. The vote is held up by a row lock the test takes, so it is surely in
 * flight when the signal arrives; that needs a second connection, hence PostgreSQL only.
 */
describe.skipIf(!postgresTestUrl())("graceful shutdown", { timeout: 90_000 }, () => {
  let database: TestDatabase;
  let app: AppProcess;
  let stage: Stage;
  let sql: postgres.Sql;
  let releaseLock = () => {};

  beforeAll(async () => {
    await ensureBuild();
    database = await openTestDatabase();
    app = await startApp(database.url!, { demoData: true });
    stage = await stageSession(database.url!, 1);
    sql = postgres(database.url!, { max: 2, onnotice: () => {} });
  }, 90_000);
  afterAll(async () => {
    releaseLock();
    await app.kill("SIGKILL");
    await sql.end();
    await database.close();
  });

  it("finishes the vote under way, closes the socket and exits 0", async () => {
    const socket = io(app.url, {
      transports: ["websocket"],
      extraHeaders: { cookie: `mitplan_participant=${stage.tokens[0]}` },
      reconnection: false,
    });
    await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("connect_error", reject));
    const disconnected = new Promise<string>((resolve) => socket.once("disconnect", (reason) => resolve(reason)));

    const held = new Promise<void>((resolve) => (releaseLock = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const locking = sql.begin(async (tx) => {
      await tx`select id from participant for update`;
      locked();
      await held;
    });
    await isLocked;
    const clientId = randomUUID();
    const reply = socket.timeout(30_000).emitWithAck("vote:cast", { kind: "dots", clientId, agendaItemId: stage.agendaItemId, value: 1 });
    await until(async () => {
      const [row] = await sql<{ waiting: number }[]>`
        select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`;
      return row!.waiting > 0;
    });

    const exited = app.kill("SIGTERM");
    await until(() => fetch(`${app.url}/healthz`).then(() => false, () => true));
    expect(socket.connected).toBe(true);

    releaseLock();
    await locking;
    expect(await reply).toMatchObject({ ok: true });
    expect(await disconnected).toBe("transport close");
    expect(await exited).toBe(0);
    const [stored] = await sql<{ copies: number }[]>`select count(*)::int as copies from vote where client_id = ${clientId}`;
    expect(stored!.copies).toBe(1);
  });
});

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 20_000) {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

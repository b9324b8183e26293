import { randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import postgres from "postgres";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { importPlan } from "../../app/catalogue/import.server";
import { readDemoPlan } from "../../app/demo/demo-data.server";
import { openDatabase } from "../../db/client";
import { ensureBuild, stageSession, startApp, unexpectedExits, type AppProcess, type Stage } from "../support/fault-world";
import { until } from "../support/live-clients";
import { findNginx, startNginx, type RunningNginx } from "../support/nginx";
import { postgresTestUrl, withDatabaseName } from "../support/urls";

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** A request from the address `agent` binds to, so nginx's ip_hash and the app see that client. */
function request(agent: http.Agent, url: string, { method = "GET", headers = {}, body = "" }: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<Reply>((resolve, reject) => {
    const req = http.request(url, { method, headers, agent }, (res) => {
      let text = "";
      res.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
    });
    req.once("error", reject);
    req.end(body);
  });
}

const forged = "203.0.113.9";

/**
 * Issue 9: the README's nginx example (docs/nginx/mitplan.conf, run as written but for its
 * ports, see tests/support/nginx.ts) in front of three app processes on one PostgreSQL database.
 * Clients come from several loopback addresses (127.0.N.1), which ip_hash tells apart by their
 * first three bytes, so two of them reach different processes.
 */
describe.skipIf(!postgresTestUrl())("nginx in front of three app processes", () => {
  const name = `mitplan_nginx_${randomBytes(4).toString("hex")}`;
  let admin: postgres.Sql;
  let databaseUrl: string;
  let booting: Promise<AppProcess[]> | undefined;
  let apps: AppProcess[] = [];
  let proxy: RunningNginx;
  let nginx: string;
  let sql: postgres.Sql;
  let stage: Stage;
  const sockets: Socket[] = [];
  const agents = new Map<string, http.Agent>();
  const agentFor = (address: string) => agents.get(address) ?? agents.set(address, new http.Agent({ localAddress: address })).get(address)!;
  /** Two client addresses that ip_hash sends to different processes. */
  let addresses: [string, string];
  const cookies = new Map<string, string>();

  beforeAll(async () => {
    nginx = findNginx();
    admin = postgres(postgresTestUrl()!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE "${name}" TEMPLATE "${inject("databaseTemplates").empty}"`);
    databaseUrl = withDatabaseName(postgresTestUrl()!, name);
    sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    await ensureBuild();
    // The processes boot while this one loads the catalogue and opens a session for dots with
    // its results shown, so a vote reaches every phone. TRUST_PROXY names nginx's address only:
    // the clients' 127.0.N.1 addresses are not proxies.
    booting = Promise.all([0, 1, 2].map(() => startApp(databaseUrl, { env: { TRUST_PROXY: "127.0.0.1" } })));
    const database = await openDatabase({ url: databaseUrl, maxConnections: 2 });
    try {
      // The one plan of the demo catalogue that the session's measure comes from.
      await importPlan(database.db, readDemoPlan("ziele-und-massnahmen-2022-2023.json"), { reason: "Test" });
    } finally {
      await database.close();
    }
    stage = await stageSession(databaseUrl, 0);
    apps = await booting;
    proxy = await startNginx(nginx, { appPorts: apps.map((app) => app.port) });
  }, 120_000);

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    for (const agent of agents.values()) agent.destroy();
    await sql?.end();
    await proxy?.stop();
    // Also the processes of a start that failed half-way.
    await Promise.all((await booting?.catch(() => []) ?? []).map((app) => app.kill("SIGTERM")));
    await admin?.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin?.end();
  });

  it("serves the pages and /healthz, and spreads client addresses over the three processes", async () => {
    const home = await request(agentFor("127.0.1.1"), `${proxy.url}/`);
    expect(home.status).toBe(200);
    expect(home.body).toContain("<html");
    const candidates = Array.from({ length: 12 }, (_, n) => `127.0.${n + 1}.1`);
    for (const address of candidates) {
      const health = await request(agentFor(address), `${proxy.url}/healthz`);
      expect(health.status).toBe(200);
      expect(JSON.parse(health.body)).toMatchObject({ ok: true, database: true, adapter: true });
    }
    const upstreamOf = new Map(proxy.requests().filter((r) => r.uri === "/healthz").map((r) => [r.client, r.upstream]));
    expect(new Set(upstreamOf.values())).toEqual(new Set(apps.map((app) => `127.0.0.1:${app.port}`)));
    const first = candidates[0]!;
    addresses = [first, candidates.find((address) => upstreamOf.get(address) !== upstreamOf.get(first))!];
  });

  it("joins through the pages; the app takes the client's address from nginx's X-Forwarded-For, not a forged one", async () => {
    for (const address of addresses) {
      const page = await request(agentFor(address), `${proxy.url}/j/${stage.joinCode}`);
      expect(page.status).toBe(200);
      const joined = await request(agentFor(address), `${proxy.url}/j/${stage.joinCode}`, {
        method: "POST",
        headers: { origin: proxy.url, "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": forged },
        body: new URLSearchParams({ language: "de" }).toString(),
      });
      expect(joined.status, joined.body.slice(0, 300)).toBe(302);
      cookies.set(address, (joined.headers["set-cookie"] ?? []).map((cookie) => cookie.split(";")[0]).join("; "));
    }
    const keys = (await sql<{ key: string }[]>`select key from rate_limit where key like 'join_ip:%'`).map((row) => row.key);
    expect(keys).toEqual(expect.arrayContaining(addresses.map((address) => `join_ip:${address}`)));
    expect(keys.filter((key) => key.includes(forged) || key.endsWith(":127.0.0.1"))).toEqual([]);
  });

  it("keeps a polling-only phone on one process, upgrades another to WebSocket, and a vote reaches across", async () => {
    const connect = (address: string, transports: ("polling" | "websocket")[]) => {
      const socket = io(proxy.url, {
        transports,
        // engine.io-client hands the agent to both transports; its type only knows browsers.
        agent: agentFor(address) as unknown as string,
        // As a browser sends it: the handshake's Origin must match the Host that nginx passes on.
        extraHeaders: { cookie: cookies.get(address)!, origin: proxy.url },
        forceNew: true,
        reconnection: false,
      });
      sockets.push(socket);
      return socket;
    };
    const polling = connect(addresses[0], ["polling"]);
    const upgrading = connect(addresses[1], ["polling", "websocket"]);
    const totals: number[] = [];
    polling.on("result.updated", (event: { result: { dots: { total: number } | null } }) => totals.push(event.result.dots?.total ?? 0));
    for (const socket of [polling, upgrading]) {
      const reply = await socket.timeout(10_000).emitWithAck("liveSession:watch", { liveSessionId: stage.liveSessionId });
      expect(reply.ok).toBe(true);
    }
    await until("the second phone upgraded to WebSocket", () => upgrading.io.engine.transport.name === "websocket", 10_000);
    expect(polling.io.engine.transport.name).toBe("polling");

    const ack = await upgrading.timeout(10_000).emitWithAck("vote:cast", { kind: "dots", clientId: randomUUID(), agendaItemId: stage.agendaItemId, value: 1 });
    expect(ack.ok).toBe(true);
    const [tally] = await sql<{ dots: number }[]>`select dots from item_tally where agenda_item_id = ${stage.agendaItemId}`;
    await until(`the polling phone shown ${tally!.dots} dots`, () => totals.includes(tally!.dots), 10_000);

    // Every request of each connection reached one process, and the two phones' processes differ.
    const byConnection = (socket: Socket) => proxy.requests().filter((r) => r.uri.includes(`sid=${socket.io.engine.id}`));
    await until("both phones' requests logged", () => byConnection(polling).length >= 3 && byConnection(upgrading).length >= 1);
    const [pollingRequests, upgradingRequests] = [byConnection(polling), byConnection(upgrading)];
    expect(pollingRequests.map((r) => r.status)).toEqual(pollingRequests.map(() => 200));
    // nginx logs the upgrade request (101) once the WebSocket closes; the polling before it is 200.
    expect(upgradingRequests.every((r) => r.status === 200 || r.status === 101)).toBe(true);
    const pollingUpstreams = new Set(pollingRequests.map((r) => r.upstream));
    const upgradingUpstreams = new Set(upgradingRequests.map((r) => r.upstream));
    expect(pollingUpstreams.size).toBe(1);
    expect(upgradingUpstreams.size).toBe(1);
    expect([...pollingUpstreams][0]).not.toBe([...upgradingUpstreams][0]);
    expect(unexpectedExits).toEqual([]);
  });

  it("loses a polling phone without ip_hash (the control: \"Session ID unknown\" from the next process)", async () => {
    const roundRobin = await startNginx(nginx, { appPorts: apps.map((app) => app.port), ipHash: false });
    try {
      const socket = io(roundRobin.url, {
        transports: ["polling"],
        agent: agentFor(addresses[0]) as unknown as string,
        extraHeaders: { cookie: cookies.get(addresses[0])!, origin: roundRobin.url },
        forceNew: true,
        reconnection: false,
      });
      sockets.push(socket);
      const outcome = await new Promise<string>((resolve) => {
        socket.once("connect_error", () => resolve("refused"));
        socket.once("connect", () => resolve("connected"));
      });
      expect(outcome).toBe("refused");
      // nginx writes its access log after the response has gone out, so the client can hear the
      // refusal before the line is there: wait for the line, as the test above does.
      await until("nginx logs the poll the next process refused", () =>
        roundRobin.requests().some((r) => r.uri.includes("sid=") && r.status === 400),
      );
    } finally {
      await roundRobin.stop();
    }
  });
});

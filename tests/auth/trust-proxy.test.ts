import { like } from "drizzle-orm";
import { io as connect } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimits } from "../../db/schema";
import { startServer, trustProxySetting } from "../../server";
import { openTestDatabase } from "../support/database";
import { createStaff, recordingDeps, startedSession } from "../support/fixtures";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookie } from "./helpers";

/** One server behind a proxy on the same machine (TRUST_PROXY=loopback), one with the default. */
const servers = {} as Record<"trusting" | "default", { server: TestServer; joinCode: string; liveSessionId: string; cookie: string }>;

beforeAll(async () => {
  for (const [name, trustProxy] of [["trusting", "loopback"], ["default", undefined]] as const) {
    const server = await startTestServer({ trustProxy });
    const moderator = await createStaff(server.database.db, "moderator");
    const { joinCode, liveSessionId } = await startedSession(recordingDeps(server.database.db), moderator);
    servers[name] = { server, joinCode, liveSessionId, cookie: await sessionCookie(server.database.db, moderator.userId) };
  }
});
afterAll(async () => {
  for (const { server } of Object.values(servers)) await server.close();
});

const loopback = /^(::1|::ffff:127\.0\.0\.1|127\.0\.0\.1)$/;

/** The addresses the limiters have counted, by limiter. */
async function countedAddresses(server: TestServer) {
  const rows = await server.database.db.select().from(rateLimits).where(like(rateLimits.key, "join%"));
  const byLimiter: Record<string, string[]> = {};
  for (const { key } of rows) {
    const limiter = key.slice(0, key.indexOf(":"));
    (byLimiter[limiter] ??= []).push(key.slice(key.indexOf(":") + 1));
  }
  return byLimiter;
}

/** A look-up of the code and a join, each through the proxy that says who the client is. */
async function lookUpAndJoin(name: keyof typeof servers, forwardedFor: string) {
  const { server, joinCode } = servers[name];
  const headers = { "X-Forwarded-For": forwardedFor };
  const page = await fetch(`${server.url}/j/${joinCode}`, { headers });
  expect(page.status).toBe(200);
  const joined = await fetch(`${server.url}/j/${joinCode}`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers, Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ language: "de" }),
  });
  expect(joined.status).toBe(302);
}

describe("TRUST_PROXY", () => {
  it("counts the client's address from X-Forwarded-For behind a trusted proxy, and only the part it added", async () => {
    // The client made up the first address; the proxy appended the one it saw.
    await lookUpAndJoin("trusting", "192.0.2.66, 203.0.113.7");
    expect(await countedAddresses(servers.trusting.server)).toEqual({
      join_code_ip: ["203.0.113.7"],
      join_code_ip_day: ["203.0.113.7"],
      join_ip: ["203.0.113.7"],
    });
  });

  it("ignores X-Forwarded-For by default: the address is the connection's", async () => {
    await lookUpAndJoin("default", "203.0.113.7");
    const counted = await countedAddresses(servers.default.server);
    expect(Object.keys(counted).sort()).toEqual(["join_code_ip", "join_code_ip_day", "join_ip"]);
    for (const addresses of Object.values(counted)) {
      expect(addresses).toHaveLength(1);
      expect(addresses[0]).toMatch(loopback);
    }
  });

  it("builds the join link and QR code with the proxy's scheme and host only when it is trusted", async () => {
    const present = async (name: keyof typeof servers, forwardedHost: string) => {
      const { server, liveSessionId, cookie } = servers[name];
      const response = await fetch(`${server.url}/live/${liveSessionId}/present`, {
        headers: { cookie, "X-Forwarded-Proto": "https", "X-Forwarded-Host": forwardedHost },
      });
      expect(response.status).toBe(200);
      return response.text();
    };
    const trusted = await present("trusting", "mitplan.example");
    expect(trusted).toContain(`https://mitplan.example/j/${servers.trusting.joinCode}`);
    expect(trusted).not.toContain(servers.trusting.server.url);

    // Not even the port of an untrusted X-Forwarded-Host reaches the link.
    const untrusted = await present("default", "evil.example:8443");
    expect(untrusted).toContain(`${servers.default.server.url}/j/${servers.default.joinCode}`);
    // The page also carries the site's messages (some name https:// addresses), so look at links to /j/.
    expect(untrusted).not.toMatch(/evil\.example|8443/);
    expect(untrusted).not.toMatch(/https:\/\/[^"\s<]*\/j\//);
  });

  it("accepts a form and a socket from the forwarded host only when the proxy is trusted", async () => {
    const signOut = (name: keyof typeof servers) =>
      fetch(`${servers[name].server.url}/logout`, {
        method: "POST",
        redirect: "manual",
        headers: { Origin: "https://mitplan.example", "X-Forwarded-Host": "mitplan.example" },
      });
    expect((await signOut("trusting")).status).toBe(302);
    expect((await signOut("default")).status).toBe(403);

    const handshake = (name: keyof typeof servers) =>
      new Promise<boolean>((resolve) => {
        const socket = connect(servers[name].server.url, {
          transports: ["websocket"],
          extraHeaders: { Origin: "https://mitplan.example", "X-Forwarded-Host": "mitplan.example" },
          forceNew: true,
          reconnection: false,
        });
        socket.on("connect", () => (socket.close(), resolve(true)));
        socket.on("connect_error", () => (socket.close(), resolve(false)));
      });
    expect(await handshake("trusting")).toBe(true);
    expect(await handshake("default")).toBe(false);
  });

  it("reads what Express's trust proxy takes, and refuses to start on a value it cannot read", async () => {
    expect([undefined, "", "off", "false"].map((v) => trustProxySetting(v))).toEqual([false, false, false, false]);
    expect(trustProxySetting("1")).toBe(1);
    expect(trustProxySetting("true")).toBe(true);
    expect(trustProxySetting(" loopback, 10.0.0.0/8 ")).toBe("loopback, 10.0.0.0/8");

    const database = await openTestDatabase();
    try {
      await expect(startServer({ port: 0, database, demoData: false, trustProxy: "the proxy" })).rejects.toThrow(
        /^TRUST_PROXY=the proxy: invalid IP address/,
      );
    } finally {
      await database.close();
    }
  });
});

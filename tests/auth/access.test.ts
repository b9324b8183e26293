/**
 * Every route and every client-to-server socket event, as every role, against the permission
 * table: a route or event without an entry in app/auth/route-permissions.ts fails here.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { inArray } from "drizzle-orm";
import { io as connect } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymous, type StaffActor } from "../../app/auth/actor";
import { issueParticipantToken, participantToken } from "../../app/auth/participants.server";
import { permissions } from "../../app/auth/permissions";
import { routePermissions, type Access } from "../../app/auth/route-permissions";
import { socketEventPermissions } from "../../realtime/auth";
import { joinLiveSession } from "../../app/live/join.server";
import { submitProposal } from "../../app/live/proposals.server";
import { users } from "../../db/schema";
import { demoAccounts } from "../../app/demo/demo-data.server";
import { recordingDeps, startedSession } from "../support/fixtures";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookie } from "./helpers";

const roles = ["anonymous", "participant", "moderator", "planner", "admin"] as const;
type Role = (typeof roles)[number];

/** A started live session; the participant below joined it and made a proposal. */
type Fixture = { conferenceId: string; liveSessionId: string; joinCode: string; proposalId: string };

/** A URL for each route that its allowed roles can load; add one with every new route. */
const samplePaths: Record<string, (fixture: Fixture) => string> = {
  "routes/$": () => "/diese-seite-gibt-es-nicht",
  "routes/_index": () => "/",
  "routes/plans.$planId._index": () => "/plans/ziele-und-massnahmen-2022-2023",
  "routes/plans.$planId.measures.$code": () => "/plans/ziele-und-massnahmen-2022-2023/measures/540-2",
  "routes/login": () => "/login",
  "routes/logout": () => "/logout",
  "routes/account": () => "/account",
  "routes/admin.users": () => "/admin/users",
  "routes/join": () => "/join",
  "routes/j.$code": (f) => `/j/${f.joinCode}`,
  "routes/live.$liveSessionId._index": (f) => `/live/${f.liveSessionId}`,
  "routes/conferences._index": () => "/conferences",
  "routes/conferences.$conferenceId": (f) => `/conferences/${f.conferenceId}`,
  "routes/live.$liveSessionId.agenda": (f) => `/live/${f.liveSessionId}/agenda`,
  "routes/live.$liveSessionId.console": (f) => `/live/${f.liveSessionId}/console`,
  "routes/live.$liveSessionId.present": (f) => `/live/${f.liveSessionId}/present`,
  "routes/inbox._index": () => "/inbox",
  "routes/inbox.$kind.$id": (f) => `/inbox/proposal/${f.proposalId}`,
  "routes/plans.$planId.results": () => "/plans/ziele-und-massnahmen-2022-2023/results",
  "routes/plans.$planId.measures.$code_.history": () => "/plans/ziele-und-massnahmen-2022-2023/measures/540-2/history",
  "routes/conferences.$conferenceId_.feedback": (f) => `/conferences/${f.conferenceId}/feedback`,
  "routes/conferences.$conferenceId_.export[.]csv": (f) => `/conferences/${f.conferenceId}/export.csv`,
  "routes/conferences.$conferenceId_.export[.]json": (f) => `/conferences/${f.conferenceId}/export.json?dataset=comments`,
  "routes/conferences.$conferenceId_.report": (f) => `/conferences/${f.conferenceId}/report`,
  "routes/my-input": () => "/my-input",
  "routes/plans.$planId.export[.]csv": () => "/plans/ziele-und-massnahmen-2022-2023/export.csv",
  "routes/plans.$planId.export[.]json": () => "/plans/ziele-und-massnahmen-2022-2023/export.json",
  "routes/plans.import": () => "/plans/import",
};

const root = path.resolve(import.meta.dirname, "../..");
let server: TestServer;
let build: ServerBuild;
let fixture: Fixture;
let participantCookie: string;
const staffIds = new Map<Role, string>();

beforeAll(async () => {
  server = await startTestServer();
  build = (await import(pathToFileURL(path.join(root, "build/index.js")).href)) as ServerBuild;
  const db = server.database.db;
  const rows = await db
    .select({ id: users.id, role: users.role, email: users.email, displayName: users.displayName })
    .from(users)
    .where(inArray(users.email, demoAccounts.map((a) => a.email)));
  for (const row of rows) staffIds.set(row.role, row.id);
  const { id: userId, email, displayName } = rows.find((row) => row.role === "moderator")!;
  const moderator: StaffActor = { kind: "staff", userId, role: "moderator", email, displayName };
  const deps = recordingDeps(db);
  const session = await startedSession(deps, moderator);
  const { secret, secretHash } = issueParticipantToken();
  const joined = await joinLiveSession(deps, anonymous, { code: session.joinCode, language: "de" }, { secretHash, clientIp: "198.51.100.7" });
  const { participantId, conferenceId } = joined;
  const participant = { kind: "participant" as const, participantId, conferenceId, language: "de" };
  const proposal = await submitProposal(deps, participant, { liveSessionId: session.liveSessionId, kind: "new_measure", title: "Idee", body: "Text" });
  fixture = { ...session, proposalId: proposal.id };
  participantCookie = `mitplan_participant=${participantToken(participantId, secret)}`;
});
afterAll(() => server.close());

/** A fresh session per request: signing out in one request must not change the next. */
async function cookieOf(role: Role): Promise<string | null> {
  if (role === "anonymous") return null;
  if (role === "participant") return participantCookie;
  return sessionCookie(server.database.db, staffIds.get(role)!);
}

function allowed(role: Role, access: Access): boolean {
  return access === "public" || (permissions[access] as readonly string[]).includes(role);
}

/** Where a refused role is sent: anonymous visitors to get the identity the action needs. */
function refusal(role: Role, access: Access): "sign-in" | "join" | "forbidden" {
  if (role !== "anonymous" || access === "public") return "forbidden";
  const allowedRoles = permissions[access] as readonly string[];
  if (allowedRoles.some((r) => ["moderator", "planner", "admin"].includes(r))) return "sign-in";
  return allowedRoles.includes("participant") ? "join" : "forbidden";
}

async function request(role: Role, method: "GET" | "POST", url: string) {
  const cookie = await cookieOf(role);
  const headers: Record<string, string> = cookie ? { Cookie: cookie } : {};
  if (method === "POST") {
    headers.Origin = server.url;
    headers["Content-Type"] = "application/x-www-form-urlencoded";
  }
  const response = await fetch(server.url + url, { method, headers, redirect: "manual", body: method === "POST" ? "" : undefined });
  await response.arrayBuffer();
  return { status: response.status, location: response.headers.get("location") ?? "" };
}

function verdict({ status, location }: { status: number; location: string }) {
  if (status === 403) return "forbidden";
  if (status >= 300 && status < 400 && location.startsWith("/login")) return "sign-in";
  if (status >= 300 && status < 400 && location.startsWith("/join")) return "join";
  return "allowed";
}

describe("the route permission registry", () => {
  it("has an entry and a sample path for every route file, and none for routes that do not exist", () => {
    const routeIds = Object.keys(build.routes).filter((id) => id !== "root").sort();
    expect(Object.keys(routePermissions).sort(), "app/auth/route-permissions.ts").toEqual(routeIds);
    expect(Object.keys(samplePaths).sort(), "samplePaths in this test").toEqual(routeIds);
  });

  it("names an action exactly for the routes that have one", () => {
    for (const [id, entry] of Object.entries(routePermissions)) {
      expect("action" in entry, id).toBe(typeof build.routes[id]?.module.action === "function");
    }
  });
});

describe.each(roles)("as %s", (role) => {
  it.each(Object.entries(routePermissions))("%s answers as the permission table says", async (id, entry) => {
    const url = samplePaths[id]!(fixture);
    const checks: ["GET" | "POST", Access, string][] = [["GET", entry.loader, url]];
    if ("action" in entry) checks.push(["POST", entry.action, build.routes[id]!.index ? `${url}?index` : url]);
    for (const [method, access, target] of checks) {
      const expected = allowed(role, access) ? "allowed" : refusal(role, access);
      const result = await request(role, method, target);
      expect(verdict(result), `${method} ${target} → ${result.status} ${result.location}`).toBe(expected);
    }
  });
});

/** Event names as realtime/events.ts declares them, following `extends` into realtime/*.ts. */
function declaredClientEvents(): string[] {
  const sources = fs
    .readdirSync(path.join(root, "realtime"))
    .filter((f) => f.endsWith(".ts"))
    .map((f) => fs.readFileSync(path.join(root, "realtime", f), "utf8"))
    .join("\n");
  const collect = (name: string): string[] => {
    const match = new RegExp(`interface ${name}(?: extends ([\\w, ]+))? \\{([\\s\\S]*?)\\n\\}`).exec(sources);
    if (!match) throw new Error(`interface ${name} not found in realtime/`);
    const own = [...match[2]!.matchAll(/^\s+(?:"([^"]+)"|(\w+))\??\s*[:(]/gm)].map((m) => m[1] ?? m[2]!);
    const inherited = (match[1] ?? "").split(",").map((s) => s.trim()).filter(Boolean).flatMap(collect);
    return [...own, ...inherited];
  };
  return collect("ClientToServerEvents").sort();
}

describe("the socket event registry", () => {
  it("has an entry for every client-to-server event", () => {
    expect(Object.keys(socketEventPermissions).sort()).toEqual(declaredClientEvents());
  });

  it.each(roles)("lets %s send exactly the events the permission table allows", async (role) => {
    const cookie = await cookieOf(role);
    const socket = connect(server.url, {
      transports: ["websocket"],
      extraHeaders: cookie ? { cookie } : {},
      forceNew: true,
    });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", resolve);
        socket.once("connect_error", reject);
      });
      const events = [...Object.entries(socketEventPermissions), ["no:such-event", "user.manage"] as const];
      for (const [event, access] of events) {
        const reply = (await socket.timeout(5_000).emitWithAck(event as never, {} as never)) as {
          ok: boolean;
          error?: { messageKey?: string };
        };
        const refused = !reply.ok && reply.error?.messageKey === "auth:error.eventNotAllowed";
        const expected = event !== "no:such-event" && allowed(role, access);
        expect(refused, `${event} as ${role}: ${JSON.stringify(reply)}`).toBe(!expected);
      }
    } finally {
      socket.disconnect();
    }
  });
});

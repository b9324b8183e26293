/**
 * Every route and every client-to-server socket event, as every role, against the permission
 * table: a route or event without an entry in app/auth/route-permissions.ts fails here. Staff
 * come twice: on the team of the sample conference, and on another conference's team only.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { eq, inArray } from "drizzle-orm";
import { io as connect } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { anonymous, type StaffActor, type StaffRole } from "../../app/auth/actor";
import { issueParticipantToken, participantToken } from "../../app/auth/participants.server";
import { issueReturnLink } from "../../app/auth/return-links.server";
import { createSession } from "../../app/auth/sessions.server";
import { permissions } from "../../app/auth/permissions";
import { routePermissions, type Access } from "../../app/auth/route-permissions";
import { socketEventPermissions } from "../../realtime/auth";
import type { Ack } from "../../app/live/contract";
import { createConference } from "../../app/conferences/conferences.server";
import { addTeamMember, listTeam } from "../../app/conferences/team.server";
import { moderateComment, postComment } from "../../app/live/comments.server";
import { joinLiveSession } from "../../app/live/join.server";
import { listLiveSessions } from "../../app/live/queries.server";
import { getLiveState } from "../../app/live/state.server";
import { submitProposal } from "../../app/live/proposals.server";
import { authSessions, users } from "../../db/schema";
import { demoAccounts } from "../../app/demo/demo-data.server";
import { recordingDeps, startedSession, createStaff } from "../support/fixtures";
import { steered } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookie } from "./helpers";
import { samplePaths, sampleSeries, sampleTwoStep, type RouteFixture as Fixture } from "../support/route-samples";

const roles = [
  "anonymous",
  "participant",
  "moderator",
  "planner",
  "admin",
  "mediator",
  "moderator of another conference",
  "planner of another conference",
] as const;
type Role = (typeof roles)[number];

/** The role of the permission table each one has. */
const tableRole: Record<Role, "anonymous" | "participant" | StaffRole> = {
  anonymous: "anonymous",
  participant: "participant",
  moderator: "moderator",
  planner: "planner",
  admin: "admin",
  mediator: "mediator",
  "moderator of another conference": "moderator",
  "planner of another conference": "planner",
};

/** Staff on the team of another conference only; the demo moderator, planner and mediator are on the sample's team. */
const outsider = (role: Role) => role.endsWith("of another conference");

const root = path.resolve(import.meta.dirname, "../..");
let server: TestServer;
let build: ServerBuild;
let fixture: Fixture;
let sampleModerator: StaffActor;
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
  sampleModerator = moderator;
  const deps = recordingDeps(db);
  const session = await startedSession(deps, moderator);
  const { secret, secretHash } = issueParticipantToken();
  const joined = await joinLiveSession(deps, anonymous, { code: session.joinCode, language: "de" }, { secretHash, clientIp: "198.51.100.7" });
  const { participantId, conferenceId } = joined;
  const participant = { kind: "participant" as const, participantId, conferenceId, language: "de" };
  const proposal = await submitProposal(deps, participant, { liveSessionId: session.liveSessionId, kind: "new_measure", title: "Idee", body: "Text" });
  const comment = await postComment(deps, participant, { agendaItemId: session.itemIds[0]!, body: "Nur fürs Team sichtbar" });
  await moderateComment(deps, moderator, { action: "hide", commentId: comment.id, reason: "Beleidigend" });
  await addTeamMember(db, moderator, { conferenceId: session.conferenceId, email: demoAccounts.find((a) => a.role === "planner")!.email });
  await addTeamMember(db, moderator, { conferenceId: session.conferenceId, email: demoAccounts.find((a) => a.role === "mediator")!.email });
  const { token: returnToken } = await issueReturnLink(db, participant, { conferenceId: session.conferenceId });
  const planner = rows.find((row) => row.role === "planner")!;
  const seriesId = await sampleSeries(db, { kind: "staff", userId: planner.id, role: "planner", email: planner.email, displayName: planner.displayName });
  const twoStepConferenceId = await sampleTwoStep(db, moderator);
  for (const role of ["planner", "mediator"] as const) {
    await addTeamMember(db, moderator, { conferenceId: twoStepConferenceId, email: demoAccounts.find((a) => a.role === role)!.email });
  }
  fixture = { ...session, proposalId: proposal.id, commentId: comment.id, returnToken, seriesId, twoStepConferenceId };

  // A moderator who created a conference of their own and put a planner on its team.
  const [otherModerator, otherPlanner] = [await createStaff(db, "moderator"), await createStaff(db, "planner")];
  const other = await createConference(db, otherModerator, {
    planSlug: "ziele-und-massnahmen-2022-2023",
    kind: "workshop",
    title: "Werkstatt Stieghorst",
    startsAt: "2026-12-05T17:00:00Z",
    languages: ["de"],
  });
  await addTeamMember(db, otherModerator, { conferenceId: other.id, email: otherPlanner.email });
  staffIds.set("moderator of another conference", otherModerator.userId);
  staffIds.set("planner of another conference", otherPlanner.userId);
  participantCookie = `mitplan_participant=${participantToken(participantId, secret)}`;
});
afterAll(() => server.close());

/** A fresh session per request: signing out in one request must not change the next. */
async function cookieOf(role: Role): Promise<string | null> {
  if (role === "anonymous") return null;
  if (role === "participant") return participantCookie;
  return sessionCookie(server.database.db, staffIds.get(role)!);
}

function allowed(role: Role, access: Access, team = false): boolean {
  if (team && outsider(role)) return false;
  return access === "public" || (permissions[access] as readonly string[]).includes(tableRole[role]);
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
      const expected = allowed(role, access, "team" in entry) ? "allowed" : refusal(role, access);
      const result = await request(role, method, target);
      expect(verdict(result), `${method} ${target} → ${result.status} ${result.location}`).toBe(expected);
    }
  });
});

/** Event names as realtime/events.ts declares them, following `extends` into the live room's contract. */
function declaredClientEvents(): string[] {
  const sources = [
    ...fs
      .readdirSync(path.join(root, "realtime"))
      .filter((f) => f.endsWith(".ts"))
      .map((f) => path.join(root, "realtime", f)),
    path.join(root, "app/live/contract.ts"),
  ]
    .map((file) => fs.readFileSync(file, "utf8"))
    .join("\n");
  const collect = (name: string): string[] => {
    const match = new RegExp(`interface ${name}(?: extends ([\\w, ]+))? \\{([\\s\\S]*?)\\n\\}`).exec(sources);
    if (!match) throw new Error(`interface ${name} not found in realtime/ or app/live/contract.ts`);
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
        // Any name, in the one acknowledgement every event answers with (app/live/contract.ts).
        const reply: Ack<unknown> = await socket.timeout(5_000).emitWithAck(event, {});
        const refused = !reply.ok && reply.error.messageKey === "auth:error.eventNotAllowed";
        const expected = event !== "no:such-event" && allowed(role, access);
        expect(refused, `${event} as ${role}: ${JSON.stringify(reply)}`).toBe(!expected);
      }
    } finally {
      socket.disconnect();
    }
  });
});

const staffRoles = roles.filter((role) => tableRole[role] !== "anonymous" && tableRole[role] !== "participant");

/** Connects a real socket.io client as the role. */
async function socketOf(role: Role) {
  const cookie = await cookieOf(role);
  const socket = connect(server.url, { transports: ["websocket"], extraHeaders: cookie ? { cookie } : {}, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", reject);
  });
  return socket;
}

/**
 * The console's steps that once also had socket commands of their own (decision 037), as its
 * forms send them: moving to an item, a phase, a setting, moderating, a paper vote.
 */
const consoleSteps = (f: Fixture): Record<string, string>[] => [
  { intent: "paper", agendaItemId: f.itemIds[0]!, kind: "dots", value: "1", clientId: randomUUID() },
  { intent: "comment", commentId: f.commentId, action: "flag" },
  { intent: "proposal", proposalId: f.proposalId, action: "unhide" },
  { intent: "phase", agendaItemId: f.itemIds[0]!, phase: "discuss" },
  { intent: "settings", agendaItemId: f.itemIds[0]!, commentsOpen: "true" },
  { intent: "current", agendaItemId: f.itemIds[0]! },
];

/** A console step posted with the role's cookie, as the console's fetcher sends it. */
async function postStep(cookie: string, fields: Record<string, string>) {
  const response = await fetch(`${server.url}/live/${fixture.liveSessionId}/console`, {
    method: "POST",
    headers: { Cookie: cookie, Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
    redirect: "manual",
  });
  await response.arrayBuffer();
  return { status: response.status, location: response.headers.get("location") ?? "" };
}

describe("steering the sample conference", () => {
  it("leaves no steering to the sockets: every staff-only step is a console form (decision 037)", () => {
    const staffOnly = Object.entries(socketEventPermissions).filter(([, access]) => access !== "public" && !allowed("participant", access));
    expect(staffOnly).toEqual([]);
  });

  it.each(staffRoles)("answers %s as its team membership says, on the socket and at the console", async (role) => {
    // A language mediator on the team watches the session (to translate) but steers nothing (decision 042).
    const steers = !outsider(role) && allowed(role, "liveSession.moderate");
    const socket = await socketOf(role);
    try {
      const reply = await socket.timeout(5_000).emitWithAck("liveSession:watch", { liveSessionId: fixture.liveSessionId });
      if (outsider(role)) {
        expect(reply).toEqual({ ok: false, error: expect.objectContaining({ code: "forbidden", messageKey: "conferences:team.notOnTeam" }) });
      } else {
        expect(reply).toMatchObject({ ok: true });
      }
    } finally {
      socket.disconnect();
    }
    for (const step of consoleSteps(fixture)) {
      const answer = await postStep((await cookieOf(role))!, step);
      if (!steers) expect(answer.status, `${step.intent} as ${role}`).toBe(403);
      else expect(steered(answer), `${step.intent} as ${role}: ${answer.status}`).toBe(true);
    }
  });

  it.each(staffRoles.filter((role) => !outsider(role)))("refuses %s on the socket and at the console once its login session ended", async (role) => {
    const db = server.database.db;
    const { token } = await createSession(db, staffIds.get(role)!);
    const cookie = `mitplan_session=${token}`;
    const socket = connect(server.url, { transports: ["websocket"], extraHeaders: { cookie }, forceNew: true });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", resolve);
        socket.once("connect_error", reject);
      });
      await db.delete(authSessions).where(eq(authSessions.id, token.split(".")[0]!));
      for (const step of consoleSteps(fixture)) {
        expect(verdict(await postStep(cookie, step)), `${step.intent} as ${role}`).toBe("sign-in");
      }
      const reply = await socket.timeout(5_000).emitWithAck("liveSession:watch", { liveSessionId: fixture.liveSessionId });
      expect(reply).toEqual({ ok: false, error: expect.objectContaining({ code: "unauthenticated", messageKey: "auth:error.sessionEnded" }) });
    } finally {
      socket.disconnect();
    }
  });

  it("tells a moderator of another conference nothing of what the team does", async () => {
    const [team, stranger] = [await socketOf("moderator"), await socketOf("moderator of another conference")];
    const heard: string[] = [];
    stranger.onAny((type: string) => heard.push(type));
    try {
      const watched = await stranger.timeout(5_000).emitWithAck("liveSession:watch", { liveSessionId: fixture.liveSessionId });
      expect(watched.ok).toBe(false);
      expect(await team.timeout(5_000).emitWithAck("liveSession:watch", { liveSessionId: fixture.liveSessionId })).toMatchObject({ ok: true });
      const teamHeard = new Promise((resolve) => team.once("comment.updated", resolve));
      const step = await postStep((await cookieOf("moderator"))!, { intent: "comment", commentId: fixture.commentId, action: "unflag" });
      expect(steered(step)).toBe(true);
      await teamHeard;
      // The team's screen has the moderators' event; the stranger, who was refused, has nothing.
      expect(heard).toEqual([]);
    } finally {
      team.disconnect();
      stranger.disconnect();
    }
  });
});

/** Every form command of the sample's pages, with fields as the pages send them. */
const steeringForms = (f: Fixture): [string, Record<string, string>][] => [
  [`/conferences/${f.conferenceId}`, { intent: "create", title: "Abend", dotsPerParticipant: "5" }],
  [`/conferences/${f.conferenceId}`, { intent: "addMember", email: "planner@mitplan.example" }],
  [`/conferences/${f.conferenceId}`, { intent: "removeMember", userId: staffIds.get("moderator")! }],
  [`/live/${f.liveSessionId}/agenda`, { intent: "addQuestion", question: "Und sonst?" }],
  [`/live/${f.liveSessionId}/agenda`, { intent: "addMeasures", measureCode: "510-2" }],
  [`/live/${f.liveSessionId}/agenda`, { intent: "move", agendaItemId: f.itemIds[1]!, direction: "down" }],
  [`/live/${f.liveSessionId}/agenda`, { intent: "remove", agendaItemId: f.itemIds[2]! }],
  [`/live/${f.liveSessionId}/agenda`, { intent: "activities", agendaItemId: f.itemIds[2]!, comments: "on" }],
  [`/live/${f.liveSessionId}/agenda`, { intent: "start" }],
  [`/live/${f.liveSessionId}/console`, { intent: "current", agendaItemId: f.itemIds[1]! }],
  [`/live/${f.liveSessionId}/console`, { intent: "phase", agendaItemId: f.itemIds[0]!, phase: "results" }],
  [`/live/${f.liveSessionId}/console`, { intent: "settings", agendaItemId: f.itemIds[0]!, resultsVisible: "true" }],
  [`/live/${f.liveSessionId}/console`, { intent: "comment", commentId: f.commentId, action: "unhide" }],
  [`/live/${f.liveSessionId}/console`, { intent: "proposal", proposalId: f.proposalId, action: "hide", reason: "Werbung" }],
  [`/live/${f.liveSessionId}/console`, { intent: "paper", agendaItemId: f.itemIds[0]!, kind: "dots", value: "1", clientId: randomUUID() }],
  [`/live/${f.liveSessionId}/console`, { intent: "close", confirm: "yes" }],
];

describe("steering the sample conference with form posts", () => {
  it.each(["moderator of another conference", "planner of another conference"] as const)("refuses every command of a %s, and changes nothing", async (role) => {
    const cookie = await cookieOf(role);
    // What the team's console and conference page show.
    const db = server.database.db;
    const teamView = () =>
      Promise.all([
        getLiveState(db, sampleModerator, fixture.liveSessionId),
        listLiveSessions(db, sampleModerator, fixture.conferenceId),
        listTeam(db, sampleModerator, fixture.conferenceId),
      ]);
    const before = await teamView();
    for (const [path, fields] of steeringForms(fixture)) {
      const response = await fetch(server.url + path, {
        method: "POST",
        headers: { Cookie: cookie!, Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(fields).toString(),
        redirect: "manual",
      });
      await response.arrayBuffer();
      expect(response.status, `${fields.intent} on ${path}`).toBe(403);
    }
    expect(await teamView()).toEqual(before);
  });
});

describe("the sample conference's exports", () => {
  const download = async (role: Role, query: string) => {
    const cookie = await cookieOf(role);
    const response = await fetch(`${server.url}/conferences/${fixture.conferenceId}/${query}`, { headers: cookie ? { Cookie: cookie } : {} });
    expect(response.status, `${query} as ${role}`).toBe(200);
    return response.text();
  };

  it("give staff of another conference what the public gets, and the team what only it sees", async () => {
    for (const format of ["csv", "json"]) {
      for (const dataset of ["results", "proposals", "comments", "decisions"]) {
        const query = `export.${format}?dataset=${dataset}`;
        const anonymousCopy = await download("anonymous", query);
        for (const role of ["moderator of another conference", "planner of another conference"] as const) {
          expect(await download(role, query), `${query} as ${role}`).toBe(anonymousCopy);
        }
      }
      // The running session's hidden comment: the team has it, nobody else.
      for (const role of ["moderator", "planner", "admin"] as const) {
        expect(await download(role, `export.${format}?dataset=comments`), role).toContain("Nur fürs Team sichtbar");
      }
    }
  });
});

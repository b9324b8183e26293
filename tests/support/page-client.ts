import { randomUUID } from "node:crypto";
import { participantCookieName } from "../../app/auth/cookies.server";
import { issueParticipantToken, participantToken } from "../../app/auth/participants.server";
import { insertUser } from "../../app/auth/users.server";
import type { StaffActor, StaffRole } from "../../app/auth/actor";
import { joinLiveSession } from "../../app/live/join.server";
import type { LiveDeps } from "../../app/live/events";
import type { TestServer } from "./server";

export type Page = { status: number; html: string; location: string };

/** A browser without JavaScript: plain GETs and form posts, with the cookie it was given. */
export function client(server: TestServer, cookie: string | null = null) {
  const send = async (
    method: "GET" | "POST",
    path: string,
    form?: Record<string, string | string[]>,
  ): Promise<Page> => {
    const headers: Record<string, string> = {};
    if (cookie) headers.Cookie = cookie;
    let body: string | undefined;
    if (method === "POST") {
      // The CSRF check lets a post through only from the server's own origin, as a browser sends it.
      headers.Origin = server.url;
      headers["Content-Type"] = "application/x-www-form-urlencoded";
      const params = new URLSearchParams();
      for (const [name, value] of Object.entries(form ?? {})) for (const v of [value].flat()) params.append(name, v);
      body = params.toString();
    }
    const response = await fetch(server.url + path, { method, headers, body, redirect: "manual" });
    return { status: response.status, html: await response.text(), location: response.headers.get("location") ?? "" };
  };
  return {
    get: (path: string) => send("GET", path),
    post: (path: string, form: Record<string, string | string[]>) => send("POST", path, form),
  };
}

/** A staff member signed in through the real sign-in form, as a moderator would. */
export async function signedInStaff(server: TestServer, role: StaffRole = "moderator") {
  const email = `${role}-${randomUUID().slice(0, 8)}@mitplan.test`;
  const password = "Moderationskoffer-2026";
  const { user } = await insertUser(server.database.db, { email, displayName: `Mona ${role}`, role, password });
  const response = await fetch(`${server.url}/login`, {
    method: "POST",
    headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password, redirectTo: "/conferences" }).toString(),
    redirect: "manual",
  });
  if (response.status !== 302) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .join("; ");
  return { userId: user.id, displayName: user.displayName, email, role, cookie };
}

/** The same staff member as the domain functions see them, to set things up or read them back. */
export function staffActorOf(staff: Awaited<ReturnType<typeof signedInStaff>>): StaffActor {
  return { kind: "staff", userId: staff.userId, role: staff.role, email: staff.email, displayName: staff.displayName };
}

/** A participant who joined by code, with the cookie the join page would have set. */
export async function joinedParticipant(deps: LiveDeps, code: string, language = "de") {
  const { secret, secretHash } = issueParticipantToken();
  const joined = await joinLiveSession(
    deps,
    { kind: "anonymous" },
    { code, language, displayName: "Leyla" },
    { secretHash, clientIp: "198.51.100.2" },
  );
  return {
    actor: {
      kind: "participant" as const,
      participantId: joined.participantId,
      conferenceId: joined.conferenceId,
      language,
    },
    cookie: `${participantCookieName}=${participantToken(joined.participantId, secret)}`,
  };
}

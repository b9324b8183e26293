import { redirect } from "@remix-run/node";
import type { Db } from "../../db/client";
import { actorIn, anonymous, type Actor, type ParticipantActor, type StaffActor, type Viewer } from "./actor";
import { clearCookieHeader, participantCookieName, readCookie, sessionCookieHeader, sessionCookieName } from "./cookies.server";
import { participantsFromTokens, participantTokens } from "./participants.server";
import { can, permissions, type Action } from "./permissions";
import { validateSessionToken } from "./sessions.server";

type FoundActor = {
  actor: Actor;
  /** Every valid participant identity the cookie holds, newest first (none for staff). */
  identities: ParticipantActor[];
  sessionId?: string;
  renewedUntil?: Date;
  invalidCookies: string[];
};

/**
 * Cookies to actor: the staff session first, then the participant token. The socket.io
 * handshake calls this directly and never renews, because a socket cannot send a cookie back.
 */
export async function actorFromCookies(
  db: Db,
  cookies: string | null | undefined,
  { renew = false }: { renew?: boolean } = {},
): Promise<FoundActor> {
  const invalidCookies: string[] = [];
  const sessionToken = readCookie(cookies, sessionCookieName);
  if (sessionToken !== null) {
    const session = await validateSessionToken(db, sessionToken, { renew });
    if (session) {
      const renewedUntil = session.renewed ? session.expiresAt : undefined;
      return { actor: session.actor, identities: [], sessionId: session.sessionId, renewedUntil, invalidCookies };
    }
    invalidCookies.push(sessionCookieName);
  }
  const participantCookie = readCookie(cookies, participantCookieName);
  if (participantCookie !== null) {
    const identities = await participantsFromTokens(db, participantTokens(participantCookie));
    if (identities.length > 0) return { actor: identities[0]!, identities, invalidCookies };
    invalidCookies.push(participantCookieName);
  }
  return { actor: anonymous, identities: [], invalidCookies };
}

export type RequestActor = {
  actor: Actor;
  identities: ParticipantActor[];
  /** The staff session in use, for sign-out and password change. */
  sessionId?: string;
  /** Set-Cookie values to send: a renewed session, or a tampered, foreign or expired cookie cleared. */
  setCookie: string[];
};

/** The one place an HTTP request gets its actor. Only the root loader renews (and sends the cookie). */
export async function actorFrom(request: Request, db: Db, { renew = false } = {}): Promise<RequestActor> {
  const cookies = request.headers.get("Cookie");
  const found = await actorFromCookies(db, cookies, { renew });
  const setCookie = found.invalidCookies.map((name) => clearCookieHeader(request, name));
  if (found.renewedUntil) {
    setCookie.push(sessionCookieHeader(request, readCookie(cookies, sessionCookieName)!, found.renewedUntil));
  }
  return { actor: found.actor, identities: found.identities, sessionId: found.sessionId, setCookie };
}

function allowsRole(action: Action, role: string): boolean {
  return (permissions[action] as readonly string[]).includes(role);
}

const staffRoles = ["admin", "planner", "moderator", "mediator"];

function loginPath(request: Request): string {
  const url = new URL(request.url);
  return `/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`;
}

/**
 * For loaders and actions: the actor if it may do `action`. Otherwise an anonymous visitor is
 * sent to get the identity the action needs (/login for staff actions, /join for participant
 * actions), and anyone else gets a 403 that the root ErrorBoundary renders. Within a conference,
 * a participant acts as their identity there (actorIn).
 */
export async function requireActor(
  request: Request,
  context: { db: Db },
  action: Action,
  { conferenceId }: { conferenceId?: string | null } = {},
): Promise<Actor> {
  const found = await requireRequestActor(request, context, action);
  return actorIn(found, conferenceId);
}

/** Like requireActor, for pages that need the signed-in staff member and their session. */
export async function requireStaff(
  request: Request,
  context: { db: Db },
  action: Action,
): Promise<{ actor: StaffActor; sessionId: string }> {
  const { actor, sessionId } = await requireRequestActor(request, context, action);
  if (actor.kind !== "staff" || !sessionId) throw new Response(null, { status: 403 });
  return { actor, sessionId };
}

async function requireRequestActor(request: Request, context: { db: Db }, action: Action): Promise<RequestActor> {
  const found = await actorFrom(request, context.db);
  if (can(found.actor, action)) return found;
  if (found.actor.kind === "anonymous") {
    if (staffRoles.some((role) => allowsRole(action, role))) throw redirect(loginPath(request));
    if (allowsRole(action, "participant")) throw redirect("/join");
  }
  throw new Response(null, { status: 403 });
}

export function viewerOf(actor: Actor): Viewer {
  if (actor.kind !== "staff") return { kind: actor.kind };
  return {
    kind: "staff",
    displayName: actor.displayName,
    canManageUsers: can(actor, "user.manage"),
    canManageSite: can(actor, "site.manage"),
    canDecide: can(actor, "decision.write"),
    canManageConferences: can(actor, "conference.manage"),
    canTranslate: can(actor, "translation.write"),
  };
}

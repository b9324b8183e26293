import { inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { participants } from "../../db/schema";
import type { ParticipantActor } from "./actor";
import { clearCookieHeader, cookieHeader, participantCookieName, readCookie } from "./cookies.server";
import { hashSecret, newSecret, secretMatches, splitToken } from "./tokens.server";

/** A participant stays recognisable for the feedback that follows a conference. */
const participantCookieMaxAgeSeconds = 180 * 24 * 60 * 60;
const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Step 1 of joining: a fresh secret and its hash. Insert the participant row with
 * `secretHash`; the secret itself is never stored.
 */
export function issueParticipantToken(): { secret: string; secretHash: string } {
  const secret = newSecret();
  return { secret, secretHash: hashSecret(secret) };
}

/** Step 2: the cookie value for the inserted row, `participantId.secret`. */
export function participantToken(participantId: string, secret: string): string {
  return `${participantId}.${secret}`;
}

/**
 * One browser may take part in several conferences: the cookie holds one token per conference,
 * newest first, separated by "~" (a cookie-safe character no token contains). Beyond the cap the
 * oldest identity is dropped; ten conferences within the cookie's 180 days is plenty, and the
 * cookie stays under a kilobyte.
 */
export const maxParticipantIdentities = 10;
const tokenSeparator = "~";

/** The tokens a cookie value lists, malformed entries dropped. */
export function participantTokens(value: string | null): string[] {
  if (!value) return [];
  return value.split(tokenSeparator).filter((token) => splitToken(token) !== null).slice(0, maxParticipantIdentities);
}

/**
 * Step 3: the Set-Cookie header value that hands the token to the browser (httpOnly), in front
 * of the identities it already holds that are still valid (`kept`); the conference the new
 * token is for has no other identity in `kept`.
 */
export function participantCookieHeader(request: Request, token: string, kept: readonly ParticipantActor[] = []): string {
  return writeIdentities(request, [token, ...keptTokens(request, kept)]);
}

/** The cookie without the identities named (after their data was deleted), or cleared when none is left. */
export function participantCookieWithout(request: Request, kept: readonly ParticipantActor[], dropped: readonly string[]): string {
  return writeIdentities(request, keptTokens(request, kept.filter((identity) => !dropped.includes(identity.participantId))));
}

function keptTokens(request: Request, kept: readonly ParticipantActor[]): string[] {
  const ids = new Set(kept.map((identity) => identity.participantId));
  return participantTokens(readCookie(request.headers.get("Cookie"), participantCookieName)).filter((token) => ids.has(splitToken(token)!.id));
}

function writeIdentities(request: Request, tokens: string[]): string {
  if (tokens.length === 0) return clearParticipantCookieHeader(request);
  const value = tokens.slice(0, maxParticipantIdentities).join(tokenSeparator);
  return cookieHeader(request, participantCookieName, value, participantCookieMaxAgeSeconds);
}

function clearParticipantCookieHeader(request: Request): string {
  return clearCookieHeader(request, participantCookieName);
}

/**
 * The participants behind a cookie's tokens, in its order; malformed, unknown or forged ones are
 * left out. A token's secret is the one joining set, or the one of the participant's current
 * return link (app/auth/return-links.server.ts), which a browser that opened the link holds.
 */
export async function participantsFromTokens(db: Db, tokens: readonly string[]): Promise<ParticipantActor[]> {
  const parts = tokens.map(splitToken).filter((p): p is { id: string; secret: string } => p !== null && uuidShape.test(p.id));
  if (parts.length === 0) return [];
  const rows = await db
    .select({
      id: participants.id,
      conferenceId: participants.conferenceId,
      language: participants.language,
      secretHash: participants.secretHash,
      returnHash: participants.returnHash,
    })
    .from(participants)
    .where(inArray(participants.id, parts.map((p) => p.id)));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return parts.flatMap(({ id, secret }) => {
    const row = byId.get(id);
    if (!row) return [];
    // Both are compared, so the time taken does not tell which secret a token carries.
    const byJoin = secretMatches(secret, row.secretHash);
    const byReturnLink = secretMatches(secret, row.returnHash ?? "");
    if (!byJoin && !byReturnLink) return [];
    return [{ kind: "participant" as const, participantId: row.id, conferenceId: row.conferenceId, language: row.language }];
  });
}

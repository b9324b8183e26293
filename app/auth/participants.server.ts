import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { participants } from "../../db/schema";
import type { ParticipantActor } from "./actor";
import { clearCookieHeader, cookieHeader, participantCookieName } from "./cookies.server";
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

/** Step 3: the Set-Cookie header value that hands the token to the browser (httpOnly). */
export function participantCookieHeader(request: Request, token: string): string {
  return cookieHeader(request, participantCookieName, token, participantCookieMaxAgeSeconds);
}

export function clearParticipantCookieHeader(request: Request): string {
  return clearCookieHeader(request, participantCookieName);
}

/** The participant behind a token, or null for anything malformed, unknown or forged. */
export async function participantFromToken(db: Db, token: string | null): Promise<ParticipantActor | null> {
  const parts = splitToken(token);
  if (!parts || !uuidShape.test(parts.id)) return null;
  const [row] = await db
    .select({
      id: participants.id,
      conferenceId: participants.conferenceId,
      language: participants.language,
      secretHash: participants.secretHash,
    })
    .from(participants)
    .where(eq(participants.id, parts.id));
  if (!row || !secretMatches(parts.secret, row.secretHash)) return null;
  return { kind: "participant", participantId: row.id, conferenceId: row.conferenceId, language: row.language };
}

import { and, eq, ne } from "drizzle-orm";
import type { Db } from "../../db/client";
import { authSessions, users } from "../../db/schema";
import type { StaffActor } from "./actor";
import { hashSecret, newSecret, randomToken, secretMatches, splitToken } from "./tokens.server";

const day = 24 * 60 * 60 * 1000;
export const sessionLifetimeMs = 30 * day;

export type StaffSession = { sessionId: string; expiresAt: Date; actor: StaffActor; renewed: boolean };

export async function createSession(db: Db, userId: string, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const id = randomToken(15);
  const secret = newSecret();
  const expiresAt = new Date(now.getTime() + sessionLifetimeMs);
  await db.insert(authSessions).values({ id, userId, secretHash: hashSecret(secret), createdAt: now, expiresAt });
  return { token: `${id}.${secret}`, expiresAt };
}

/**
 * The staff member behind a session token, or null for a token that is malformed, unknown,
 * forged, expired or belongs to a deactivated account. With `renew`, a session used in the second
 * half of its life is extended (sliding expiry); the caller must then send the cookie again.
 */
export async function validateSessionToken(
  db: Db,
  token: string | null,
  { renew, now = new Date() }: { renew: boolean; now?: Date },
): Promise<StaffSession | null> {
  const parts = splitToken(token);
  if (!parts) return null;
  const [row] = await db
    .select({
      secretHash: authSessions.secretHash,
      expiresAt: authSessions.expiresAt,
      userId: users.id,
      role: users.role,
      email: users.email,
      displayName: users.displayName,
      active: users.active,
    })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(eq(authSessions.id, parts.id));
  if (!row || !secretMatches(parts.secret, row.secretHash)) return null;
  if (row.expiresAt.getTime() <= now.getTime() || !row.active) {
    await deleteSession(db, parts.id);
    return null;
  }
  let expiresAt = row.expiresAt;
  const renewed = renew && expiresAt.getTime() - now.getTime() < sessionLifetimeMs / 2;
  if (renewed) {
    expiresAt = new Date(now.getTime() + sessionLifetimeMs);
    await db.update(authSessions).set({ expiresAt }).where(eq(authSessions.id, parts.id));
  }
  const actor: StaffActor = {
    kind: "staff",
    userId: row.userId,
    role: row.role,
    email: row.email,
    displayName: row.displayName,
  };
  return { sessionId: parts.id, expiresAt, actor, renewed };
}

async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(authSessions).where(eq(authSessions.id, sessionId));
}

/** Ends every session of a user, or every other one when `except` names the one in use. */
export async function deleteUserSessions(db: Db, userId: string, except?: string): Promise<void> {
  await db
    .delete(authSessions)
    .where(except ? and(eq(authSessions.userId, userId), ne(authSessions.id, except)) : eq(authSessions.userId, userId));
}

import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { authSessions, users } from "../../db/schema";
import { DomainError, parseInput } from "../errors";
import type { Actor, StaffActor } from "./actor";
import { authorize } from "./permissions";
import { hashPassword, passwordMaxLength, passwordProblem, verifyPassword } from "./passwords.server";
import { limitLogin, loginSucceeded } from "./rate-limit.server";
import { createSession, deleteUserSessions } from "./sessions.server";

/** Narrows an authorised actor to the staff member whose own account is at stake. */
function staffActor(actor: Actor): StaffActor {
  authorize(actor, "account.manage");
  if (actor.kind !== "staff") throw new DomainError("forbidden", "common:error.forbiddenText");
  return actor;
}

export const emailSchema = z.string().trim().toLowerCase().min(1).max(254).email();

const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(passwordMaxLength),
});

/**
 * Wrong password, unknown e-mail and deactivated account get the same answer after the same
 * work (one argon2 verification), so the form does not reveal who has an account.
 */
export async function signIn(
  db: Db,
  actor: Actor,
  input: unknown,
  { ip }: { ip: string },
): Promise<{ token: string; expiresAt: Date; user: StaffActor }> {
  const { email, password } = parseInput(signInSchema, input, "auth:login.invalid");
  authorize(actor, "account.signIn");
  await limitLogin(db, ip, email);
  const [user] = await db.select().from(users).where(eq(users.email, email));
  const valid = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !valid || !user.active) throw new DomainError("unauthenticated", "auth:login.invalid");
  const session = await db.transaction((tx) => createSession(tx, user.id));
  await loginSucceeded(db, ip, email);
  return {
    ...session,
    user: { kind: "staff", userId: user.id, role: user.role, email: user.email, displayName: user.displayName },
  };
}

export async function signOut(db: Db, actor: Actor, { sessionId }: { sessionId: string }): Promise<void> {
  const staff = staffActor(actor);
  await db.transaction((tx) =>
    tx.delete(authSessions).where(and(eq(authSessions.id, sessionId), eq(authSessions.userId, staff.userId))),
  );
}

export async function signOutEverywhere(db: Db, actor: Actor): Promise<void> {
  const staff = staffActor(actor);
  await db.transaction((tx) => deleteUserSessions(tx, staff.userId));
}

const changePasswordSchema = z.object({
  currentPassword: z.string().min(1).max(passwordMaxLength),
  newPassword: z.string().max(1000),
});

/** Keeps the session in use and ends every other one, e.g. on a device that was lost. */
export async function changePassword(
  db: Db,
  actor: Actor,
  input: unknown,
  { sessionId, ip }: { sessionId: string; ip: string },
): Promise<void> {
  const { currentPassword, newPassword } = parseInput(changePasswordSchema, input, "auth:account.passwordInvalid");
  const staff = staffActor(actor);
  const problem = passwordProblem(newPassword);
  if (problem) throw new DomainError("invalid", "auth:account.passwordInvalid", { newPassword: problem });
  await limitLogin(db, ip, staff.email);
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, staff.userId));
  if (!(await verifyPassword(user?.passwordHash ?? null, currentPassword))) {
    throw new DomainError("invalid", "auth:account.passwordInvalid", { currentPassword: "auth:account.currentWrong" });
  }
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(users.id, staff.userId));
    await deleteUserSessions(tx, staff.userId, sessionId);
  });
}

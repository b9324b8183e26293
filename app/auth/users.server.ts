import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { staffRole, users } from "../../db/schema";
import { DomainError, parseInput } from "../errors";
import type { Actor, StaffRole } from "./actor";
import { emailSchema } from "./account.server";
import { authorize } from "./permissions";
import { generatePassword, hashPassword, passwordProblem } from "./passwords.server";
import { deleteUserSessions } from "./sessions.server";
import { text } from "../text";

export type UserSummary = {
  id: string;
  email: string;
  displayName: string;
  role: StaffRole;
  active: boolean;
  createdAt: Date;
};

const roleSchema = z.enum(staffRole.enumValues);
const newUserSchema = z.object({
  email: emailSchema,
  displayName: text({ min: 1, max: 120 }),
  role: roleSchema,
  password: z.string().max(1000).optional(),
});
const userIdSchema = z.object({ userId: z.string().uuid() });

const parse = <S extends z.ZodTypeAny>(schema: S, input: unknown): z.output<S> =>
  parseInput(schema, input, "auth:users.invalid");

export async function listUsers(db: Db, actor: Actor): Promise<UserSummary[]> {
  authorize(actor, "user.manage");
  return db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      active: users.active,
      createdAt: users.createdAt,
    })
    .from(users)
    .orderBy(asc(users.email));
}

/**
 * Creates an account without a permission check. Only for the `user:create` command and the demo
 * data, which run as the operator of the server; users go through `createUser`. Without a
 * password a strong one is generated and returned, to be shown once.
 */
export async function insertUser(db: Db, input: unknown): Promise<{ user: UserSummary; password?: string }> {
  return insertValidUser(db, parse(newUserSchema, input));
}

export async function createUser(db: Db, actor: Actor, input: unknown): Promise<{ user: UserSummary; password?: string }> {
  const newUser = parse(newUserSchema, input);
  authorize(actor, "user.manage");
  return insertValidUser(db, newUser);
}

async function insertValidUser(
  db: Db,
  { email, displayName, role, password: given }: z.output<typeof newUserSchema>,
): Promise<{ user: UserSummary; password?: string }> {
  const password = given || generatePassword();
  const problem = passwordProblem(password);
  if (problem) throw new DomainError("invalid", "auth:users.invalid", { password: problem });
  const passwordHash = await hashPassword(password);
  const user = await db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (taken) throw new DomainError("conflict", "auth:users.emailTaken", { email: "auth:users.emailTaken" });
    const [row] = await tx.insert(users).values({ email, displayName, role, passwordHash }).returning();
    return row!;
  });
  const { passwordHash: _hash, passwordChangedAt: _changed, ...summary } = user;
  return { user: summary, password: given ? undefined : password };
}

/**
 * An admin cannot demote, deactivate or reset themself (that is what /account is for), so at
 * least one admin always remains.
 */
function notSelf(actor: Actor, userId: string): void {
  if (actor.kind === "staff" && actor.userId === userId) {
    throw new DomainError("conflict", "auth:users.notYourself");
  }
}

async function updateUser(
  db: Db,
  userId: string,
  change: Partial<typeof users.$inferInsert>,
  { endSessions }: { endSessions: boolean },
): Promise<{ email: string }> {
  return db.transaction(async (tx) => {
    const [updated] = await tx.update(users).set(change).where(eq(users.id, userId)).returning({ email: users.email });
    if (!updated) throw new DomainError("not_found", "auth:users.notFound");
    if (endSessions) await deleteUserSessions(tx, userId);
    return updated;
  });
}

export async function changeRole(db: Db, actor: Actor, input: unknown): Promise<{ email: string }> {
  const { userId, role } = parse(userIdSchema.extend({ role: roleSchema }), input);
  authorize(actor, "user.manage");
  notSelf(actor, userId);
  return updateUser(db, userId, { role }, { endSessions: false });
}

/** Deactivation ends every session at once; the account and its history stay. */
export async function deactivateUser(db: Db, actor: Actor, input: unknown): Promise<{ email: string }> {
  const { userId } = parse(userIdSchema, input);
  authorize(actor, "user.manage");
  notSelf(actor, userId);
  return updateUser(db, userId, { active: false }, { endSessions: true });
}

/**
 * Lets a deactivated colleague sign in again with their old password (someone back from leave);
 * if it may be known to others, the admin resets it afterwards.
 */
export async function reactivateUser(db: Db, actor: Actor, input: unknown): Promise<{ email: string }> {
  const { userId } = parse(userIdSchema, input);
  authorize(actor, "user.manage");
  notSelf(actor, userId);
  return updateUser(db, userId, { active: true }, { endSessions: false });
}

/** Sets a generated password, returned to be shown once, and ends the user's sessions. */
export async function resetPassword(db: Db, actor: Actor, input: unknown): Promise<{ email: string; password: string }> {
  const { userId } = parse(userIdSchema, input);
  authorize(actor, "user.manage");
  notSelf(actor, userId);
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const { email } = await updateUser(db, userId, { passwordHash, passwordChangedAt: new Date() }, { endSessions: true });
  return { email, password };
}

import { and, asc, eq, ne } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { conferences, conferenceTeamMembers } from "../../db/schema";
import type { Actor, StaffRole } from "../auth/actor";
import { emailSchema } from "../auth/account.server";
import { authorize, can, type Action } from "../auth/permissions";
import { staffAccountByEmail, staffAccounts } from "../auth/staff-names.server";
import { DomainError, parseInput, notFound } from "../errors";

type Reader = Pick<Db, "select">;

const uuid = z.string().uuid();

/**
 * The one rule of docs/decisions/015: staff steer a conference only while they are on its team;
 * whoever the permission table lets steer every conference (the admins) always may.
 */
export async function maySteerConference(db: Reader, actor: Actor, conferenceId: string): Promise<boolean> {
  if (actor.kind !== "staff") return false;
  if (can(actor, "conference.steerAny")) return true;
  if (!uuid.safeParse(conferenceId).success) return false;
  const [member] = await db
    .select({ userId: conferenceTeamMembers.userId })
    .from(conferenceTeamMembers)
    .where(and(eq(conferenceTeamMembers.conferenceId, conferenceId), eq(conferenceTeamMembers.userId, actor.userId)));
  return Boolean(member);
}

/** maySteerConference for many conferences at once: "all", or the ids of the actor's teams. */
export async function steerableConferences(db: Reader, actor: Actor): Promise<"all" | Set<string>> {
  if (actor.kind !== "staff") return new Set();
  if (can(actor, "conference.steerAny")) return "all";
  const rows = await db
    .select({ conferenceId: conferenceTeamMembers.conferenceId })
    .from(conferenceTeamMembers)
    .where(eq(conferenceTeamMembers.userId, actor.userId));
  return new Set(rows.map((r) => r.conferenceId));
}

/**
 * Throws unless the actor may do `action` on this conference: their role must allow it (the
 * permission table) and they must be on its team. Every command and page that steers one
 * conference or shows its console asks this (or the live room's authorizeLiveSession and
 * authorizeAgendaItem, which find the conference first). An unknown conference is not found.
 */
export async function authorizeConference(db: Reader, actor: Actor, action: Action, conferenceId: string): Promise<void> {
  authorize(actor, action);
  if (await maySteerConference(db, actor, conferenceId)) return;
  const [conference] = uuid.safeParse(conferenceId).success
    ? await db.select({ id: conferences.id }).from(conferences).where(eq(conferences.id, conferenceId))
    : [];
  if (!conference) throw notFound();
  throw new DomainError("forbidden", "conferences:team.notOnTeam");
}

export type TeamMember = {
  userId: string;
  displayName: string;
  email: string;
  role: StaffRole;
  active: boolean;
  addedAt: Date;
  addedByName: string | null;
};

/** The conference's team, oldest member (the creator) first; only the team and admins see it. */
export async function listTeam(db: Reader, actor: Actor, conferenceId: string): Promise<TeamMember[]> {
  await authorizeConference(db, actor, "conference.manage", conferenceId);
  const rows = await db
    .select()
    .from(conferenceTeamMembers)
    .where(eq(conferenceTeamMembers.conferenceId, conferenceId))
    .orderBy(asc(conferenceTeamMembers.addedAt));
  const accounts = await staffAccounts(db, rows.flatMap((r) => (r.addedBy ? [r.userId, r.addedBy] : [r.userId])));
  const members = rows.flatMap((r) => {
    const account = accounts.get(r.userId);
    if (!account) return [];
    const { id, displayName, email, role, active } = account;
    return [{ userId: id, displayName, email, role, active, addedAt: r.addedAt, addedByName: (r.addedBy && accounts.get(r.addedBy)?.displayName) ?? null }];
  });
  // Members added at the same moment by name, as the list always showed them.
  return members.sort((a, b) => a.addedAt.getTime() - b.addedAt.getTime() || (a.displayName < b.displayName ? -1 : a.displayName > b.displayName ? 1 : 0));
}

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * Locks the conference row, so that two team changes at once see each other (two members
 * removing each other must not leave the conference without a team), then checks the actor.
 */
async function lockTeam(tx: Tx, actor: Actor, conferenceId: string): Promise<void> {
  const [conference] = await tx.select({ id: conferences.id }).from(conferences).where(eq(conferences.id, conferenceId)).for("update");
  if (!conference) throw notFound();
  await authorizeConference(tx, actor, "conference.manage", conferenceId);
}

const addMemberSchema = z.object({ conferenceId: uuid, email: emailSchema });
const removeMemberSchema = z.object({ conferenceId: uuid, userId: uuid });

const emailError = (key: string) => new DomainError("invalid", key, { email: key });

/** Adds an active moderator or planner account, named by its e-mail address, to the team. */
export async function addTeamMember(db: Db, actor: Actor, input: unknown): Promise<TeamMember> {
  authorize(actor, "conference.manage");
  const data = parseInput(addMemberSchema, input, "conferences:team.invalid");
  const userId = await db.transaction(async (tx) => {
    await lockTeam(tx, actor, data.conferenceId);
    const user = await staffAccountByEmail(tx, data.email);
    if (!user) throw emailError("conferences:team.error.unknownAccount");
    if (!user.active) throw emailError("conferences:team.error.inactiveAccount");
    // An admin on the list would look as if the team could take their rights away.
    if (user.role === "admin") throw emailError("conferences:team.error.adminAccount");
    const [added] = await tx
      .insert(conferenceTeamMembers)
      .values({ conferenceId: data.conferenceId, userId: user.id, addedBy: actor.kind === "staff" ? actor.userId : null })
      .onConflictDoNothing()
      .returning({ userId: conferenceTeamMembers.userId });
    if (!added) throw emailError("conferences:team.error.alreadyMember");
    return added.userId;
  });
  return (await listTeam(db, actor, data.conferenceId)).find((m) => m.userId === userId)!;
}

/**
 * Takes a member off the team. Someone active must remain to steer the conference, unless an
 * admin (who steers every conference anyway) decides otherwise.
 */
export async function removeTeamMember(db: Db, actor: Actor, input: unknown): Promise<void> {
  authorize(actor, "conference.manage");
  const data = parseInput(removeMemberSchema, input, "conferences:team.invalid");
  await db.transaction(async (tx) => {
    await lockTeam(tx, actor, data.conferenceId);
    const onTeam = and(eq(conferenceTeamMembers.conferenceId, data.conferenceId), eq(conferenceTeamMembers.userId, data.userId));
    const [member] = await tx.select({ userId: conferenceTeamMembers.userId }).from(conferenceTeamMembers).where(onTeam);
    if (!member) throw new DomainError("not_found", "conferences:team.error.notMember");
    if (!can(actor, "conference.steerAny")) {
      const others = await tx
        .select({ userId: conferenceTeamMembers.userId })
        .from(conferenceTeamMembers)
        .where(and(eq(conferenceTeamMembers.conferenceId, data.conferenceId), ne(conferenceTeamMembers.userId, data.userId)));
      const accounts = await staffAccounts(tx, others.map((o) => o.userId));
      if (![...accounts.values()].some((account) => account.active)) throw new DomainError("conflict", "conferences:team.error.lastMember");
    }
    await tx.delete(conferenceTeamMembers).where(onTeam);
  });
}

/** The creator's membership, written in the transaction that creates the conference. */
export async function addCreator(tx: Tx, conferenceId: string, userId: string): Promise<void> {
  await tx.insert(conferenceTeamMembers).values({ conferenceId, userId, addedBy: userId });
}

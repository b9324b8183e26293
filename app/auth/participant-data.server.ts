import { and, count, eq, inArray, isNull, sql, type SQLWrapper } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { participants, retentionSettings } from "../../db/schema";
import { parseInput } from "../errors";
import type { Actor } from "./actor";
import { authorize } from "./permissions";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
type Reader = Pick<Db, "select">;

/**
 * What erasing a profile leaves: no name, group, district or language preference, and a secret
 * hash no token can match (secretMatches compares against 32 zero bytes), no return link and no
 * e-mail address, so the row is at most an anonymous number behind votes
 * (docs/decisions/017-participant-data.md).
 */
const erased = {
  displayName: null,
  group: null,
  district: null,
  secretHash: "",
  // The return link and the notification address go with the profile (docs/decisions/031).
  returnHash: null,
  notifyEmail: null,
  notifyConsentedAt: null,
  anonymisedAt: sql`now()`,
} as const;

/** Locks the participant's row for their deletion, so no comment or vote is added meanwhile; false when it is gone. */
export async function lockParticipant(tx: Tx, participantId: string): Promise<boolean> {
  const [row] = await tx.select({ id: participants.id }).from(participants).where(eq(participants.id, participantId)).for("update");
  return row !== undefined;
}

/**
 * A participant's own deletion: the row goes when nothing refers to it any more, else (votes in a
 * closed session) it stays without its profile. `stillReferenced` is the caller's answer.
 */
export async function eraseParticipant(tx: Tx, participantId: string, { stillReferenced }: { stillReferenced: boolean }): Promise<void> {
  if (stillReferenced) await tx.update(participants).set(erased).where(eq(participants.id, participantId));
  else await tx.delete(participants).where(eq(participants.id, participantId));
}

/** The retention rule: every participant of these conferences loses their profile. */
export async function anonymiseParticipantsOf(db: Pick<Db, "update">, conferenceIds: string[]): Promise<number> {
  if (conferenceIds.length === 0) return 0;
  const rows = await db
    .update(participants)
    .set(erased)
    .where(and(inArray(participants.conferenceId, conferenceIds), isNull(participants.anonymisedAt)))
    .returning({ id: participants.id });
  return rows.length;
}

const defaultRetentionMonths = 12;

export async function retentionMonths(db: Reader): Promise<number> {
  const [row] = await db.select({ months: retentionSettings.participantMonths }).from(retentionSettings);
  return row?.months ?? defaultRetentionMonths;
}

const retentionSchema = z.object({ participantMonths: z.coerce.number().int().min(1).max(120) });

/** Admins set how many months after a conference ended its participants' profiles are kept. */
export async function setRetentionMonths(db: Db, actor: Actor, input: unknown): Promise<{ participantMonths: number }> {
  authorize(actor, "user.manage");
  const { participantMonths } = parseInput(retentionSchema, input);
  const updatedBy = actor.kind === "staff" ? actor.userId : null;
  await db
    .insert(retentionSettings)
    .values({ id: true, participantMonths, updatedBy })
    .onConflictDoUpdate({ target: retentionSettings.id, set: { participantMonths, updatedBy, updatedAt: sql`now()` } });
  return { participantMonths };
}

/** The group each participant gave when joining (null: not stated, or erased). */
export async function participantGroups(db: Reader, ids: string[]): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: participants.id, group: participants.group }).from(participants).where(inArray(participants.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.group]));
}

/** How many participants some conferences have (given as a subquery of their ids: a plan's, for one query). */
export async function participantCount(db: Reader, conferenceIds: SQLWrapper): Promise<number> {
  const [row] = await db.select({ n: count() }).from(participants).where(inArray(participants.conferenceId, conferenceIds));
  return row!.n;
}

/** How many participants a conference has per group (`key` null: not stated). */
export async function participantsByGroup(db: Reader, conferenceId: string): Promise<{ key: string | null; count: number }[]> {
  const rows = await db
    .select({ key: sql<string | null>`${participants.group}::text`, count: sql<number>`count(*)::int` })
    .from(participants)
    .where(eq(participants.conferenceId, conferenceId))
    .groupBy(participants.group);
  return rows.map((r) => ({ key: r.key, count: Number(r.count) }));
}

import { and, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { participants } from "../../db/schema";
import type { Actor, ParticipantActor } from "./actor";
import { authorize } from "./permissions";
import { DomainError, parseInput } from "../errors";

const conferenceSchema = z.object({ conferenceId: z.string().uuid() });
const notifyEmailSchema = conferenceSchema.extend({
  email: z.string().trim().min(1).max(254).email({ message: "feedback:notify.invalidEmail" }),
  // The consent box: without it nothing is stored.
  consent: z.literal("yes", { errorMap: () => ({ message: "feedback:notify.consentRequired" }) }),
});

/** The identity this command acts on: the actor's own in the conference named. */
function ownIdentity(actor: Actor, conferenceId: string): ParticipantActor {
  authorize(actor, "participant.manageOwn");
  if (actor.kind !== "participant" || actor.conferenceId !== conferenceId) throw new DomainError("forbidden", "common:error.forbiddenText");
  return actor;
}

async function setAddress(db: Db, participantId: string, email: string | null): Promise<void> {
  const [row] = await db
    .update(participants)
    .set({ notifyEmail: email, notifyConsentedAt: email ? sql`now()` : null })
    .where(and(eq(participants.id, participantId), isNull(participants.anonymisedAt)))
    .returning({ id: participants.id });
  if (!row) throw new DomainError("not_found", "common:error.notFoundText");
}

/**
 * A participant leaves an address to be told when a planner decides about their input, with
 * explicit consent; only offered when the site can send e-mail (`offered`), never required.
 */
export async function setNotifyEmail(db: Db, actor: Actor, input: unknown, { offered }: { offered: boolean }): Promise<{ email: string }> {
  const { conferenceId } = parseInput(conferenceSchema, input);
  const me = ownIdentity(actor, conferenceId);
  if (!offered) throw new DomainError("conflict", "feedback:notify.notOffered");
  const parsed = notifyEmailSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0]);
    const messageKey = issue.message.startsWith("feedback:") ? issue.message : "feedback:notify.invalidEmail";
    throw new DomainError("invalid", messageKey, { [field]: messageKey });
  }
  await setAddress(db, me.participantId, parsed.data.email);
  return { email: parsed.data.email };
}

/** Takes the address back: no e-mail is sent any more, mails not yet sent included. */
export async function removeNotifyEmail(db: Db, actor: Actor, input: unknown): Promise<void> {
  const { conferenceId } = parseInput(conferenceSchema, input);
  await setAddress(db, ownIdentity(actor, conferenceId).participantId, null);
}

/** The address a participant left, for their own page. */
export async function notifyEmailOf(db: Pick<Db, "select">, participantId: string): Promise<string | null> {
  const [row] = await db.select({ email: participants.notifyEmail }).from(participants).where(eq(participants.id, participantId));
  return row?.email ?? null;
}

/** Of these participants, the ones who left an address. */
export async function withNotifyEmail(db: Pick<Db, "select">, participantIds: string[]): Promise<string[]> {
  if (participantIds.length === 0) return [];
  const rows = await db
    .select({ id: participants.id })
    .from(participants)
    .where(and(inArray(participants.id, participantIds), isNotNull(participants.notifyEmail)));
  return rows.map((r) => r.id);
}

/** Where and in which language to write to a participant now, or null when they left no address (any more). */
export async function mailRecipient(db: Pick<Db, "select">, participantId: string): Promise<{ email: string; language: string; conferenceId: string } | null> {
  const [row] = await db
    .select({ email: participants.notifyEmail, language: participants.language, conferenceId: participants.conferenceId })
    .from(participants)
    .where(eq(participants.id, participantId));
  return row?.email ? { email: row.email, language: row.language, conferenceId: row.conferenceId } : null;
}

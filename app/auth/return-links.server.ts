import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { participants } from "../../db/schema";
import { DomainError, parseInput } from "../errors";
import type { Actor, ParticipantActor } from "./actor";
import { participantToken, participantsFromTokens } from "./participants.server";
import { authorize } from "./permissions";
import { hashSecret, newSecret, splitToken } from "./tokens.server";

const returnLinkSchema = z.object({ conferenceId: z.string().uuid() });

/** The path a return link opens; the token is `participantId.secret`, like the cookie's. */
export const returnPath = (token: string) => `/r/${token}`;

/**
 * A participant's personal link back to their input, for another browser (an in-app browser's
 * cookies are lost when it closes): a second secret of the same identity, only its hash stored.
 * Making a new one revokes the previous link and every browser that came in through it; deleting
 * the data or the retention rule revokes it too (docs/decisions/031-return-link-and-decision-mail.md).
 */
export async function issueReturnLink(db: Db, actor: Actor, input: unknown): Promise<{ token: string; participantId: string }> {
  authorize(actor, "participant.manageOwn");
  const { conferenceId } = parseInput(returnLinkSchema, input);
  if (actor.kind !== "participant" || actor.conferenceId !== conferenceId) throw new DomainError("forbidden", "common:error.forbiddenText");
  const secret = newSecret();
  const [row] = await db
    .update(participants)
    .set({ returnHash: hashSecret(secret) })
    .where(and(eq(participants.id, actor.participantId), isNull(participants.anonymisedAt)))
    .returning({ id: participants.id });
  if (!row) throw new DomainError("not_found", "common:error.notFoundText");
  return { token: participantToken(row.id, secret), participantId: row.id };
}

/** The identity a return link's token stands for, or null when it is malformed, revoked or forged. */
export async function openReturnLink(db: Db, token: string): Promise<ParticipantActor | null> {
  if (!splitToken(token)) return null;
  const [identity] = await participantsFromTokens(db, [token]);
  return identity ?? null;
}

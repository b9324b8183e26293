import { count, eq, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Db } from "../../db/client";
import { participants } from "../../db/schema";

// A participant's row as the live room writes and reads it: joining, the count the screens show,
// the author's name beside a comment, the voter's lock (docs/decisions/020).

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
type Writer = Pick<Tx, "insert" | "update">;

/** What joining asks for; each field but the language may be left out (null). */
export type ParticipantProfile = {
  displayName: string | null;
  group: (typeof participants.$inferInsert)["group"] | null;
  district: string | null;
  language: string;
};

/** A new participant of a conference, known by the hash of their cookie's secret. */
export async function addParticipant(
  tx: Writer,
  { conferenceId, secretHash, profile }: { conferenceId: string; secretHash: string; profile: ParticipantProfile },
): Promise<string> {
  const [row] = await tx.insert(participants).values({ conferenceId, secretHash, ...profile }).returning({ id: participants.id });
  return row!.id;
}

/** Joining again with the same cookie changes the profile, never the identity. */
export async function updateParticipantProfile(tx: Writer, participantId: string, profile: ParticipantProfile): Promise<void> {
  await tx.update(participants).set(profile).where(eq(participants.id, participantId));
}

export async function participantCount(db: Pick<Db, "select">, conferenceId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(participants).where(eq(participants.conferenceId, conferenceId));
  return row!.n;
}

/**
 * The display name of the participant in `participantId` (a column of the caller's query), as a
 * correlated subquery: a list of comments or proposals stays one query.
 */
export function participantNameOf(participantId: SQLWrapper): SQL<string | null> {
  return sql<string | null>`(select ${participants.displayName} from ${participants} where ${participants.id} = ${participantId})`;
}

/**
 * The participant's row locked for update, as a common table expression `voter` (id, conference)
 * the caller joins into its own statement: a vote locks its voter and reads its item in one round
 * trip (app/live/votes.server.ts).
 */
export function lockedParticipant(tx: Pick<Tx, "$with" | "select">, participantId: string) {
  return tx.$with("voter").as(
    tx
      .select({ id: participants.id, conferenceId: participants.conferenceId })
      .from(participants)
      .where(eq(participants.id, participantId))
      .for("update"),
  );
}

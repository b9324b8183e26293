import { count, eq } from "drizzle-orm";
import { liveSessions, participants } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/permissions";
import { getConference } from "../conferences/conferences.server";
import { DomainError, parseInput } from "../errors";
import type { LiveDeps } from "./events";
import { joinSchema } from "./schemas";

export type JoinResult = { participantId: string; liveSessionId: string; conferenceId: string; created: boolean };

/** The live session a join code opens, or why it cannot be joined. */
export async function findByJoinCode(deps: Pick<LiveDeps, "db">, code: string) {
  const normalised = code.trim().toUpperCase();
  const [session] = await deps.db.select().from(liveSessions).where(eq(liveSessions.joinCode, normalised));
  if (!session) throw new DomainError("not_found", "live:error.unknownCode");
  if (session.status === "closed") throw new DomainError("conflict", "live:error.sessionClosed");
  const conference = (await getConference(deps.db, session.conferenceId))!;
  return { session, conference };
}

/**
 * Joining needs no account: a participant of the conference is created (or, when the cookie
 * already names one, their profile is updated). The caller issues the cookie token; only the
 * hash of its secret reaches the database.
 */
export async function joinLiveSession(
  deps: LiveDeps,
  actor: Actor,
  input: unknown,
  secretHash: string,
): Promise<JoinResult> {
  authorize(actor, "liveSession.join");
  const data = parseInput(joinSchema, input);
  const { session, conference } = await findByJoinCode(deps, data.code);
  if (!conference.languages.includes(data.language)) {
    throw new DomainError("invalid", "live:error.languageNotOffered", { language: "common:validation.invalidValue" });
  }
  const profile = {
    displayName: data.displayName ?? null,
    group: data.group ?? null,
    district: data.district ?? null,
    language: data.language,
  };
  const returning = actor.kind === "participant" && actor.conferenceId === conference.id;
  const participantId = await deps.db.transaction(async (tx) => {
    if (returning) {
      await tx.update(participants).set(profile).where(eq(participants.id, actor.participantId));
      return actor.participantId;
    }
    const [row] = await tx
      .insert(participants)
      .values({ conferenceId: conference.id, secretHash, ...profile })
      .returning({ id: participants.id });
    return row!.id;
  });
  if (!returning) {
    const [joined] = await deps.db
      .select({ n: count() })
      .from(participants)
      .where(eq(participants.conferenceId, conference.id));
    deps.publish({ type: "participants.joined", liveSessionId: session.id, audience: "all", participantCount: joined!.n });
  }
  return { participantId, liveSessionId: session.id, conferenceId: conference.id, created: !returning };
}

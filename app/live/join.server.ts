import { eq } from "drizzle-orm";
import { liveSessions } from "../../db/schema";
import { actorIn, type Actor, type ParticipantActor } from "../auth/actor";
import { addParticipant, participantCount, updateParticipantProfile, type ParticipantProfile } from "../auth/participant-profiles.server";
import { authorize } from "../auth/permissions";
import { limitJoin, limitJoinCodeLookUp } from "../auth/rate-limit.server";
import { getConference } from "../conferences/conferences.server";
import { districtsOf } from "../conferences/districts";
import { DomainError, parseInput } from "../errors";
import type { LiveDeps } from "./events";
import { joinSchema } from "./schemas";

export type JoinResult = { participantId: string; liveSessionId: string; conferenceId: string; created: boolean };

const joinCodeSchema = joinSchema.pick({ code: true });

/** The live session a join code opens, or why it cannot be joined. */
async function findByJoinCode(deps: Pick<LiveDeps, "db">, code: string) {
  const [session] = await deps.db.select().from(liveSessions).where(eq(liveSessions.joinCode, code));
  if (!session) throw new DomainError("not_found", "live:error.unknownCode");
  if (session.status === "closed") throw new DomainError("conflict", "live:error.sessionClosed");
  const conference = (await getConference(deps.db, session.conferenceId))!;
  return { session, conference };
}

/**
 * Looking a code up (the code form, the short link) is open to anyone, and so is counted per
 * client address: each answer tells whether a code is live. A malformed code is refused before
 * it counts, since it cannot be a session's.
 */
export async function lookUpJoinCode(deps: Pick<LiveDeps, "db">, clientIp: string, input: unknown) {
  const { code } = parseInput(joinCodeSchema, input, "live:error.codeFormat");
  await limitJoinCodeLookUp(deps.db, clientIp);
  return findByJoinCode(deps, code);
}

/**
 * Joining needs no account: a participant of the conference is created (or, when the cookie
 * already holds an identity in this conference, `identities`, that profile is updated). The caller issues the cookie token; only the
 * hash of its secret reaches the database. Attempts are counted per client address (a room
 * shares one, hence a generous budget).
 */
export async function joinLiveSession(
  deps: LiveDeps,
  actor: Actor,
  input: unknown,
  { secretHash, clientIp, identities = [] }: { secretHash: string; clientIp: string; identities?: readonly ParticipantActor[] },
): Promise<JoinResult> {
  authorize(actor, "liveSession.join");
  const data = parseInput(joinSchema, input);
  await limitJoin(deps.db, clientIp);
  const { session, conference } = await findByJoinCode(deps, data.code);
  if (!conference.languages.includes(data.language)) {
    throw new DomainError("invalid", "live:error.languageNotOffered", { language: "common:validation.invalidValue" });
  }
  if (data.district && !districtsOf(conference).includes(data.district)) {
    throw new DomainError("invalid", "live:error.districtNotOffered", { district: "common:validation.invalidValue" });
  }
  const profile: ParticipantProfile = {
    displayName: data.displayName ?? null,
    group: data.group ?? null,
    district: data.district ?? null,
    language: data.language,
  };
  const me = actorIn({ actor, identities }, conference.id);
  const returning = me.kind === "participant" && me.conferenceId === conference.id;
  const participantId = await deps.db.transaction(async (tx) => {
    if (returning) {
      await updateParticipantProfile(tx, me.participantId, profile);
      return me.participantId;
    }
    return addParticipant(tx, { conferenceId: conference.id, secretHash, profile });
  });
  if (!returning) {
    const joined = await participantCount(deps.db, conference.id);
    deps.publish({ type: "participants.joined", liveSessionId: session.id, audience: "all", participantCount: joined });
  }
  return { participantId, liveSessionId: session.id, conferenceId: conference.id, created: !returning };
}

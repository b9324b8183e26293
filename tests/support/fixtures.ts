import { randomUUID } from "node:crypto";
import type { Db } from "../../db/client";
import { users } from "../../db/schema";
import type { ParticipantActor, StaffActor, StaffRole } from "../../app/auth/actor";
import { createConference } from "../../app/conferences/conferences.server";
import { DomainError } from "../../app/errors";
import type { LiveDeps, LiveEvent } from "../../app/live/events";
import { joinLiveSession } from "../../app/live/join.server";
import { addAgendaItems, createLiveSession, startLiveSession } from "../../app/live/setup.server";

/** A staff member straight in the table: these tests are about live sessions, not sign-in. */
export async function createStaff(db: Db, role: StaffRole): Promise<StaffActor> {
  const email = `${role}-${randomUUID()}@mitplan.test`;
  const [row] = await db
    .insert(users)
    .values({ email, displayName: `Test ${role}`, role, passwordHash: "not-a-login" })
    .returning({ id: users.id });
  return { kind: "staff", userId: row!.id, role, email, displayName: `Test ${role}` };
}

export function recordingDeps(db: Db): LiveDeps & { events: LiveEvent[] } {
  const events: LiveEvent[] = [];
  return { db, events, publish: (event) => void events.push(event) };
}

/**
 * A started session on the demo catalogue: the given measures, then an open question; `measureNote`
 * is the note (and its translations) each measure item carries.
 */
export async function startedSession(
  deps: LiveDeps,
  moderator: StaffActor,
  {
    measureCodes = ["540-2", "510-2"],
    dots = 5,
    clusterKeys = [] as string[],
    title = "Zukunftskonferenz Sieker",
    languages = ["de", "en", "ar"],
    measureNote = {} as { note?: string; noteTranslations?: Record<string, string> },
  } = {},
) {
  const conference = await createConference(deps.db, moderator, {
    planSlug: "ziele-und-massnahmen-2022-2023",
    kind: "future_conference",
    title,
    startsAt: "2026-12-01T17:00:00Z",
    place: "Stadtteilzentrum",
    district: "Sieker",
    languages,
  });
  const session = await createLiveSession(deps.db, moderator, {
    conferenceId: conference.id,
    title: "Priorisierung",
    dotsPerParticipant: dots,
  });
  const { ids } = await addAgendaItems(deps, moderator, {
    liveSessionId: session.id,
    entries: [
      ...measureCodes.map((measureCode) => ({ kind: "measure" as const, measureCode, ...measureNote })),
      ...clusterKeys.map((clusterKey) => ({ kind: "cluster" as const, clusterKey })),
      { kind: "question" as const, question: "Was fehlt?" },
    ],
  });
  const { joinCode } = await startLiveSession(deps, moderator, { liveSessionId: session.id });
  return { conferenceId: conference.id, liveSessionId: session.id, itemIds: ids, joinCode };
}

export async function joinAs(
  deps: LiveDeps,
  joinCode: string,
  language = "de",
  extra: Record<string, string> = {},
): Promise<ParticipantActor> {
  const result = await joinLiveSession(deps, { kind: "anonymous" }, { code: joinCode, language, ...extra }, {
    secretHash: "test-secret-hash",
    clientIp: "198.51.100.1",
  });
  return { kind: "participant", participantId: result.participantId, conferenceId: result.conferenceId, language };
}

/**
 * What a domain call that should be refused said: null when it went through, else its code,
 * its message key, or both ("invalid results:error.reasonRequired").
 */
export function refusal(promise: Promise<unknown>, part: "code" | "messageKey" | "both" = "both"): Promise<string | null> {
  return promise.then(
    () => null,
    (error: unknown) => {
      if (!(error instanceof DomainError)) return String(error);
      return part === "code" ? error.code : part === "messageKey" ? error.messageKey : `${error.code} ${error.messageKey}`;
    },
  );
}

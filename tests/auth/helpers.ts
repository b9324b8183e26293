import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { StaffRole } from "../../app/auth/actor";
import { issueParticipantToken, participantToken } from "../../app/auth/participants.server";
import { createSession } from "../../app/auth/sessions.server";
import { insertUser } from "../../app/auth/users.server";
import { DomainError } from "../../app/errors";
import type { Db } from "../../db/client";
import { conferences, participants, plans } from "../../db/schema";

export type TestUser = { id: string; email: string; password: string; role: StaffRole };

export async function makeUser(db: Db, role: StaffRole, password = "correct horse battery"): Promise<TestUser> {
  const email = `${role}-${randomUUID().slice(0, 8)}@mitplan.test`;
  const { user } = await insertUser(db, { email, displayName: `Test ${role}`, role, password });
  return { id: user.id, email, password, role };
}

/** A session cookie without going through sign-in (no argon2, no rate limit). */
export async function sessionCookie(db: Db, userId: string): Promise<string> {
  const { token } = await createSession(db, userId);
  return `mitplan_session=${token}`;
}

/** A participant of a fresh conference, with the cookie the join flow would set. */
export async function makeParticipant(db: Db): Promise<{ participantId: string; conferenceId: string; cookie: string }> {
  const [plan] = await db
    .insert(plans)
    .values({ slug: `auth-test-${randomUUID()}`, title: "Testplan" })
    .returning({ id: plans.id });
  const [conference] = await db
    .insert(conferences)
    .values({
      planId: plan!.id,
      kind: "workshop",
      title: "Testworkshop",
      startsAt: new Date(Date.now() + 86_400_000),
      languages: ["de", "en", "ar"],
    })
    .returning({ id: conferences.id });
  const { secret, secretHash } = issueParticipantToken();
  const [participant] = await db
    .insert(participants)
    .values({ conferenceId: conference!.id, secretHash, language: "ar" })
    .returning({ id: participants.id });
  return {
    participantId: participant!.id,
    conferenceId: conference!.id,
    cookie: `mitplan_participant=${participantToken(participant!.id, secret)}`,
  };
}

/** Replaces the last character of a token's secret: well-formed, but forged. */
export function tamper(cookie: string): string {
  const last = cookie.at(-1) === "a" ? "b" : "a";
  return cookie.slice(0, -1) + last;
}

export function requestWith(cookie: string | null, url = "http://localhost:3000/"): Request {
  return new Request(url, { headers: cookie ? { Cookie: cookie } : {} });
}

/** The DomainError a call that must be refused threw (the test fails if it went through). */
export async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

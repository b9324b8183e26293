import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changePassword, signIn, signOut, signOutEverywhere } from "../../app/auth/account.server";
import { anonymous, type StaffActor } from "../../app/auth/actor";
import { actorFrom } from "../../app/auth/actor.server";
import { sessionLifetimeMs, validateSessionToken } from "../../app/auth/sessions.server";
import { deactivateUser } from "../../app/auth/users.server";
import { authSessions } from "../../db/schema";
import { openTestDatabase, type TestDatabase } from "../support/database";
import { makeParticipant, makeUser, requestWith, tamper, type TestUser, refusal } from "./helpers";

let database: TestDatabase;
let user: TestUser;
let ipCounter = 0;
/** Each test signs in from its own address, so the rate limit of one never meets another. */
const ip = () => `192.0.2.${++ipCounter}`;

beforeAll(async () => {
  database = await openTestDatabase();
  user = await makeUser(database.db, "planner");
});
afterAll(() => database.close());

const signInAs = (email: string, password: string, from = ip()) =>
  signIn(database.db, anonymous, { email, password }, { ip: from });

async function actorOf(token: string): Promise<StaffActor> {
  const { actor } = await actorFrom(requestWith(`mitplan_session=${token}`), database.db);
  if (actor.kind !== "staff") throw new Error(`expected staff, got ${actor.kind}`);
  return actor;
}

async function stillValid(token: string): Promise<boolean> {
  return (await validateSessionToken(database.db, token, { renew: false })) !== null;
}

describe("signing in", () => {
  it("signs in with the right password, whatever the case of the e-mail", async () => {
    const { token, user: actor } = await signInAs(user.email.toUpperCase(), user.password);
    expect(token).toMatch(/^[a-z2-7]{24}\.[a-z2-7]{32}$/);
    expect(actor).toMatchObject({ kind: "staff", userId: user.id, role: "planner" });
    const [row] = await database.db.select().from(authSessions).where(eq(authSessions.id, token.split(".")[0]!));
    expect(row!.secretHash).not.toContain(token.split(".")[1]);
  });

  it("gives a wrong password and an unknown e-mail the same answer in similar time", async () => {
    const wrong = await refusal(signInAs(user.email, "not the password"));
    const unknown = await refusal(signInAs("nobody@mitplan.test", "not the password"));
    expect([wrong.code, wrong.messageKey]).toEqual(["unauthenticated", "auth:login.invalid"]);
    expect([unknown.code, unknown.messageKey]).toEqual([wrong.code, wrong.messageKey]);

    // Interleaved, so a load spike on this shared machine hits both sides alike.
    const unknownTimes: number[] = [];
    const wrongTimes: number[] = [];
    const timed = async (email: string, into: number[]) => {
      const started = performance.now();
      await signInAs(email, "not the password").catch(() => undefined);
      into.push(performance.now() - started);
    };
    for (let i = 0; i < 7; i++) {
      await timed("nobody@mitplan.test", unknownTimes);
      await timed(user.email, wrongTimes);
    }
    const median = (times: number[]) => times.sort((a, b) => a - b)[3]!;
    const ratio = median(unknownTimes) / median(wrongTimes);
    expect(ratio).toBeGreaterThan(0.3);
    expect(ratio).toBeLessThan(3);
  });

  it("refuses a deactivated account with the same answer, even with the right password", async () => {
    const admin = await makeUser(database.db, "admin");
    const leaving = await makeUser(database.db, "moderator");
    const { token } = await signInAs(leaving.email, leaving.password);
    await deactivateUser(database.db, await actorOf((await signInAs(admin.email, admin.password)).token), {
      userId: leaving.id,
    });
    expect(await stillValid(token)).toBe(false);
    const error = await refusal(signInAs(leaving.email, leaving.password));
    expect(error.messageKey).toBe("auth:login.invalid");
  });

  it("rate-limits failed attempts per address and account with a 429 code", async () => {
    const from = ip();
    for (let i = 0; i < 10; i++) await refusal(signInAs(user.email, `wrong ${i}`, from));
    const limited = await refusal(signInAs(user.email, user.password, from));
    expect(limited.code).toBe("rate_limited");
    expect(limited.messageKey).toBe("auth:error.rateLimited");
    expect(limited.values.count).toBeGreaterThanOrEqual(1);
    // Another address, or another account from the same address, is not affected.
    await expect(signInAs(user.email, user.password)).resolves.toBeTruthy();
    const other = await makeUser(database.db, "moderator");
    await expect(signInAs(other.email, other.password, from)).resolves.toBeTruthy();
  });

  it("forgives an account's failed attempts after a successful sign-in", async () => {
    const from = ip();
    for (let i = 0; i < 9; i++) await refusal(signInAs(user.email, `wrong ${i}`, from));
    await signInAs(user.email, user.password, from);
    for (let i = 0; i < 9; i++) await refusal(signInAs(user.email, `wrong ${i}`, from));
    await expect(signInAs(user.email, user.password, from)).resolves.toBeTruthy();
  });
});

describe("sessions", () => {
  async function setExpiry(token: string, expiresAt: Date) {
    await database.db.update(authSessions).set({ expiresAt }).where(eq(authSessions.id, token.split(".")[0]!));
  }

  it("expire, and an expired session is deleted", async () => {
    const { token } = await signInAs(user.email, user.password);
    await setExpiry(token, new Date(Date.now() - 1000));
    const { actor, setCookie } = await actorFrom(requestWith(`mitplan_session=${token}`), database.db);
    expect(actor).toEqual(anonymous);
    expect(setCookie).toEqual([expect.stringMatching(/^mitplan_session=; .*Max-Age=0/)]);
    const rows = await database.db.select().from(authSessions).where(eq(authSessions.id, token.split(".")[0]!));
    expect(rows).toHaveLength(0);
  });

  it("slide: a session used in the second half of its life is renewed for 30 days", async () => {
    const { token, expiresAt } = await signInAs(user.email, user.password);
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(sessionLifetimeMs - 60_000);

    await setExpiry(token, new Date(Date.now() + 20 * 86_400_000));
    const firstHalf = await actorFrom(requestWith(`mitplan_session=${token}`), database.db, { renew: true });
    expect(firstHalf.setCookie).toEqual([]);

    await setExpiry(token, new Date(Date.now() + 10 * 86_400_000));
    const withoutRenewal = await actorFrom(requestWith(`mitplan_session=${token}`), database.db);
    expect(withoutRenewal.setCookie).toEqual([]);
    const secondHalf = await actorFrom(requestWith(`mitplan_session=${token}`), database.db, { renew: true });
    expect(secondHalf.setCookie).toEqual([expect.stringMatching(new RegExp(`^mitplan_session=${token}; .*Max-Age=259\\d{4}`))]);
    const session = await validateSessionToken(database.db, token, { renew: false });
    expect(session!.expiresAt.getTime() - Date.now()).toBeGreaterThan(sessionLifetimeMs - 60_000);
  });

  it("end on sign-out; other sessions of the user stay", async () => {
    const first = await signInAs(user.email, user.password);
    const second = await signInAs(user.email, user.password);
    await signOut(database.db, await actorOf(first.token), { sessionId: first.token.split(".")[0]! });
    expect(await stillValid(first.token)).toBe(false);
    expect(await stillValid(second.token)).toBe(true);
  });

  it("all end on sign-out everywhere", async () => {
    const first = await signInAs(user.email, user.password);
    const second = await signInAs(user.email, user.password);
    await signOutEverywhere(database.db, await actorOf(first.token));
    expect(await stillValid(first.token)).toBe(false);
    expect(await stillValid(second.token)).toBe(false);
  });

  it("of other devices end on a password change; the one in use stays", async () => {
    const changer = await makeUser(database.db, "moderator");
    const here = await signInAs(changer.email, changer.password);
    const elsewhere = await signInAs(changer.email, changer.password);
    const actor = await actorOf(here.token);
    const context = { sessionId: here.token.split(".")[0]!, ip: ip() };

    const wrong = await refusal(
      changePassword(database.db, actor, { currentPassword: "not it", newPassword: "Ein neues langes Passwort" }, context),
    );
    expect(wrong.fields).toEqual({ currentPassword: "auth:account.currentWrong" });
    const common = await refusal(
      changePassword(database.db, actor, { currentPassword: changer.password, newPassword: "Passwort123!" }, context),
    );
    expect(common.fields).toEqual({ newPassword: "auth:password.common" });
    expect(await stillValid(elsewhere.token)).toBe(true);

    await changePassword(database.db, actor, { currentPassword: changer.password, newPassword: "Ein neues langes Passwort" }, context);
    expect(await stillValid(here.token)).toBe(true);
    expect(await stillValid(elsewhere.token)).toBe(false);
    await refusal(signInAs(changer.email, changer.password));
    await expect(signInAs(changer.email, "Ein neues langes Passwort")).resolves.toBeTruthy();
  });
});

describe("cookies", () => {
  it("treat a tampered session cookie as anonymous and clear it", async () => {
    const { token } = await signInAs(user.email, user.password);
    const { actor, setCookie } = await actorFrom(requestWith(tamper(`mitplan_session=${token}`)), database.db);
    expect(actor).toEqual(anonymous);
    expect(setCookie).toEqual([expect.stringMatching(/^mitplan_session=; Path=\/; HttpOnly; SameSite=Lax; Max-Age=0$/)]);
    expect(await stillValid(token)).toBe(true);
  });

  it("treat a foreign or malformed cookie as anonymous", async () => {
    const foreign = "mitplan_session=aaaaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    for (const cookie of [foreign, "mitplan_session=garbage", "mitplan_session=", "mitplan_participant=x.y"]) {
      const { actor, setCookie } = await actorFrom(requestWith(cookie), database.db);
      expect(actor, cookie).toEqual(anonymous);
      expect(setCookie, cookie).toHaveLength(1);
    }
  });

  it("resolve a participant, bound to their conference; a forged one is anonymous and cleared", async () => {
    const { participantId, conferenceId, cookie } = await makeParticipant(database.db);
    const found = await actorFrom(requestWith(cookie), database.db);
    const participant = { kind: "participant", participantId, conferenceId, language: "ar" };
    expect(found).toEqual({
      actor: participant,
      identities: [participant],
      sessionId: undefined,
      setCookie: [],
    });
    const forged = await actorFrom(requestWith(tamper(cookie)), database.db);
    expect(forged.actor).toEqual(anonymous);
    expect(forged.setCookie).toEqual([expect.stringMatching(/^mitplan_participant=; .*Max-Age=0/)]);
  });

  it("put the staff session before the participant token", async () => {
    const { cookie: participant } = await makeParticipant(database.db);
    const { token } = await signInAs(user.email, user.password);
    const both = await actorFrom(requestWith(`${participant}; mitplan_session=${token}`), database.db);
    expect(both.actor.kind).toBe("staff");
    const staleSession = await actorFrom(requestWith(`mitplan_session=${tamper(token)}; ${participant}`), database.db);
    expect(staleSession.actor.kind).toBe("participant");
    expect(staleSession.setCookie).toEqual([expect.stringMatching(/^mitplan_session=; /)]);
  });

  it("are Secure except on plain http localhost", async () => {
    const cookieFor = async (url: string) =>
      (await actorFrom(requestWith("mitplan_session=x", url), database.db)).setCookie[0]!;
    expect(await cookieFor("http://localhost:3000/")).not.toMatch(/Secure/);
    expect(await cookieFor("http://127.0.0.1:3000/")).not.toMatch(/Secure/);
    expect(await cookieFor("https://localhost/")).toMatch(/; Secure$/);
    expect(await cookieFor("http://mitplan.example/")).toMatch(/; Secure$/);
  });
});

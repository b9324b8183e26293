import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn } from "../../app/auth/account.server";
import { anonymous, type Actor } from "../../app/auth/actor";
import { validateSessionToken } from "../../app/auth/sessions.server";
import { changeRole, createUser, deactivateUser, listUsers, reactivateUser, resetPassword } from "../../app/auth/users.server";
import { demoAccounts, loadDemoData } from "../../app/demo/demo-data.server";
import { openTestDatabase, type TestDatabase } from "../support/database";
import { makeParticipant, makeUser, refusal } from "./helpers";

let database: TestDatabase;
let admin: Actor;
let adminId: string;
let planner: Actor;

beforeAll(async () => {
  database = await openTestDatabase();
  const adminUser = await makeUser(database.db, "admin");
  const plannerUser = await makeUser(database.db, "planner");
  adminId = adminUser.id;
  admin = { kind: "staff", userId: adminId, role: "admin", email: adminUser.email, displayName: "A" };
  planner = { kind: "staff", userId: plannerUser.id, role: "planner", email: plannerUser.email, displayName: "P" };
});
afterAll(() => database.close());

const signInWith = (email: string, password: string) =>
  signIn(database.db, anonymous, { email, password }, { ip: "198.51.100.7" });

describe("managing accounts", () => {
  it("is for admins only, checked in the domain function itself", async () => {
    const input = { email: "neu@mitplan.test", displayName: "Neu", role: "moderator" };
    expect((await refusal(createUser(database.db, planner, input))).code).toBe("forbidden");
    expect((await refusal(createUser(database.db, anonymous, input))).code).toBe("unauthenticated");
    const { participantId, conferenceId } = await makeParticipant(database.db);
    const participant: Actor = { kind: "participant", participantId, conferenceId, language: "de" };
    expect((await refusal(listUsers(database.db, participant))).code).toBe("forbidden");
    expect((await refusal(resetPassword(database.db, planner, { userId: adminId }))).code).toBe("forbidden");
  });

  it("creates an account with a generated password that works once shown", async () => {
    const { user, password } = await createUser(database.db, admin, {
      email: " Neue.Moderatorin@Mitplan.test ",
      displayName: "Neue Moderatorin",
      role: "moderator",
    });
    expect(user).toMatchObject({ email: "neue.moderatorin@mitplan.test", role: "moderator", active: true });
    expect(password).toMatch(/^[a-z2-7]{5}(-[a-z2-7]{5}){3}$/);
    await expect(signInWith(user.email, password!)).resolves.toBeTruthy();
    const again = await refusal(createUser(database.db, admin, { email: user.email, displayName: "X", role: "admin" }));
    expect([again.code, again.messageKey]).toEqual(["conflict", "auth:users.emailTaken"]);
    const invalid = await refusal(createUser(database.db, admin, { email: "kein-email", displayName: "", role: "boss" }));
    expect(Object.keys(invalid.fields).sort()).toEqual(["displayName", "email", "role"]);
  });

  it("changes a role", async () => {
    const target = await makeUser(database.db, "moderator");
    await changeRole(database.db, admin, { userId: target.id, role: "planner" });
    const { user } = await signInWith(target.email, target.password);
    expect(user.role).toBe("planner");
  });

  it("resets a password: the old one and every session end", async () => {
    const target = await makeUser(database.db, "planner");
    const { token } = await signInWith(target.email, target.password);
    const { email, password } = await resetPassword(database.db, admin, { userId: target.id });
    expect(email).toBe(target.email);
    expect(await validateSessionToken(database.db, token, { renew: false })).toBeNull();
    await refusal(signInWith(target.email, target.password));
    await expect(signInWith(target.email, password)).resolves.toBeTruthy();
  });

  it("deactivates an account and lets it sign in again once reactivated", async () => {
    const colleague = await makeUser(database.db, "moderator");
    await deactivateUser(database.db, admin, { userId: colleague.id });
    expect((await refusal(signInWith(colleague.email, colleague.password))).messageKey).toBe("auth:login.invalid");
    expect((await refusal(reactivateUser(database.db, planner, { userId: colleague.id }))).code).toBe("forbidden");

    await reactivateUser(database.db, admin, { userId: colleague.id });
    expect((await listUsers(database.db, admin)).find((u) => u.id === colleague.id)?.active).toBe(true);
    await expect(signInWith(colleague.email, colleague.password)).resolves.toBeTruthy();
  });

  it("does not let an admin demote, deactivate or reset themself", async () => {
    for (const attempt of [
      changeRole(database.db, admin, { userId: adminId, role: "moderator" }),
      deactivateUser(database.db, admin, { userId: adminId }),
      resetPassword(database.db, admin, { userId: adminId }),
      reactivateUser(database.db, admin, { userId: adminId }),
    ]) {
      expect((await refusal(attempt)).messageKey).toBe("auth:users.notYourself");
    }
  });

  it("refuses an unknown account", async () => {
    const missing = await refusal(deactivateUser(database.db, admin, { userId: "00000000-0000-4000-8000-000000000000" }));
    expect(missing.code).toBe("not_found");
    const unknown = await refusal(reactivateUser(database.db, admin, { userId: "00000000-0000-4000-8000-000000000000" }));
    expect(unknown.code).toBe("not_found");
    expect((await refusal(reactivateUser(database.db, admin, { userId: "not-an-id" }))).code).toBe("invalid");
  });
});

describe("demo accounts", () => {
  it("come with the demo data, one per role, once", async () => {
    await loadDemoData(database.db);
    await loadDemoData(database.db);
    const emails = (await listUsers(database.db, admin)).map((u) => u.email);
    for (const account of demoAccounts) {
      expect(emails.filter((e) => e === account.email)).toHaveLength(1);
      const { user } = await signInWith(account.email, account.password);
      expect(user.role).toBe(account.role);
    }
  });
});

import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";
import { users } from "../../db/schema";
import { openTestDatabase } from "../support/database";
import { postgresTestUrl } from "../support/urls";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mitplan-user-create-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** `npm run user:create -- …` without npm: the same tsx script, on a PGlite folder of its own. */
async function userCreate(...args: string[]) {
  return userCreateOn({ DATA_DIR: dataDir, DATABASE_URL: "" }, ...args);
}

async function userCreateOn(database: { DATA_DIR?: string; DATABASE_URL: string }, ...args: string[]) {
  const env = { ...process.env, ...database, TEST_DATABASE_URL: "" };
  try {
    const { stdout, stderr } = await run(path.join(root, "node_modules/.bin/tsx"), ["app/auth/create-user.ts", ...args], { cwd: root, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("npm run user:create", { timeout: 60_000 }, () => {
  it("creates the first admin and prints a generated password once", async () => {
    const created = await userCreate("--role", "admin", "--email", "Erste@Mitplan.example", "--name", "Erste Admin");
    expect(created.code).toBe(0);
    expect(created.stdout).toContain("Created admin account erste@mitplan.example (Erste Admin).");
    expect(created.stdout).toMatch(/Password \(shown only now\): [a-z2-7]{5}(-[a-z2-7]{5}){3}\n/);

    const again = await userCreate("--role", "planner", "--email", "erste@mitplan.example", "--password", "ein langes gutes Passwort");
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("There is already an account for this e-mail address.");
  });

  it("refuses a common password and an unknown role, and explains its usage", async () => {
    const common = await userCreate("--role", "planner", "--email", "p@mitplan.example", "--password", "passwort123");
    expect(common.code).toBe(1);
    expect(common.stderr).toContain("This password is very common");
    expect(common.stdout).not.toContain("passwort123");
    expect((await userCreate("--role", "boss", "--email", "b@mitplan.example")).code).toBe(1);
    const usage = await userCreate("--email", "x@mitplan.example");
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("usage: npm run user:create");
  });

  it("fails with the lock message while the server holds the folder", async () => {
    const held = await openDatabase({ dataDir });
    try {
      const locked = await userCreate("--role", "admin", "--email", "zweite@mitplan.example");
      expect(locked.code).toBe(1);
      expect(locked.stderr).toContain(`is in use by process ${process.pid}`);
    } finally {
      await held.close();
    }
  });

  it.runIf(postgresTestUrl())("works on PostgreSQL through DATABASE_URL", async () => {
    const database = await openTestDatabase();
    try {
      const created = await userCreateOn({ DATABASE_URL: database.url! }, "--role", "moderator", "--email", "pg@mitplan.example");
      expect(created.code).toBe(0);
      const rows = await database.db.select({ email: users.email }).from(users);
      expect(rows).toEqual([{ email: "pg@mitplan.example" }]);
    } finally {
      await database.close();
    }
  });
});

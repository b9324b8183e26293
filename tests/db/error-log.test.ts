import { inspect } from "node:util";
import type { AppLoadContext } from "@remix-run/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { handleError } from "../../app/entry.server";
import { users } from "../../db/schema";
import { refusalOf } from "../../realtime/ack";
import { openTestDatabase, type TestDatabase } from "../support/database";

/** Issue 9, point 18: failed statements reached the log with argon2 and token hashes. */
describe("the log of a failed SQL statement", () => {
  let database: TestDatabase;
  const secretHash = "$argon2id$v=19$m=19456,t=2,p=1$c2VjcmV0LXNhbHQ$dGhpcy1pcy1hLXNlY3JldA";
  const email = "leak-check@mitplan.test";
  let failure: unknown;

  beforeAll(async () => {
    database = await openTestDatabase();
    await database.db.insert(users).values({ email, displayName: "First", role: "planner", passwordHash: "first" });
    failure = await database.db
      .insert(users)
      .values({ email, displayName: "Second", role: "planner", passwordHash: secretHash })
      .then(() => null, (error: unknown) => error);
  });
  afterAll(() => database.close());
  afterEach(() => vi.restoreAllMocks());

  function logged(write: () => void): string {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    write();
    // As console.error prints them: an object with its cause and own fields.
    return spy.mock.calls.map((call) => call.map((part) => (typeof part === "string" ? part : inspect(part, { depth: 5 }))).join(" ")).join("\n");
  }

  it("names the SQLSTATE code and message, never the parameters, from a socket command", () => {
    expect(failure).toBeTruthy();
    const line = logged(() => refusalOf(failure));
    expect(line).toContain("23505");
    expect(line).toContain("duplicate key value");
    expect(line).not.toContain(secretHash);
    expect(line).not.toContain(email);
  });

  it("does the same for a loader or action of a page", () => {
    const request = new Request("http://localhost/admin/users", { method: "POST" });
    const line = logged(() => handleError(failure, { request, params: {}, context: {} as AppLoadContext }));
    expect(line).toContain("POST /admin/users failed: database error 23505");
    expect(line).not.toContain(secretHash);
    expect(line).not.toContain(email);
  });
});

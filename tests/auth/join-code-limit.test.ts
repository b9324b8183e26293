import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { limitJoinCodeLookUp } from "../../app/auth/rate-limit.server";
import { joinLiveSession, lookUpJoinCode } from "../../app/live/join.server";
import { participants, rateLimits } from "../../db/schema";
import { createStaff, recordingDeps, startedSession } from "../support/fixtures";
import { get } from "../support/http";
import { refusal } from "./helpers";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let joinCode: string;
let ipCounter = 0;
const ip = () => `198.51.100.${++ipCounter}`;

beforeAll(async () => {
  server = await startTestServer();
  const deps = recordingDeps(server.database.db);
  ({ joinCode } = await startedSession(deps, await createStaff(server.database.db, "moderator")));
});
afterAll(() => server.close());

const lookUp = (from: string, code: string) => lookUpJoinCode({ db: server.database.db }, from, { code });

/** What the counters hold for one address, by limiter. */
async function countersOf(from: string) {
  const rows = await server.database.db.select().from(rateLimits).where(like(rateLimits.key, `%:${from}`));
  return Object.fromEntries(rows.map((row) => [row.key.slice(0, row.key.lastIndexOf(":")), row.points]));
}

describe("looking up a join code", () => {
  it("allows 1,800 look-ups per address in ten minutes, then refuses with the minutes and seconds to wait", async () => {
    const from = ip();
    for (let i = 0; i < 1799; i++) await limitJoinCodeLookUp(server.database.db, from);
    await expect(lookUp(from, joinCode)).resolves.toMatchObject({ session: { joinCode } });

    const limited = await refusal(lookUp(from, joinCode));
    expect(limited.code).toBe("rate_limited");
    expect(limited.messageKey).toBe("live:error.tooManyCodes");
    expect(limited.values.count).toBeGreaterThanOrEqual(9);
    expect(limited.values.count).toBeLessThanOrEqual(10);
    expect(limited.retryAfterSeconds).toBeGreaterThan(500);
    expect(limited.retryAfterSeconds).toBeLessThanOrEqual(600);
    // Another address, such as the next school's, is not affected.
    await expect(lookUp(ip(), joinCode)).resolves.toMatchObject({ session: { joinCode } });
  });

  it("counts unknown codes like known ones, and caps an address at 20,000 a day", async () => {
    const from = ip();
    expect((await refusal(lookUp(from, "ZZZZZZ"))).messageKey).toBe("live:error.unknownCode");
    expect(await countersOf(from)).toEqual({ join_code_ip: 1, join_code_ip_day: 1 });

    // As if the address had tried 20,000 codes earlier today, slowly enough for the ten-minute limit.
    await server.database.db
      .update(rateLimits)
      .set({ points: 20_000 })
      .where(eq(rateLimits.key, `join_code_ip_day:${from}`));
    const limited = await refusal(lookUp(from, joinCode));
    expect(limited.code).toBe("rate_limited");
    expect(limited.retryAfterSeconds).toBeGreaterThan(23 * 3600);
  });

  it("refuses a malformed code with a clear message before it counts", async () => {
    const from = ip();
    for (const code of ["", "K7M", "K7MPQ2X", "K7M PQ", "K7M-Q2"]) {
      const error = await refusal(lookUp(from, code));
      expect(error.code, code).toBe("invalid");
      expect(error.messageKey).toBe("live:error.codeFormat");
    }
    expect(await countersOf(from)).toEqual({});
    // The code is read as typed on a phone: spaces around it and small letters are fine.
    await expect(lookUp(from, ` ${joinCode.toLowerCase()} `)).resolves.toMatchObject({ session: { joinCode } });
  });
});

describe("joining", () => {
  it("counts joins per address in the domain function: beyond 600 in ten minutes nobody is added", async () => {
    const from = ip();
    const deps = recordingDeps(server.database.db);
    const join = () =>
      joinLiveSession(deps, { kind: "anonymous" }, { code: joinCode, language: "de" }, { secretHash: "hash", clientIp: from });
    await join();
    expect(await countersOf(from)).toEqual({ join_ip: 1 });

    await server.database.db.update(rateLimits).set({ points: 600 }).where(eq(rateLimits.key, `join_ip:${from}`));
    const before = (await server.database.db.select().from(participants)).length;
    expect((await refusal(join())).code).toBe("rate_limited");
    expect((await server.database.db.select().from(participants)).length).toBe(before);
  });
});

describe("a limited look-up over HTTP", () => {
  it("answers 429 with Retry-After and says why in the reader's language, on the code form and the short link", async () => {
    await get(server.url, "/join?code=ZZZZZZ");
    const counters = await server.database.db.select().from(rateLimits).where(like(rateLimits.key, "join_code_ip:%"));
    const loopback = counters.find((counter) => !counter.key.includes("198.51.100."))!;
    // Whatever loopback address the test's requests come from, it has now used the whole budget.
    await server.database.db.update(rateLimits).set({ points: 1800 }).where(eq(rateLimits.key, loopback.key));

    const german = await get(server.url, `/join?code=${joinCode}`);
    expect(german.status).toBe(429);
    expect(Number(german.response.headers.get("retry-after"))).toBeGreaterThan(500);
    expect(german.text).toMatch(/Aus diesem Netz wurden zu viele Codes ausprobiert\. Bitte warten Sie (9|10) Minuten/);

    const english = await get(server.url, `/j/${joinCode}`, "", { "accept-language": "en" });
    expect(english.status).toBe(429);
    expect(english.response.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(english.text).toMatch(/Too many codes were tried from this network\. Please wait (9|10) minutes/);

    const arabic = await get(server.url, `/j/${joinCode}?lng=ar`);
    expect(arabic.status).toBe(429);
    expect(arabic.text).toContain("تمت تجربة رموز كثيرة جدًا من هذه الشبكة");
  });
});

import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../../app/auth/actor";
import { closeLiveSession } from "../../app/results/close.server";
import { sessionResults, type ItemResults } from "../../app/results/aggregate.server";
import type { Breakdown } from "../../app/results/breakdowns.server";
import { votes } from "../../db/schema";
import { openTestDatabase, type TestDatabase } from "../support/database";
import { createStaff, recordingDeps, refusal } from "../support/fixtures";
import { handMadeConference, importTestPlan } from "../support/results-fixtures";

let database: TestDatabase;
let moderator: StaffActor;
let conference: Awaited<ReturnType<typeof handMadeConference>>;

beforeAll(async () => {
  database = await openTestDatabase();
  const deps = recordingDeps(database.db);
  await importTestPlan(deps);
  moderator = await createStaff(database.db, "moderator");
  conference = await handMadeConference(deps, moderator);
});
afterAll(() => database.close());


const cells = (item: ItemResults, kind: Breakdown["kind"], dimension: Breakdown["dimension"], criterion: string | null = null) =>
  item.breakdowns.find((b) => b.kind === kind && b.dimension === dimension && b.criterion === criterion)!.cells;

function expectHandCheckedFigures(items: ItemResults[]) {
  const [w1, b1, wohnen, question] = items as [ItemResults, ItemResults, ItemResults, ItemResults];
  // Twelve participants voted on W-1 (p12's dot was taken back, but he voted); one of three comments is hidden.
  expect(w1.result.voterCount).toBe(12);
  expect(w1.result.commentCount).toBe(2);
  // Dots: 3+2+1+3+1+2+1+1+2+3+1 = 20 online + 4 on paper = 24; B-1 has 2+3+1 = 6; 24 / (24 + 6) = 0.8.
  expect(w1.result.dots).toEqual({ total: 24, paper: 4, share: 0.8 });
  expect(b1.result.dots).toEqual({ total: 6, paper: 0, share: 0.2 });

  // Scale: 1 2 3 5 6 7 7 8 8 9 10 online (p8's latest is 7) plus 9 on paper with weight 2: 13 answers,
  // sum 84, mean 84/13 = 6.46, median the 7th of 13 = 7, at least 7: 8 of 13 = 0.62.
  expect(w1.result.scale).toEqual({
    count: 13,
    mean: 6.46,
    median: 7,
    shareAtLeast7: 0.62,
    distribution: { 1: 1, 2: 1, 3: 1, 5: 1, 6: 1, 7: 2, 8: 2, 9: 3, 10: 1 },
  });
  // σ = √(Σ n·(v − 84/13)² / 13) = √(101.23 / 13) = 2.79; σmax on 1–10 = 4.5; 1 − 2.79/4.5 = 0.38.
  expect(w1.consensus.scale).toEqual({ value: 0.38, level: "divided" });

  // Urgency: 1 2 3 4 4 4 5 5 5 5 5 (p5's latest is 5): mean 43/11 = 3.91, median 4;
  // σ = √(18.91 / 11) = 1.31, σmax on 1–5 = 2, 1 − 1.31/2 = 0.34.
  const [urgency, impact] = [w1.result.rating!.find((r) => r.criterion === "urgency")!, w1.result.rating!.find((r) => r.criterion === "impact")!];
  expect(urgency.summary).toEqual({ count: 11, mean: 3.91, median: 4, distribution: { 1: 1, 2: 1, 3: 1, 4: 3, 5: 5 } });
  // Impact: 3 3 4 3 3: mean 3.2, median 3, σ = 0.4, 1 − 0.4/2 = 0.8.
  expect(impact.summary).toEqual({ count: 5, mean: 3.2, median: 3, distribution: { 3: 4, 4: 1 } });
  expect(w1.consensus.rating).toEqual([
    { criterion: "urgency", consensus: { value: 0.34, level: "divided" } },
    { criterion: "impact", consensus: { value: 0.8, level: "agreement" } },
  ]);

  // Borda over W-1, W-2, W-3 (2, 1, 0 points): p1 W-2 W-1 W-3, p2 W-2 W-3 W-1, p3 (latest) W-3 W-2 W-1,
  // p4 W-2 W-1 W-3. W-2: 2+2+1+2 = 7 (3 firsts), W-3: 0+1+2+0 = 3 (1), W-1: 1+0+0+1 = 2 (0).
  expect(wohnen.result.ranking!.map(({ code, points, firstPlaces }) => [code, points, firstPlaces])).toEqual([
    ["W-2", 7, 3],
    ["W-3", 3, 1],
    ["W-1", 2, 0],
  ]);
  expect(question.result).toMatchObject({ voterCount: 0, dots: null, rating: null, scale: null, ranking: null });

  // Minimum 5. Dots by group: citizen p1–p6 = 3+2+1+3+1+2 = 12; youth (3) and migrant
  // organisations (2) are too small; p12 has no dots left, so no "not stated" cell.
  expect(cells(w1, "dots", "group")).toEqual([
    { key: "citizen", suppressed: false, participants: 6, value: 12, shareAtLeast7: null },
    { suppressed: true },
  ]);
  // By language only "en" (p5) is too small; alone it could be recovered as total − de − ar, so
  // the smaller of the rest is suppressed too: ar and de both have 5, ar comes first by name.
  expect(cells(w1, "dots", "language")).toEqual([
    { key: "de", suppressed: false, participants: 5, value: 3 + 2 + 1 + 3 + 1, shareAtLeast7: null },
    { suppressed: true },
  ]);
  // Scale by district: Mitte p1 p2 p3 p7 p8 answered 8 9 7 2 7: mean 6.6, at least 7: 4/5.
  expect(cells(w1, "scale", "district")).toEqual([
    { key: "Mitte", suppressed: false, participants: 5, value: 6.6, shareAtLeast7: 0.8 },
    { suppressed: true },
  ]);
  // Urgency by group: citizens 5 4 5 4 5 3: mean 26/6 = 4.33.
  expect(cells(w1, "rating", "group", "urgency")[0]).toEqual({
    key: "citizen",
    suppressed: false,
    participants: 6,
    value: 4.33,
    shareAtLeast7: null,
  });
  // Impact: only p1–p5 answered; by language de (4) and en (1) are both too small.
  expect(cells(w1, "rating", "language", "impact")).toEqual([
    { suppressed: true },
  ]);
}

describe("results of a live session", () => {
  it("computes every figure of a running session from the votes", async () => {
    const results = await sessionResults(database.db, moderator, { liveSessionId: conference.liveSessionId });
    expect(results.liveSession.status).toBe("live");
    expect(results.minGroupSize).toBe(5);
    expect(results.items.every((i) => i.frozenAt === null)).toBe(true);
    expectHandCheckedFigures(results.items);
  });

  it("shows smaller groups when the minimum is lowered", async () => {
    const results = await sessionResults(database.db, moderator, { liveSessionId: conference.liveSessionId }, { minGroupSize: 2 });
    // Youth p7 p8 p9 placed 1 + 1 + 2 dots; migrant organisations p10 p11 3 + 1.
    expect(cells(results.items[0]!, "dots", "group")).toEqual([
      { key: "citizen", suppressed: false, participants: 6, value: 12, shareAtLeast7: null },
      { key: "migrant_organisation", suppressed: false, participants: 2, value: 4, shareAtLeast7: null },
      { key: "youth", suppressed: false, participants: 3, value: 4, shareAtLeast7: null },
    ]);
  });

  it("shows a running session's results to its conference's team only, and refuses a malformed id", async () => {
    const input = { liveSessionId: conference.liveSessionId };
    expect(await refusal(sessionResults(database.db, conference.participants[0]!, input))).toBe("forbidden common:error.forbiddenText");
    expect(await refusal(sessionResults(database.db, { kind: "anonymous" }, input))).toBe("unauthenticated common:error.forbiddenText");
    // Staff of another team are refused like the public (docs/decisions/015); an admin is not.
    const stranger = await createStaff(database.db, "planner");
    expect(await refusal(sessionResults(database.db, stranger, input))).toBe("forbidden conferences:team.notOnTeam");
    const admin = await createStaff(database.db, "admin");
    expect((await sessionResults(database.db, admin, input)).items).toHaveLength(4);
    expect(await refusal(sessionResults(database.db, moderator, { liveSessionId: "nope" }))).toBe("invalid common:validation.invalid");
    expect(await refusal(sessionResults(database.db, moderator, { liveSessionId: randomUUID() }))).toBe("not_found common:error.notFoundText");
  });

  it("reads a closed session's results from the frozen snapshot", async () => {
    await closeLiveSession(recordingDeps(database.db), moderator, { liveSessionId: conference.liveSessionId });
    // A row written behind the domain's back after closing does not move the frozen figures.
    await database.db.insert(votes).values({
      clientId: `late-${randomUUID()}`,
      liveSessionId: conference.liveSessionId,
      agendaItemId: conference.items.b1,
      participantId: conference.participants[11]!.participantId,
      kind: "dots",
      value: 3,
    });
    const results = await sessionResults(database.db, moderator, { liveSessionId: conference.liveSessionId });
    expect(results.liveSession.status).toBe("closed");
    expect(results.items.every((i) => i.frozenAt !== null)).toBe(true);
    expectHandCheckedFigures(results.items);
  });

  it("shows a closed session's results to everybody: they are public now", async () => {
    const input = { liveSessionId: conference.liveSessionId };
    const team = await sessionResults(database.db, moderator, input);
    for (const actor of [{ kind: "anonymous" } as const, conference.participants[0]!, await createStaff(database.db, "moderator")]) {
      expect(await sessionResults(database.db, actor, input)).toEqual(team);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ParticipantActor, StaffActor } from "../../app/auth/actor";
import type { DomainError } from "../../app/errors";
import { updateActivities } from "../../app/live/setup.server";
import { closeLiveSession } from "../../app/results/close.server";
import { setPhase } from "../../app/live/steer.server";
import { planResults, type MeasureStanding } from "../../app/results/plan.server";
import { openTestDatabase, type TestDatabase } from "../support/database";
import { createStaff, joinAs, recordingDeps } from "../support/fixtures";
import { handMadeConference, importTestPlan, testPlanSlug, testSession, voter } from "../support/results-fixtures";

let database: TestDatabase;
let planner: StaffActor;
let participant: ParticipantActor;
let moderator: StaffActor;
const sessionIds: string[] = [];

/**
 * The hand-made conference (tests/support/results-fixtures.ts) plus a second one: six people in
 * Sieker (r1–r5 citizens, r6 youth, all German) put dots on W-2 (3 3 3 2 3 1 = 15) and on W-1
 * (r1 2, r2 2, r4 1 = 5), and r1–r3 answer the scale on W-2 with 7 8 9.
 */
beforeAll(async () => {
  database = await openTestDatabase();
  const deps = recordingDeps(database.db);
  await importTestPlan(deps);
  moderator = await createStaff(database.db, "moderator");
  planner = await createStaff(database.db, "planner");
  const first = await handMadeConference(deps, moderator);
  participant = first.participants[0]!;
  const second = await testSession(deps, moderator, "Stadtteilgespräch Sieker", [
    { kind: "measure", measureCode: "W-2" },
    { kind: "measure", measureCode: "W-1" },
  ]);
  const [w2, w1] = second.itemIds as [string, string];
  sessionIds.push(first.liveSessionId, second.liveSessionId);
  await updateActivities(deps, moderator, {
    agendaItemId: w2,
    activities: { comments: true, dots: { maxPerItem: 3 }, rating: null, scale: { min: 1, max: 10, label: null }, ranking: false },
  });
  for (const id of [w2, w1]) await setPhase(deps, moderator, { agendaItemId: id, phase: "prioritise" });
  const r: ParticipantActor[] = [];
  for (const group of ["citizen", "citizen", "citizen", "citizen", "citizen", "youth"]) {
    r.push(await joinAs(deps, second.joinCode, "de", { group, district: "Stieghorst" }));
  }
  const vote = voter(deps);
  for (const [i, n] of [[0, 3], [1, 3], [2, 3], [3, 2], [4, 3], [5, 1]] as const) await vote.dots(r[i]!, w2, n);
  for (const [i, n] of [[0, 2], [1, 2], [3, 1]] as const) await vote.dots(r[i]!, w1, n);
  for (const [i, n] of [[0, 7], [1, 8], [2, 9]] as const) await vote.scale(r[i]!, w2, n);
});
afterAll(() => database.close());

const byCode = (list: MeasureStanding[], code: string) => list.find((s) => s.measure.code === code)!;

describe("results across the conferences of a plan", () => {
  it("ranks the measures by dots, then Borda points", async () => {
    const results = await planResults(database.db, planner, { planSlug: testPlanSlug });
    // Dots: W-1 24 + 5 = 29, W-2 15, B-1 6, W-3 0; 50 in all.
    // Twelve people joined the first conference, six the second.
    expect(results.totals).toEqual({ dots: 50, participants: 18 });
    expect(results.measures.map((s) => [s.rank, s.measure.code, s.dots.total, s.dots.share])).toEqual([
      [1, "W-1", 29, 0.58],
      [2, "W-2", 15, 0.3],
      [3, "B-1", 6, 0.12],
      [4, "W-3", 0, 0],
    ]);
    const w1 = byCode(results.measures, "W-1");
    // p1–p12 voted on it in the first conference (p12 took his dot back, but voted), r1, r2, r4 in the second.
    expect(w1).toMatchObject({ agendaItems: 2, participants: 15, comments: 2, dots: { paper: 4 } });
    expect(w1.ranking).toEqual({ points: 2, firstPlaces: 0, ballots: 4 });
    // The scale and the ratings of W-1 were only asked in the first conference: the same figures.
    expect(w1.scale).toMatchObject({ count: 13, mean: 6.46, median: 7, shareAtLeast7: 0.62, consensus: { value: 0.38 } });
    expect(w1.rating.map((r) => [r.criterion, r.max, r.summary.mean, r.summary.median, r.consensus?.value])).toEqual([
      ["impact", 5, 3.2, 3, 0.8],
      ["urgency", 5, 3.91, 4, 0.34],
    ]);
    // W-2: 7 8 9: mean 8, median 8, σ = √(2/3) = 0.82, 1 − 0.82/4.5 = 0.82.
    const w2 = byCode(results.measures, "W-2");
    expect(w2).toMatchObject({ participants: 6, agendaItems: 1, ranking: { points: 7, firstPlaces: 3, ballots: 4 } });
    expect(w2.scale).toMatchObject({ count: 3, mean: 8, median: 8, shareAtLeast7: 1, consensus: { value: 0.82, level: "agreement" } });
    expect(byCode(results.measures, "W-3")).toMatchObject({ participants: 0, agendaItems: 0, scale: null, ranking: { points: 3, firstPlaces: 1 } });
    expect(byCode(results.measures, "B-1")).toMatchObject({ participants: 3, comments: 1, rating: [], scale: null, ranking: null });
  });

  it("ranks the clusters", async () => {
    const results = await planResults(database.db, planner, { planSlug: testPlanSlug });
    // Wohnen: 29 + 15 = 44 dots of 50; four agenda items (W-1 twice, W-2, the cluster itself);
    // the scale of W-1 and W-2 together: 16 answers,
    // sum 84 + 24 = 108, mean 6.75, median (7 + 8) / 2 = 7.5, at least 7: 11/16 = 0.69,
    // σ = √(109 / 16) = 2.61, 1 − 2.61/4.5 = 0.42.
    expect(results.clusters.map((c) => [c.rank, c.cluster.key, c.measures, c.agendaItems, c.comments, c.dots])).toEqual([
      [1, "wohnen", 3, 4, 2, { total: 44, share: 0.88 }],
      [2, "bildung", 1, 1, 1, { total: 6, share: 0.12 }],
    ]);
    expect(results.clusters[0]!.scale).toMatchObject({ count: 16, mean: 6.75, median: 7.5, shareAtLeast7: 0.69, consensus: { value: 0.42, level: "mixed" } });
  });

  it("breaks the standings down by group with small groups suppressed", async () => {
    const results = await planResults(database.db, planner, { planSlug: testPlanSlug, breakdownBy: "group" });
    const w1 = byCode(results.measures, "W-1");
    expect(w1.breakdowns.map((b) => b.dimension)).toEqual(w1.breakdowns.map(() => "group"));
    // Citizens: p1–p6 with 12 dots and r1 r2 r4 with 5; youth p7–p9 and migrant organisations p10 p11 are too small.
    expect(w1.breakdowns.find((b) => b.kind === "dots")!.cells).toEqual([
      { key: "citizen", suppressed: false, participants: 9, value: 17, shareAtLeast7: null },
      { suppressed: true },
    ]);
  });

  it("adds up the frozen snapshots of closed sessions to the same figures", async () => {
    const read = () => planResults(database.db, planner, { planSlug: testPlanSlug, breakdownBy: "language" });
    const counted = await read();
    // One session closed and one still running, then both closed.
    for (const liveSessionId of sessionIds) {
      await closeLiveSession(recordingDeps(database.db), moderator, { liveSessionId });
      expect(await read()).toEqual(counted);
    }
  });

  it("refuses participants and unknown plans", async () => {
    const code = (p: Promise<unknown>) => p.then(() => null, (e: DomainError) => e.code);
    expect(await code(planResults(database.db, participant, { planSlug: testPlanSlug }))).toBe("forbidden");
    expect(await code(planResults(database.db, planner, { planSlug: "no-such-plan" }))).toBe("not_found");
    expect(await code(planResults(database.db, planner, { planSlug: testPlanSlug, breakdownBy: "age" }))).toBe("invalid");
  });
});

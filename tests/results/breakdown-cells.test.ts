import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ParticipantActor, StaffActor } from "../../app/auth/actor";
import { addAgendaItems, createLiveSession, startLiveSession, updateActivities } from "../../app/live/setup.server";
import { closeLiveSession } from "../../app/results/close.server";
import { setPhase } from "../../app/live/steer.server";
import { sessionResults } from "../../app/results/aggregate.server";
import { dimensions, loadBreakdowns, type Breakdown } from "../../app/results/breakdowns.server";
import { planResults } from "../../app/results/plan.server";
import { eq, sql } from "drizzle-orm";
import { conferences } from "../../db/schema";
import { countedBreakdowns } from "../support/breakdown-count";
import { openTestDatabase, type TestDatabase } from "../support/database";
import { createStaff, joinAs, recordingDeps } from "../support/fixtures";
import { handMadeConference, importTestPlan, testPlanSlug, voter } from "../support/results-fixtures";

/**
 * Breakdowns read from the trigger-kept cells (decision 038) must be exactly the breakdowns
 * counted from the votes, suppression included. The hand-made conference, plus a second session
 * of the same conference that has W-1 again: p1–p6 (citizens) put dots on it and p1–p3 answer
 * its scale a second time, so per measure the same people are in a cell twice.
 */
let database: TestDatabase;
let moderator: StaffActor;
let sessions: string[];
let itemIds: string[];
let first: Awaited<ReturnType<typeof handMadeConference>>;

beforeAll(async () => {
  database = await openTestDatabase();
  const deps = recordingDeps(database.db);
  await importTestPlan(deps);
  moderator = await createStaff(database.db, "moderator");
  first = await handMadeConference(deps, moderator);
  const second = await createLiveSession(deps.db, moderator, { conferenceId: first.conferenceId, title: "Zweite Runde", dotsPerParticipant: 5 });
  const { ids } = await addAgendaItems(deps, moderator, { liveSessionId: second.id, entries: [{ kind: "measure", measureCode: "W-1" }] });
  const again = ids[0]!;
  await startLiveSession(deps, moderator, { liveSessionId: second.id });
  await updateActivities(deps, moderator, {
    agendaItemId: again,
    activities: { comments: true, dots: { maxPerItem: 3 }, rating: null, scale: { min: 1, max: 10, label: null }, ranking: false },
  });
  await setPhase(deps, moderator, { agendaItemId: again, phase: "prioritise" });
  const vote = voter(deps);
  const p = first.participants as ParticipantActor[];
  for (const who of p.slice(0, 6)) await vote.dots(who, again, 1);
  for (const [i, n] of [[0, 9], [1, 3], [2, 7]] as const) await vote.scale(p[i]!, again, n);
  sessions = [first.liveSessionId, second.id];
  itemIds = [...first.itemIds, again];
});
afterAll(() => database.close());

/** Pages list items and standings in their own order; each one's breakdowns in loadBreakdowns' order. */
const bySubject = (list: Breakdown[]) => [...list].sort((a, b) => (a.subjectId < b.subjectId ? -1 : a.subjectId > b.subjectId ? 1 : 0));
const suppressedSomewhere = (list: Breakdown[]) => list.some((b) => b.cells.some((c) => c.suppressed));

async function expectCellsEqualCounting() {
  for (const minimum of [5, 2]) {
    const perItem = (await Promise.all(sessions.map((liveSessionId) => sessionResults(database.db, moderator, { liveSessionId }, { minGroupSize: minimum }))))
      .flatMap((s) => s.items.flatMap((i) => i.breakdowns));
    const countedPerItem = await countedBreakdowns(database.db, "agendaItem", minimum, itemIds);
    expect(bySubject(perItem)).toEqual(countedPerItem);
    const perMeasure = await loadBreakdowns(database.db, { items: (c) => sql`${c} = any(${sql.param(itemIds)}::uuid[])`, by: "measure", minGroupSize: minimum });
    expect(perMeasure).toEqual(await countedBreakdowns(database.db, "measure", minimum, itemIds));
    if (minimum === 5) {
      // The comparison covers suppression, not only shown cells.
      expect(suppressedSomewhere(perItem)).toBe(true);
      expect(suppressedSomewhere(perMeasure)).toBe(true);
    }
  }
}

describe("breakdown cells", () => {
  it("give every breakdown that counting the votes gives, per item and per measure, small cells suppressed alike", async () => {
    await expectCellsEqualCounting();
  });

  it("count a person once per measure cell when their conference had the measure twice", async () => {
    const plan = await planResults(database.db, moderator, { planSlug: testPlanSlug, breakdownBy: "group" }, { minGroupSize: 2 });
    const w1 = plan.measures.find((m) => m.measure.code === "W-1")!;
    const dots = w1.breakdowns.find((b) => b.kind === "dots")!;
    // p1–p6 hold dots on both W-1 items: six people, 12 + 6 = 18 dots.
    expect(dots.cells.find((c) => !c.suppressed && c.key === "citizen")).toEqual({
      key: "citizen", suppressed: false, participants: 6, value: 18, shareAtLeast7: null,
    });
    // Scale by group: citizens 8 9 7 6 10 3 and again 9 3 7: six people, nine answers, mean 62/9.
    const scale = w1.breakdowns.find((b) => b.kind === "scale")!;
    expect(scale.cells.find((c) => !c.suppressed && c.key === "citizen")).toEqual({
      key: "citizen", suppressed: false, participants: 6, value: 6.89, shareAtLeast7: 0.67,
    });
  });

  it("give back a typed district and criterion exactly, quotes, backslashes, commas and other scripts included", async () => {
    // The cells' texts reach the page through each cell's label (migration 0023), escaped there.
    const deps = recordingDeps(database.db);
    const district = 'Nord "Süd", 2\\3 – حي';
    const criterion = 'Kosten "grob", 1\\2';
    const b1 = first.items.b1;
    // A conference's planners type the districts its participants choose from.
    await database.db.update(conferences).set({ districts: ["Mitte", "Stieghorst", district] }).where(eq(conferences.id, first.conferenceId));
    await updateActivities(deps, moderator, {
      agendaItemId: b1,
      activities: { comments: true, dots: { maxPerItem: 3 }, rating: { criteria: [criterion], min: 1, max: 5 }, scale: null, ranking: false },
    });
    const vote = voter(deps);
    for (const n of [4, 5]) {
      const newcomer = await joinAs(deps, first.joinCode, "de", { group: "youth", district });
      await vote.dots(newcomer, b1, 1);
      await vote.rate(newcomer, b1, criterion, n);
    }
    await expectCellsEqualCounting();
    const { items } = await sessionResults(database.db, moderator, { liveSessionId: first.liveSessionId }, { minGroupSize: 2 });
    const breakdowns = items.find((i) => i.item.id === b1)!.breakdowns.filter((b) => b.dimension === "district");
    expect(breakdowns.find((b) => b.kind === "dots")!.cells).toContainEqual({ key: district, suppressed: false, participants: 2, value: 2, shareAtLeast7: null });
    expect(breakdowns.find((b) => b.kind === "rating")).toMatchObject({
      criterion,
      cells: [{ key: district, suppressed: false, participants: 2, value: 4.5, shareAtLeast7: null }],
    });
  });

  it("stay the same when the sessions close, and for every dimension plan-wide", async () => {
    for (const liveSessionId of sessions) await closeLiveSession(recordingDeps(database.db), moderator, { liveSessionId });
    await expectCellsEqualCounting();
    for (const breakdownBy of dimensions) {
      const plan = await planResults(database.db, moderator, { planSlug: testPlanSlug, breakdownBy });
      const counted = await countedBreakdowns(database.db, "measure", plan.minGroupSize);
      expect(bySubject(plan.measures.flatMap((m) => m.breakdowns))).toEqual(counted.filter((b) => b.dimension === breakdownBy));
    }
  });
});

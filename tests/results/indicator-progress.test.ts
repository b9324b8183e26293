import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ParticipantActor, StaffActor } from "../../app/auth/actor";
import { implementationReport } from "../../app/catalogue/implementation-report.server";
import { importPlan } from "../../app/catalogue/import.server";
import { planProgress } from "../../app/catalogue/progress.server";
import { recordIndicatorValue, setMaturity } from "../../app/catalogue/revisions.server";
import { cityDay } from "../../app/conferences/city-time";
import { updateActivities } from "../../app/live/setup.server";
import { closeLiveSession } from "../../app/results/close.server";
import { setPhase } from "../../app/live/steer.server";
import { indicatorValueSourcesOf, recordScaleResult, scaleResultChoices } from "../../app/results/scale-to-indicator.server";
import { indicatorValues, liveSessions, planRevisions } from "../../db/schema";
import { openTestDatabase, type TestDatabase } from "../support/database";
import { createStaff, joinAs, recordingDeps, refusal } from "../support/fixtures";
import { testPlanFile, testSession, voter } from "../support/results-fixtures";

/**
 * A plan of its own: P-1 stands for 540-3 (a satisfaction poll 1–10, target "≥ 7"), P-2 has a
 * target without a rule and one with a due date, P-3 has no indicator.
 */
const planSlug = "fortschritt-testplan";
const plan = {
  ...testPlanFile,
  slug: planSlug,
  title: "Testplan Fortschritt",
  units: [
    { code: "540", name: "Büro für Integrierte Sozialplanung und Prävention" },
    { code: "510", name: "Jugendamt" },
  ],
  measures: [
    {
      ...testPlanFile.measures[0]!,
      code: "P-1",
      title: "Lebenslagenbericht partizipativ gestalten",
      clusterKey: "wohnen",
      unitCode: "540",
      indicators: [
        { text: "Zufriedenheit auf einer Skala von 1-10 (Mentimeter-Abfrage)", targetValue: "≥ 7", dueDate: null },
        { text: "Einbezogene Organisationseinheiten", targetValue: "20", dueDate: "2027-12-31" },
      ],
    },
    {
      ...testPlanFile.measures[0]!,
      code: "P-2",
      title: "Bildungsangebote im Quartier",
      clusterKey: "bildung",
      goalKey: null,
      unitCode: "510",
      indicators: [
        { text: "Wirkungsziele je Angebot", targetValue: "je 3", dueDate: null },
        { text: "Teilnehmende", targetValue: "mind. 50", dueDate: "2026-06-30" },
      ],
    },
    { ...testPlanFile.measures[1]!, code: "P-3", title: "Ohne Indikator", indicators: [] },
  ],
};

let database: TestDatabase;
let planner: StaffActor;
let moderator: StaffActor;
let liveSessionId: string;
let pollItem: string;
let measureItem: string;

beforeAll(async () => {
  database = await openTestDatabase();
  const deps = recordingDeps(database.db);
  await importPlan(database.db, plan, { reason: "Testdaten" });
  await importPlan(database.db, testPlanFile, { reason: "Testdaten" });
  planner = await createStaff(database.db, "planner");
  moderator = await createStaff(database.db, "moderator");
  const session = await testSession(
    deps,
    moderator,
    "Werkstatt Lebenslagenbericht",
    [
      { kind: "question", question: "Wie zufrieden sind Sie mit der Beteiligung?" },
      { kind: "measure", measureCode: "P-1" },
    ],
    planSlug,
  );
  liveSessionId = session.liveSessionId;
  [pollItem, measureItem] = session.itemIds as [string, string];
  await updateActivities(deps, moderator, {
    agendaItemId: pollItem,
    activities: { comments: false, dots: null, rating: null, scale: { min: 1, max: 10, label: null }, ranking: false },
  });
  await setPhase(deps, moderator, { agendaItemId: pollItem, phase: "prioritise" });
  const vote = voter(deps);
  // Five answers: 8, 7, 6, 9, 7; the mean is 37 / 5 = 7.4.
  const people: ParticipantActor[] = [];
  for (let i = 0; i < 5; i += 1) people.push(await joinAs(deps, session.joinCode));
  for (const [i, value] of [8, 7, 6, 9, 7].entries()) await vote.scale(people[i]!, pollItem, value);
});
afterAll(() => database.close());

const record = (actor: StaffActor, agendaItemId: string, code = "P-1", indicator = 1) =>
  recordScaleResult(database.db, actor, { planSlug, agendaItemId, code, indicator, reason: "Mentimeter-Abfrage der Werkstatt" });
const revisionCount = async () => (await database.db.select().from(planRevisions)).length;

describe("a scale result as an indicator value", () => {
  it("waits for the session to close: its result is not final before", async () => {
    expect(await refusal(record(planner, pollItem))).toBe("conflict results:error.sessionNotClosed");
  });

  it("records the mean of the frozen answers in one step, with a revision, a reason and the link back", async () => {
    await closeLiveSession(recordingDeps(database.db), moderator, { liveSessionId });
    const before = await revisionCount();
    const recorded = await record(planner, pollItem);
    expect(recorded.revision.number).toBe(2);
    expect(await revisionCount()).toBe(before + 1);

    const [value] = await database.db.select().from(indicatorValues).where(eq(indicatorValues.id, recorded.indicatorValueId));
    const [session] = await database.db.select().from(liveSessions).where(eq(liveSessions.id, liveSessionId));
    expect(value).toMatchObject({ value: "7,4", recordedOn: cityDay(session!.closedAt!), recordedBy: planner.userId, revisionId: recorded.revision.id });
    const [revision] = await database.db.select().from(planRevisions).where(eq(planRevisions.id, recorded.revision.id));
    expect(revision).toMatchObject({ reason: "Mentimeter-Abfrage der Werkstatt", createdBy: planner.userId });

    const sources = await indicatorValueSourcesOf(database.db, [recorded.indicatorValueId]);
    expect(sources.get(recorded.indicatorValueId)).toEqual({
      liveSession: { id: liveSessionId, title: "Werkstatt Lebenslagenbericht: Priorisierung" },
      conferenceId: expect.any(String),
      agendaItemId: pollItem,
      statistic: "mean",
      answers: 5,
    });
  });

  it("records one item once per indicator, refuses an item without a scale result and anyone but planners and admins", async () => {
    const before = await revisionCount();
    expect(await refusal(record(planner, pollItem))).toBe("conflict progress:error.alreadyRecorded");
    expect(await refusal(record(planner, measureItem))).toBe("invalid progress:error.noScaleResult");
    expect(await refusal(record(moderator, pollItem, "P-1", 2), "code")).toBe("forbidden");
    expect(await refusal(record(planner, pollItem, "P-1", 3))).toBe("invalid results:error.unknownIndicator");
    const otherPlan = recordScaleResult(database.db, planner, { planSlug: testPlanFile.slug, agendaItemId: pollItem, code: "W-1", indicator: 1, reason: "Falscher Plan" });
    expect(await refusal(otherPlan)).toBe("invalid progress:error.noScaleResult");
    expect(await revisionCount()).toBe(before);
  });

  it("offers the planner the plan's closed scale results to choose from", async () => {
    const choices = await scaleResultChoices(database.db, planner, planSlug);
    expect(choices).toEqual([
      {
        agendaItemId: pollItem,
        liveSession: { id: liveSessionId, title: "Werkstatt Lebenslagenbericht: Priorisierung" },
        item: expect.objectContaining({ kind: "question", question: "Wie zufrieden sind Sie mit der Beteiligung?" }),
        mean: "7,4",
        answers: 5,
      },
    ]);
    expect(await refusal(scaleResultChoices(database.db, moderator, planSlug), "code")).toBe("forbidden");
  });
});

describe("the plan's progress", () => {
  const today = "2026-12-02";

  it("judges every indicator: on track, behind, no data, not judged", async () => {
    // P-2's participants: 30 on 1 May; the due date (30 June) has passed without 50.
    await recordIndicatorValue(database.db, planner, { planSlug, code: "P-2", indicator: 2, recordedOn: "2026-05-01", value: "30", reason: "Zwischenstand" });
    const progress = await planProgress(database.db, planSlug, {}, today);
    expect(progress!.indicatorTotal).toBe(4);
    expect(progress!.counts).toEqual({ onTrack: 1, behind: 1, noData: 1, notJudged: 1 });
    const statuses = progress!.measures.map((m) => [m.code, m.indicators.map((i) => [i.number, i.judgement.status, i.judgement.met])]);
    expect(statuses).toEqual([
      ["P-1", [[1, "onTrack", true], [2, "noData", false]]],
      ["P-2", [[1, "notJudged", false], [2, "behind", false]]],
    ]);
    expect(progress!.units.map((u) => u.code)).toEqual(["540", "510"]);
    expect(progress!.clusters.map((c) => c.key)).toEqual(["wohnen", "bildung"]);
  });

  it("filters by unit, cluster and words", async () => {
    const byUnit = await planProgress(database.db, planSlug, { unit: "510" }, today);
    expect(byUnit!.measures.map((m) => m.code)).toEqual(["P-2"]);
    expect(byUnit!.counts).toEqual({ onTrack: 0, behind: 1, noData: 0, notJudged: 1 });
    const byCluster = await planProgress(database.db, planSlug, { cluster: "wohnen" }, today);
    expect(byCluster!.measures.map((m) => m.code)).toEqual(["P-1"]);
    const byWords = await planProgress(database.db, planSlug, { q: "bildung" }, today);
    expect(byWords!.measures.map((m) => m.code)).toEqual(["P-2"]);
    expect(await planProgress(database.db, "kein-plan", {}, today)).toBeNull();
  });
});

describe("the implementation report", () => {
  it("lists the measures that moved in the period, with maturity, and the indicators as they stood at its end", async () => {
    await setMaturity(database.db, planner, { planSlug, code: "P-1", maturity: "B", reason: "Läuft" });
    const day = cityDay(new Date());
    const report = await implementationReport(database.db, { planSlug, from: day, to: day });
    // Revisions: 1 import, 2 the poll (P-1), 3 P-2's value, 4 P-1's maturity.
    expect(report.revisionCount).toBe(4);
    expect(report.moved.map((m) => [m.code, m.revisions.map((r) => r.number), m.isNew, m.maturityBefore, m.maturityAfter])).toEqual([
      ["P-1", [1, 2, 4], true, null, "B"],
      ["P-2", [1, 3], true, null, null],
      ["P-3", [1], true, null, null],
    ]);
    // P-2's value lies before the period; P-1's poll was recorded on the day the session closed.
    expect(report.indicators.map((m) => [m.code, m.indicators.map((i) => [i.number, i.judgement.status, i.judgement.met])])).toEqual([
      ["P-1", [[1, "onTrack", true]]],
    ]);

    // Spring 2026: nothing changed then; P-2's 30 participants stood before its due date, on the line from themselves.
    const spring = await implementationReport(database.db, { planSlug, from: "2026-01-01", to: "2026-06-29" });
    expect(spring.moved).toEqual([]);
    expect(spring.revisionCount).toBe(0);
    expect(spring.indicators.map((m) => [m.code, m.recordedInPeriod, m.indicators.map((i) => [i.number, i.judgement.status, i.judgement.expected])])).toEqual([
      ["P-2", 1, [[2, "onTrack", 30]]],
    ]);
    expect(await refusal(implementationReport(database.db, { planSlug, from: "2026-07-01", to: "2026-06-01" }), "code")).toBe("invalid");
  });
});

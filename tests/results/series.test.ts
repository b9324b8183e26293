/**
 * A series' results on hand-made data (the test plan of tests/support/results-fixtures.ts): three
 * recurring conferences read over time, and district forums compared side by side with small
 * groups withheld. Every expected figure is worked out by hand in the comments.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ParticipantActor, StaffActor } from "../../app/auth/actor";
import { createConference } from "../../app/conferences/conferences.server";
import { conferencesOutside, createSeries, fileConference, getSeries } from "../../app/conferences/series.server";
import type { DomainError } from "../../app/errors";
import type { LiveDeps } from "../../app/live/events";
import { addAgendaItems, createLiveSession, startLiveSession, updateActivities } from "../../app/live/setup.server";
import { closeLiveSession } from "../../app/results/close.server";
import { setPhase } from "../../app/live/steer.server";
import { seriesResults } from "../../app/results/series.server";
import { measureParticipation } from "../../app/results/measure-participation.server";
import { openTestDatabase, type TestDatabase } from "../support/database";
import { createStaff, joinAs, recordingDeps, refusal } from "../support/fixtures";
import { importTestPlan, testPlanFile, testPlanSlug, voter } from "../support/results-fixtures";
import { importPlan } from "../../app/catalogue/import.server";

let database: TestDatabase;
let deps: LiveDeps;
let planner: StaffActor;
let moderator: StaffActor;
const ids = { recurring: "", district: "", c1: "", c2: "", c3: "" };

type Item = { code: string; rating?: true; scale?: true };

/** A conference in the series, one started session with the measures (dots, maybe a rating or scale) open. */
async function forum(seriesId: string, title: string, startsAt: string, district: string | null, items: Item[]) {
  const conference = await createConference(deps.db, moderator, {
    planSlug: testPlanSlug,
    kind: district ? "district_talk" : "future_conference",
    title,
    startsAt,
    district: district ?? "",
    languages: ["de"],
    seriesId,
  });
  const session = await createLiveSession(deps.db, moderator, { conferenceId: conference.id, title, dotsPerParticipant: 5 });
  const { ids: itemIds } = await addAgendaItems(deps, moderator, {
    liveSessionId: session.id,
    entries: items.map((i) => ({ kind: "measure", measureCode: i.code })),
  });
  for (const [n, item] of items.entries()) {
    await updateActivities(deps, moderator, {
      agendaItemId: itemIds[n],
      activities: {
        comments: true,
        dots: { maxPerItem: 3 },
        rating: item.rating ? { criteria: ["urgency"], min: 1, max: 5 } : null,
        scale: item.scale ? { min: 1, max: 10, label: null } : null,
        ranking: false,
      },
    });
    await setPhase(deps, moderator, { agendaItemId: itemIds[n]!, phase: "prioritise" });
  }
  const { joinCode } = await startLiveSession(deps, moderator, { liveSessionId: session.id });
  const people = (n: number) => Promise.all(Array.from({ length: n }, () => joinAs(deps, joinCode, "de")));
  return { conferenceId: conference.id, sessionId: session.id, item: Object.fromEntries(items.map((i, n) => [i.code, itemIds[n]!])), people };
}

beforeAll(async () => {
  database = await openTestDatabase();
  deps = recordingDeps(database.db);
  await importTestPlan(deps);
  moderator = await createStaff(database.db, "moderator");
  planner = await createStaff(database.db, "planner");
  const vote = voter(deps);
  const dots = async (list: [ParticipantActor, string, number][]) => {
    for (const [who, item, n] of list) await vote.dots(who, item, n);
  };

  ids.recurring = (await createSeries(database.db, planner, { planSlug: testPlanSlug, kind: "recurring", title: "Zukunftskonferenz" })).id;
  // Created out of order: the series reads them by date.
  const c2 = await forum(ids.recurring, "Zukunftskonferenz Juni", "2026-06-01T16:00:00Z", null, [{ code: "W-1" }, { code: "W-2", scale: true }, { code: "B-1" }]);
  const c1 = await forum(ids.recurring, "Zukunftskonferenz März", "2026-03-01T16:00:00Z", null, [{ code: "W-1", rating: true }, { code: "W-2" }]);
  const c3 = await forum(ids.recurring, "Zukunftskonferenz September", "2026-09-01T16:00:00Z", null, [{ code: "W-1" }]);
  Object.assign(ids, { c1: c1.conferenceId, c2: c2.conferenceId, c3: c3.conferenceId });
  // March: W-1 3 2 1 (a1–a3), W-2 1 1 (a1, a2); urgency on W-1 4 and 5. Then closed (frozen figures).
  const [a1, a2, a3] = (await c1.people(3)) as [ParticipantActor, ParticipantActor, ParticipantActor];
  await dots([[a1, c1.item["W-1"]!, 3], [a2, c1.item["W-1"]!, 2], [a3, c1.item["W-1"]!, 1], [a1, c1.item["W-2"]!, 1], [a2, c1.item["W-2"]!, 1]]);
  await vote.rate(a1, c1.item["W-1"]!, "urgency", 4);
  await vote.rate(a2, c1.item["W-1"]!, "urgency", 5);
  await closeLiveSession(deps, moderator, { liveSessionId: c1.sessionId });
  // June (still counted from the votes): W-2 3 3 2, W-1 1 (b1), B-1 1 1 (b2, b3); scale on W-2 7 9 5.
  const [b1, b2, b3] = (await c2.people(3)) as [ParticipantActor, ParticipantActor, ParticipantActor];
  await dots([[b1, c2.item["W-2"]!, 3], [b2, c2.item["W-2"]!, 3], [b3, c2.item["W-2"]!, 2], [b1, c2.item["W-1"]!, 1], [b2, c2.item["B-1"]!, 1], [b3, c2.item["B-1"]!, 1]]);
  for (const [who, n] of [[b1, 7], [b2, 9], [b3, 5]] as const) await vote.scale(who, c2.item["W-2"]!, n);
  // September: only W-1, one person, 2 dots.
  const [c] = (await c3.people(1)) as [ParticipantActor];
  await vote.dots(c, c3.item["W-1"]!, 2);

  ids.district = (await createSeries(database.db, planner, { planSlug: testPlanSlug, kind: "district", title: "Stadtteilgespräche" })).id;
  // Mitte twice: W-1 1 1 1 1 (m1–m4), W-2 2 (m1); then W-1 1 (n1).
  const mitte = await forum(ids.district, "Stadtteilgespräch Mitte", "2026-04-01T16:00:00Z", "Mitte", [{ code: "W-1" }, { code: "W-2" }]);
  const m = await mitte.people(4);
  await dots(m.map((who) => [who, mitte.item["W-1"]!, 1] as [ParticipantActor, string, number]));
  await vote.dots(m[0]!, mitte.item["W-2"]!, 2);
  const mitte2 = await forum(ids.district, "Stadtteilgespräch Mitte II", "2026-10-01T16:00:00Z", "Mitte", [{ code: "W-1" }]);
  await vote.dots((await mitte2.people(1))[0]!, mitte2.item["W-1"]!, 1);
  // Brackwede: W-1 2 2 2; Senne: W-1 1 1.
  const brackwede = await forum(ids.district, "Stadtteilgespräch Brackwede", "2026-05-01T16:00:00Z", "Brackwede", [{ code: "W-1" }]);
  await dots((await brackwede.people(3)).map((who) => [who, brackwede.item["W-1"]!, 2] as [ParticipantActor, string, number]));
  const senne = await forum(ids.district, "Stadtteilgespräch Senne", "2026-05-15T16:00:00Z", "Senne", [{ code: "W-1" }]);
  await dots((await senne.people(2)).map((who) => [who, senne.item["W-1"]!, 1] as [ParticipantActor, string, number]));
  // A forum without a district compares with nothing.
  await forum(ids.district, "Stadtteilgespräch ohne Bezirk", "2026-05-20T16:00:00Z", null, [{ code: "W-1" }]);
});
afterAll(() => database.close());

describe("a series of conferences", () => {
  it("is started by planners, and a conference joins one of its own plan only", async () => {
    await expect(createSeries(database.db, moderator, { planSlug: testPlanSlug, kind: "recurring", title: "x" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(createSeries(database.db, planner, { planSlug: testPlanSlug, kind: "weekly", title: "x" })).rejects.toMatchObject({ code: "invalid" });
    const series = await getSeries(database.db, ids.recurring);
    expect(series?.conferences.map((c) => c.title)).toEqual(["Zukunftskonferenz März", "Zukunftskonferenz Juni", "Zukunftskonferenz September"]);
    // A series of another plan is refused, and nothing is created.
    await importPlan(database.db, { ...testPlanFile, slug: "zweiter-plan" }, { reason: "Testdaten" });
    const other = await createSeries(database.db, planner, { planSlug: "zweiter-plan", kind: "recurring", title: "Andere" });
    const refused = await createConference(database.db, moderator, {
      planSlug: testPlanSlug, kind: "workshop", title: "Falsch", startsAt: "2026-11-01T16:00:00Z", languages: ["de"], seriesId: other.id,
    }).catch((e: DomainError) => e);
    expect(refused).toMatchObject({ code: "invalid", fields: { seriesId: "conferences:series.otherPlan" } });
    expect((await getSeries(database.db, other.id))?.conferences).toEqual([]);
  });

  it("shows each measure's figures per conference in date order, and how its rank moved", async () => {
    const { overTime, districts } = await seriesResults(database.db, planner, { seriesId: ids.recurring });
    expect(districts).toBeNull();
    expect(overTime!.conferences.map((c) => [c.id, c.participants])).toEqual([[ids.c1, 3], [ids.c2, 3], [ids.c3, 1]]);
    const row = (code: string) => overTime!.rows.find((r) => r.measure.code === code)!.cells;
    expect(overTime!.rows.map((r) => r.measure.code)).toEqual(["B-1", "W-1", "W-2"]);
    // W-1: March 6 of 8 dots (0.75), rank 1; June 1 of 11 (0.09), rank 3 (W-2 8, B-1 2): down 2;
    // September 2 of 2, rank 1: up 2. Urgency in March: (4 + 5) / 2 = 4.5.
    expect(row("W-1").map((c) => c && [c.rank, c.participants, c.dots.total, c.dots.share, c.movement])).toEqual([
      [1, 3, 6, 0.75, null],
      [3, 1, 1, 0.09, -2],
      [1, 1, 2, 1, 2],
    ]);
    expect(row("W-1")[0]!.rating).toEqual([{ criterion: "urgency", max: 5, mean: 4.5 }]);
    // W-2: March 2 of 8 (0.25), rank 2; June 8 of 11 (0.73), rank 1, up 1; scale 7 9 5: mean 7,
    // two of three at 7 or more (0.67); not in September.
    expect(row("W-2").map((c) => c && [c.rank, c.participants, c.dots.share, c.movement, c.scale])).toEqual([
      [2, 2, 0.25, null, null],
      [1, 3, 0.73, 1, { mean: 7, shareAtLeast7: 0.67 }],
      null,
    ]);
    // B-1 only in June: 2 of 11 (0.18), rank 2, no earlier rank to move from.
    expect(row("B-1").map((c) => c && [c.rank, c.dots.share, c.movement])).toEqual([null, [2, 0.18, null], null]);
  });

  it("compares district forums side by side, withholding small groups so none can be recovered", async () => {
    const { overTime, districts } = await seriesResults(database.db, planner, { seriesId: ids.district }, { minGroupSize: 3 });
    expect(overTime).toBeNull();
    // By the date of each district's first forum; the forum without a district is left out.
    expect(districts!.districts.map((d) => [d.district, d.conferences.length])).toEqual([["Mitte", 2], ["Brackwede", 1], ["Senne", 1]]);
    const row = (code: string) => districts!.rows.find((r) => r.measure.code === code)!.cells;
    // W-1: Mitte's two forums together: 5 people, 5 of 7 dots (0.71), rank 1. Senne's 2 people are
    // fewer than 3, so Senne is withheld, and Brackwede (3, the next smallest) with it: 2 + 3 ≥ 3.
    expect(row("W-1")).toEqual([
      { state: "shown", rank: 1, participants: 5, dots: { total: 5, share: 0.71 }, scale: null, rating: [] },
      { state: "suppressed" },
      { state: "suppressed" },
    ]);
    // W-2: only Mitte, one person: withheld; the others did not discuss it.
    expect(row("W-2")).toEqual([{ state: "suppressed" }, { state: "absent" }, { state: "absent" }]);
  });

  it("takes in a conference held before it, of its plan only, when a planner files it, and lets it go again", async () => {
    const titles = async () => (await getSeries(database.db, ids.recurring))!.conferences.map((c) => c.title);
    const before = await titles();
    const earlier = await createConference(database.db, moderator, {
      planSlug: testPlanSlug, kind: "workshop", title: "Frühere Konferenz", startsAt: "2025-11-01T16:00:00Z", languages: ["de"],
    });
    const plan = (await getSeries(database.db, ids.recurring))!.plan;
    expect((await conferencesOutside(database.db, ids.recurring, plan.id)).map((c) => c.title)).toContain("Frühere Konferenz");
    expect(await refusal(fileConference(database.db, moderator, { conferenceId: earlier.id, seriesId: ids.recurring }), "code")).toBe("forbidden");
    await importPlan(database.db, { ...testPlanFile, slug: "dritter-plan" }, { reason: "Testdaten" });
    const elsewhere = await createConference(database.db, moderator, {
      planSlug: "dritter-plan", kind: "workshop", title: "Anderer Plan", startsAt: "2025-11-02T16:00:00Z", languages: ["de"],
    });
    expect(await refusal(fileConference(database.db, planner, { conferenceId: elsewhere.id, seriesId: ids.recurring }))).toBe("invalid common:validation.invalid");
    expect(await refusal(fileConference(database.db, planner, { conferenceId: earlier.id, seriesId: "nicht-eine-id" }), "code")).toBe("invalid");
    expect(await titles()).toEqual(before);

    await fileConference(database.db, planner, { conferenceId: earlier.id, seriesId: ids.recurring });
    expect(await titles()).toEqual(["Frühere Konferenz", ...before]);
    expect((await conferencesOutside(database.db, ids.recurring, plan.id)).map((c) => c.title)).not.toContain("Frühere Konferenz");
    await fileConference(database.db, planner, { conferenceId: earlier.id, seriesId: "" });
    expect(await titles()).toEqual(before);
  });

  it("is for staff who view results", async () => {
    await expect(seriesResults(database.db, { kind: "anonymous" }, { seriesId: ids.recurring })).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(seriesResults(database.db, planner, { seriesId: crypto.randomUUID() })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("a measure's participation history", () => {
  const history = (actor: Parameters<typeof measureParticipation>[1], code: string) =>
    measureParticipation(database.db, actor, { planSlug: testPlanSlug, code }, { minGroupSize: 3 });

  it("lists the conferences that discussed it, latest first, with its figures there for staff", async () => {
    const { entries } = await history(planner, "W-1");
    expect(entries.map((e) => e.conference.title)).toEqual([
      "Stadtteilgespräch Mitte II",
      "Zukunftskonferenz September",
      "Zukunftskonferenz Juni",
      "Stadtteilgespräch ohne Bezirk",
      "Stadtteilgespräch Senne",
      "Stadtteilgespräch Brackwede",
      "Stadtteilgespräch Mitte",
      "Zukunftskonferenz März",
    ]);
    // Fewer than 3 voted on W-1 in Mitte II (1), September (1), June (1), the forum without a
    // district (0) and Senne (2): withheld; together 5, so none can be recovered, and nothing more
    // is withheld. Brackwede: 3 people, 6 of 6 dots; Mitte: 4 people, 4 of 6 (0.67); March: 3
    // people, 6 of 8 (0.75), urgency (4 + 5) / 2 = 4.5. W-1 is first in each.
    expect(entries.map((e) => e.withheld)).toEqual([true, true, true, true, true, false, false, false]);
    expect(entries.slice(5).map((e) => e.figures && [e.figures.rank, e.figures.participants, e.figures.dots.total, e.figures.dots.share])).toEqual([
      [1, 3, 6, 1],
      [1, 4, 4, 0.67],
      [1, 3, 6, 0.75],
    ]);
    expect(entries[7]!.figures!.rating).toEqual([{ criterion: "urgency", max: 5, mean: 4.5 }]);
    // B-1 was discussed in June only.
    expect((await history(planner, "B-1")).entries.map((e) => e.conference.title)).toEqual(["Zukunftskonferenz Juni"]);
  });

  it("shows everyone where a measure was discussed, and only staff who view results its figures", async () => {
    const { entries } = await history({ kind: "anonymous" }, "W-1");
    expect(entries).toHaveLength(8);
    expect(entries.every((e) => e.figures === null && !e.withheld)).toBe(true);
    await expect(history(planner, "X-99")).rejects.toMatchObject({ code: "not_found" });
  });
});

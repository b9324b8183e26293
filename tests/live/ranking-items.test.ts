import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../../app/auth/actor";
import { DomainError } from "../../app/errors";
import { loadItem, loadItems } from "../../app/live/items.server";
import { computeItemResult } from "../../app/live/results.server";
import { addAgendaItems } from "../../app/live/setup.server";
import { closeLiveSession } from "../../app/results/close.server";
import { setPhase } from "../../app/live/steer.server";
import { castRanking } from "../../app/live/votes.server";
import { csvFormatOf } from "../../app/csv";
import { resultsTable } from "../../app/feedback/export-tables.server";
import { sessionResults } from "../../app/results/aggregate.server";
import { planResults } from "../../app/results/plan.server";
import { agendaItems, votes } from "../../db/schema";
import { openDemoWorld, type TestDatabase } from "../support/database";
import { createStaff, joinAs, recordingDeps, refusal, startedSession } from "../support/fixtures";

let database: TestDatabase;
let moderator: StaffActor;

beforeAll(async () => ({ database, moderator } = await openDemoWorld()));
afterAll(() => database.close());

const plan = "ziele-und-massnahmen-2022-2023";
const chosen = ["Jobcenter-1", "540-2", "510-2"];
const ranking = (measureCodes: string[], question = "Was soll zuerst umgesetzt werden?") => ({ kind: "ranking", question, measureCodes });

async function refusedWith(promise: Promise<unknown>) {
  return promise.then(
    () => null,
    (error: unknown) => (error instanceof DomainError ? { key: error.messageKey, fields: error.fields, values: error.values } : String(error)),
  );
}

describe("a ranking item (decision 034)", () => {
  it("puts the chosen measures up in the moderator's order and announces the item", async () => {
    const deps = recordingDeps(database.db);
    const session = await startedSession(deps, moderator);
    deps.events.length = 0;
    const { ids } = await addAgendaItems(deps, moderator, { liveSessionId: session.liveSessionId, entries: [ranking(chosen)] });
    const item = await loadItem(database.db, ids[0]!);
    expect(item).toMatchObject({ kind: "ranking", question: "Was soll zuerst umgesetzt werden?", measure: null, cluster: null });
    expect(item!.rankedMeasures!.map((m) => m.code)).toEqual(chosen);
    expect(item!.rankedMeasures!.every((m) => m.title.length > 0)).toBe(true);
    expect(item!.activities.ranking).toBe(true);
    expect(deps.events).toEqual([expect.objectContaining({ type: "agendaItem.updated", item: expect.objectContaining({ id: ids[0], kind: "ranking" }) })]);
  });

  it("refuses too few, duplicate, unknown and another plan's measures with a clear error, and adds nothing", async () => {
    const deps = recordingDeps(database.db);
    const session = await startedSession(deps, moderator);
    const before = await loadItems(database.db, session.liveSessionId);
    deps.events.length = 0;
    const add = (measureCodes: string[], question?: string) =>
      refusedWith(addAgendaItems(deps, moderator, { liveSessionId: session.liveSessionId, entries: [ranking(measureCodes, question)] }));

    expect(await add(["540-2"])).toMatchObject({ key: "live:error.rankingTooFew", fields: { "entries.0.measureCodes": "live:error.rankingTooFew" } });
    expect(await add(["540-2", "510-2", "540-2"])).toMatchObject({ key: "live:error.rankingDuplicate" });
    // Codes are matched without regard to case, so "jobcenter-1" is Jobcenter-1 a second time.
    expect(await add(["Jobcenter-1", "jobcenter-1"])).toMatchObject({ key: "live:error.rankingDuplicate" });
    expect(await add(["540-2", "X-99"])).toEqual({
      key: "live:error.rankingUnknownMeasures",
      fields: { "entries.0.measureCodes": "live:error.rankingUnknownMeasures" },
      values: { codes: "X-99" },
    });
    // IK-1.1 is a measure of the Integrationskonzept, not of this conference's plan.
    expect(await add(["540-2", "IK-1.1"])).toMatchObject({ key: "live:error.rankingUnknownMeasures", values: { codes: "IK-1.1" } });
    expect(await add(chosen, "  ")).toMatchObject({ fields: { "entries.0.question": expect.any(String) } });
    expect(await add(Array.from({ length: 31 }, (_, i) => `C-${i}`))).toMatchObject({ key: "live:error.rankingTooMany" });

    expect(await loadItems(database.db, session.liveSessionId)).toEqual(before);
    expect(deps.events.filter((e) => e.type === "agendaItem.updated")).toEqual([]);
  });

  it("takes ballots over its own measures only and counts first places in the results, live and frozen", async () => {
    const deps = recordingDeps(database.db);
    const session = await startedSession(deps, moderator);
    const { ids } = await addAgendaItems(deps, moderator, { liveSessionId: session.liveSessionId, entries: [ranking(chosen)] });
    const itemId = ids[0]!;
    await setPhase(deps, moderator, { agendaItemId: itemId, phase: "prioritise" });
    const ballot = (order: string[]) => ({ clientId: randomUUID().replace(/-/g, ""), agendaItemId: itemId, order });
    const [anna, bilal, chiara] = await Promise.all([joinAs(deps, session.joinCode), joinAs(deps, session.joinCode, "ar"), joinAs(deps, session.joinCode, "en")]);

    // 500-1 is in the plan but not put up; a code twice would count twice.
    expect(await refusal(castRanking(deps, anna!, ballot(["500-1", "540-2", "510-2"])), "messageKey")).toBe("live:error.outOfRange");
    expect(await refusal(castRanking(deps, anna!, ballot(["540-2", "540-2", "510-2"])), "messageKey")).toBe("live:error.outOfRange");
    expect(await database.db.select().from(votes).where(eq(votes.agendaItemId, itemId))).toEqual([]);

    const receipt = await castRanking(deps, anna!, ballot(["510-2", "Jobcenter-1", "540-2"]));
    expect(receipt.myVotes.ranking[itemId]).toEqual(["510-2", "Jobcenter-1", "540-2"]);
    await castRanking(deps, bilal!, ballot(["510-2", "540-2", "Jobcenter-1"]));
    await castRanking(deps, chiara!, ballot(["540-2", "510-2", "Jobcenter-1"]));
    expect(deps.events.filter((e) => e.type === "votes.changed")).toHaveLength(3);

    const live = await computeItemResult(database.db, (await loadItem(database.db, itemId))!, session.liveSessionId);
    expect(live.voterCount).toBe(3);
    // Points: 510-2 2+2+1, 540-2 0+1+2, Jobcenter-1 1+0+0.
    expect(live.ranking).toEqual([
      { code: "510-2", title: expect.any(String), points: 5, firstPlaces: 2 },
      { code: "540-2", title: expect.any(String), points: 3, firstPlaces: 1 },
      { code: "Jobcenter-1", title: expect.any(String), points: 1, firstPlaces: 0 },
    ]);

    const planner = await createStaff(database.db, "planner");
    const figures = async () => {
      const { measures } = await planResults(database.db, planner, { planSlug: plan });
      return Object.fromEntries(measures.filter((s) => chosen.includes(s.measure.code)).map((s) => [s.measure.code, s.ranking]));
    };
    const counted = await figures();
    expect(counted["510-2"]).toMatchObject({ firstPlaces: 2, ballots: 3 });
    expect(counted["Jobcenter-1"]).toMatchObject({ firstPlaces: 0, ballots: 3 });

    await closeLiveSession(deps, moderator, { liveSessionId: session.liveSessionId });
    const closed = await sessionResults(database.db, planner, { liveSessionId: session.liveSessionId });
    const frozen = closed.items.find((i) => i.item.id === itemId)!;
    expect(frozen.frozenAt).not.toBeNull();
    expect(frozen.result.ranking).toEqual(live.ranking);
    // The plan's figures read the frozen result now, and say the same.
    expect(await figures()).toEqual(counted);
    // The report's results table: one row for the item, named by its question and kind, first places listed.
    const { rows } = resultsTable([closed], {
      format: csvFormatOf("de"),
      measureName: () => null,
    });
    const exported = rows.find((r) => r[2] === "Was soll zuerst umgesetzt werden?")!;
    expect(exported[3]).toBe("Rangfolge");
    expect(exported.at(-1)).toBe("1. 510-2: 2× auf Platz 1, 5 Rangpunkte\n2. 540-2: 1× auf Platz 1, 3 Rangpunkte\n3. Jobcenter-1: 0× auf Platz 1, 1 Rangpunkt");
    const [row] = await database.db.select({ measureIds: agendaItems.measureIds }).from(agendaItems).where(eq(agendaItems.id, itemId));
    expect(row!.measureIds).toHaveLength(3);
  });
});

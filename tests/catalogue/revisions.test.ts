import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../../app/auth/actor";
import { getMeasure } from "../../app/catalogue/catalogue.server";
import { measureDiff, measureHistory } from "../../app/catalogue/history.server";
import { revisionInputs } from "../../app/decisions/revision-inputs.server";
import { recordIndicatorValue, setMaturity } from "../../app/catalogue/revisions.server";
import { planRevisions } from "../../db/schema";
import { openTestDatabase, type TestDatabase } from "../support/database";
import { createStaff, recordingDeps, refusal } from "../support/fixtures";
import { acceptedChange, importTestPlan, testPlanSlug } from "../support/results-fixtures";

let database: TestDatabase;
let planner: StaffActor;
let moderator: StaffActor;
const planSlug = testPlanSlug;

beforeAll(async () => {
  database = await openTestDatabase();
  await importTestPlan(recordingDeps(database.db));
  planner = await createStaff(database.db, "planner");
  moderator = await createStaff(database.db, "moderator");
});
afterAll(() => database.close());

const revisionCount = async () => (await database.db.select({ n: count() }).from(planRevisions))[0]!.n;

describe("catalogue revisions", () => {
  // Revision 1 is the import. Each step below adds one, in this order.
  it("adds a new measure in revision 2", async () => {
    const change = await acceptedChange(recordingDeps(database.db), planner, planSlug, {
      kind: "newMeasure",
      measure: { code: "W-4", title: "Sprachcafé im Quartier", clusterKey: "wohnen", unitCode: "540", objective: "Begegnung", steps: "" },
    }, "Vorschlag aus der Zukunftskonferenz");
    expect(change.revision!.number).toBe(2);
    const measure = await getMeasure(database.db, planSlug, "w-4", "de");
    expect(measure).toMatchObject({ code: "W-4", title: "Sprachcafé im Quartier", objective: "Begegnung", steps: null, revision: { number: 2 } });
    expect(measure!.cluster?.key).toBe("wohnen");
    expect(measure!.unit?.code).toBe("540");
  });

  it("changes fields of a measure in revision 3 and diffs them field by field", async () => {
    await acceptedChange(recordingDeps(database.db), planner, planSlug, {
      kind: "changeMeasure",
      code: "W-1",
      changes: {
        objective: "Weniger Räumungen, mehr Beratung",
        indicators: [
          { text: "Zahl der verhinderten Räumungen", targetValue: "150", dueDate: "2027-12-31" },
          { text: "Beratungsgespräche", targetValue: "400", dueDate: null },
        ],
      },
    }, "Zielwert nach Haushaltsbeschluss angehoben");
    const diff = await measureDiff(database.db, { kind: "anonymous" }, { planSlug, code: "W-1", from: 1, to: 3 });
    expect(diff.changes).toEqual([
      { field: "objective", before: "Weniger Räumungen", after: "Weniger Räumungen, mehr Beratung" },
      { field: "indicators.1.targetValue", before: "120", after: "150" },
      { field: "indicators.2.text", before: null, after: "Beratungsgespräche" },
      { field: "indicators.2.targetValue", before: null, after: "400" },
    ]);
    // Revision 2 did not touch W-1: it still stood as imported.
    expect((await measureDiff(database.db, planner, { planSlug, code: "W-1", from: 1, to: 2 })).changes).toEqual([]);
  });

  it("updates the maturity in revision 4 and records an actual value in revision 5", async () => {
    expect((await setMaturity(database.db, planner, { planSlug, code: "W-1", maturity: "B", reason: "Umsetzung begonnen" })).revision.number).toBe(4);
    const recorded = await recordIndicatorValue(database.db, planner, {
      planSlug,
      code: "W-1",
      indicator: 1,
      recordedOn: "2026-06-30",
      value: "87",
      note: "Halbjahr",
      reason: "Halbjahresbericht",
    });
    expect(recorded.revision.number).toBe(5);
    const diff = await measureDiff(database.db, planner, { planSlug, code: "W-1", from: 3, to: 5 });
    expect(diff.changes).toEqual([
      { field: "maturity", before: null, after: "B" },
      { field: "actuals.1.2026-06-30", before: null, after: "87 (Halbjahr)" },
    ]);
    expect((await getMeasure(database.db, planSlug, "W-1", "de"))!.revision.number).toBe(5);
  });

  it("lists a measure's history: who (for staff), when, why, newest first", async () => {
    const history = await measureHistory(database.db, planner, { planSlug, code: "W-1" });
    expect(history.revisions.map((r) => [r.number, r.createdBy, r.reason])).toEqual([
      [5, "Test planner", "Halbjahresbericht"],
      [4, "Test planner", "Umsetzung begonnen"],
      [3, "Test planner", "Zielwert nach Haushaltsbeschluss angehoben"],
      [1, null, "Testdaten"],
    ]);
    expect(history.revisions.every((r) => !Number.isNaN(Date.parse(r.createdAt)))).toBe(true);
    // Revision 3 came from a participant's proposal; the planners' own updates and the import from none.
    const inputs = await revisionInputs(database.db, planner, history.revisions.map((r) => r.id));
    expect(history.revisions.map((r) => inputs.get(r.id)?.length ?? 0)).toEqual([0, 0, 1, 0]);
    // The public reads when and why, not which colleague.
    const visitor = await measureHistory(database.db, { kind: "anonymous" }, { planSlug, code: "W-1" });
    expect(visitor.revisions.map((r) => [r.number, r.createdBy, r.reason])).toEqual(
      history.revisions.map((r) => [r.number, null, r.reason]),
    );
  });

  it("refuses bad input and changes nothing", async () => {
    const before = await revisionCount();
    const deps = recordingDeps(database.db);
    const change = (changes: unknown, code = "W-2") => refusal(acceptedChange(deps, planner, planSlug, { kind: "changeMeasure", code, changes }, "Test"));
    expect(await change({ clusterKey: "gibt-es-nicht" })).toBe("invalid results:error.unknownReference");
    expect(await change({ unitCode: "999" })).toBe("invalid results:error.unknownReference");
    expect(await change({ title: "Quartierswohnungen" })).toBe("conflict results:error.nothingChanged");
    expect(await change({})).toBe("invalid common:validation.invalid");
    expect(await change({ maturity: "D" })).toBe("invalid common:validation.invalid");
    expect(await change({ title: "x" }, "X-99")).toBe("not_found results:error.unknownMeasure");
    // Indicator 1 of W-1 has an actual value now: it cannot be dropped.
    expect(await change({ indicators: [] }, "W-1")).toBe("conflict results:error.indicatorHasValues");
    expect(
      await refusal(acceptedChange(deps, planner, planSlug, { kind: "newMeasure", measure: { code: "w-1", title: "Doppelt" } }, "Test")),
    ).toBe("conflict results:error.codeTaken");
    expect(await refusal(acceptedChange(deps, planner, planSlug, { kind: "newMeasure", measure: { code: "W-9", title: "Ohne Grund" } }, " "))).toBe(
      "invalid results:error.reasonRequired",
    );
    expect(
      await refusal(recordIndicatorValue(database.db, planner, { planSlug, code: "W-2", indicator: 1, recordedOn: "2026-06-30", value: "1", reason: "x" })),
    ).toBe("invalid results:error.unknownIndicator");
    expect(await revisionCount()).toBe(before);
    expect(await getMeasure(database.db, planSlug, "W-9", "de")).toBeNull();
  });

  it("lets only planners and admins change the catalogue", async () => {
    const input = { planSlug, code: "W-2", maturity: "A", reason: "Test" };
    expect(await refusal(setMaturity(database.db, moderator, input))).toBe("forbidden common:error.forbiddenText");
    expect(await refusal(setMaturity(database.db, { kind: "anonymous" }, input))).toBe("unauthenticated common:error.forbiddenText");
    const admin = await createStaff(database.db, "admin");
    expect((await setMaturity(database.db, admin, input)).measure.code).toBe("W-2");
  });

  it("numbers revisions one after another when planners save at the same moment", async () => {
    const [{ top }] = (await database.db.select({ top: count() }).from(planRevisions)) as [{ top: number }];
    const saves = await Promise.all(
      [1, 2, 3, 4, 5].map((round) =>
        acceptedChange(recordingDeps(database.db), planner, planSlug, { kind: "changeMeasure", code: "W-3", changes: { title: `Beratung, Runde ${round}` } }, `Runde ${round}`),
      ),
    );
    expect(saves.map((s) => s.revision!.number).sort((a, b) => a - b)).toEqual([top + 1, top + 2, top + 3, top + 4, top + 5]);
    const history = await measureHistory(database.db, planner, { planSlug, code: "W-3" });
    expect(history.revisions).toHaveLength(6);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../../app/auth/actor";
import { getCatalogue, getMeasure } from "../../app/catalogue/catalogue.server";
import { exportCatalogue } from "../../app/catalogue/export.server";
import { setMaturity } from "../../app/catalogue/revisions.server";
import { measureSummaries, planIdOf, resolveCatalogueRefs } from "../../app/catalogue/summaries.server";
import { confirmMeasureTranslation, reviewMeasureTranslation, saveMeasureTranslation } from "../../app/catalogue/translate.server";
import { translationEditor, translationWorkbench } from "../../app/catalogue/workbench.server";
import { shownMeasure } from "../../app/catalogue/translated";
import { openTestDatabase, type TestDatabase } from "../support/database";
import { createStaff, recordingDeps, refusal } from "../support/fixtures";
import { acceptedChange, importTestPlan, testPlanSlug as planSlug } from "../support/results-fixtures";

let database: TestDatabase;
let planner: StaffActor;
let moderator: StaffActor;

beforeAll(async () => {
  database = await openTestDatabase();
  await importTestPlan(recordingDeps(database.db));
  planner = await createStaff(database.db, "planner");
  moderator = await createStaff(database.db, "moderator");
});
afterAll(() => database.close());

const save = (input: Record<string, unknown>) =>
  saveMeasureTranslation(database.db, planner, { planSlug, code: "W-1", seenRevision: 1, state: "draft", ...input });

describe("measure translations", () => {
  it("refuses a moderator, the plan's own language and an empty title", async () => {
    expect(await refusal(saveMeasureTranslation(database.db, moderator, { planSlug, code: "W-1", language: "tr", seenRevision: 1, state: "draft", title: "x" }), "code")).toBe("forbidden");
    expect(await refusal(save({ language: "de", title: "Wohnen" }), "messageKey")).toBe("catalogue:translations.error.originalLanguage");
    expect(await refusal(save({ language: "tr", title: "  " }), "code")).toBe("invalid");
    expect(await refusal(save({ language: "tr", title: "x", seenRevision: 99 }), "code")).toBe("invalid");
  });

  it("shows a saved translation to its readers and German, marked, to the others", async () => {
    await save({ language: "tr", title: "Evsizliği önlemek", summary: "Kimse evini kaybetmesin." });
    await save({ language: "ar", title: "منع التشرد", objective: "تقليل حالات الإخلاء", state: "reviewed" });

    const tr = await getMeasure(database.db, planSlug, "W-1", "tr");
    expect(tr).toMatchObject({ title: "Evsizliği önlemek", summary: "Kimse evini kaybetmesin.", contentLanguage: "tr", note: "draft", translation: { state: "draft", outdated: false } });
    // The Turkish gives no objective: that field stays German, in German.
    expect(tr!.objective).toBe("Weniger Räumungen");
    expect(tr!.fieldLanguages.objective).toBe("de");
    const ar = await getMeasure(database.db, planSlug, "W-1", "ar");
    expect(ar).toMatchObject({ objective: "تقليل حالات الإخلاء", fieldLanguages: { objective: "ar" }, note: "none", translation: { state: "reviewed" } });
    const pl = await getMeasure(database.db, planSlug, "W-1", "pl");
    expect(pl).toMatchObject({ title: "Wohnungslosigkeit vermeiden", contentLanguage: "de", note: "original", summary: null });

    const catalogue = await getCatalogue(database.db, planSlug, {}, "tr");
    expect(catalogue!.measures.find((m) => m.code === "W-1")).toMatchObject({ title: "Evsizliği önlemek", titleLanguage: "tr", note: "draft" });
    expect(catalogue!.measures.find((m) => m.code === "W-2")).toMatchObject({ title: "Quartierswohnungen", titleLanguage: "de", note: "original" });

    const bench = await translationWorkbench(database.db, planner, planSlug, "tr");
    expect(bench.counts).toMatchObject({ unreviewed: 1, outdated: 0, reviewed: 0, missing: bench.measures.length - 1 });
    expect(bench.languages).not.toContain("de");
    expect(bench.languages).toContain("de-x-ls");
  });

  it("keeps a translation current when a revision changes nothing it covers", async () => {
    await setMaturity(database.db, planner, { planSlug, code: "W-1", maturity: "C", reason: "Neu eingeschätzt" });
    expect((await getMeasure(database.db, planSlug, "W-1", "tr"))!.note).toBe("draft");
  });

  it("marks translations outdated when a planner's decision changes the objective", async () => {
    const change = await acceptedChange(recordingDeps(database.db), planner, planSlug, {
      kind: "changeMeasure",
      code: "W-1",
      changes: { objective: "Weniger Räumungen, mehr Beratung vor Ort" },
    }, "Ziel nach der Zukunftskonferenz geschärft");
    const revision = change.revision!.number;

    // The summary retells the whole measure and the Arabic translates the objective: both outdated.
    for (const language of ["tr", "ar"]) {
      const bench = await translationWorkbench(database.db, planner, planSlug, language);
      expect(bench.counts.outdated).toBe(1);
      expect(bench.measures.find((m) => m.code === "W-1")!.status).toBe("outdated");
      const seen = await getMeasure(database.db, planSlug, "W-1", language);
      expect(seen!.note).toBe("outdated");
    }
    const editor = await translationEditor(database.db, planner, planSlug, "W-1", "ar");
    expect(editor.revision).toBe(revision);
    expect(editor.translation!.changedSources).toEqual(["objective"]);

    // Participants: the agenda item's measure carries its translations, and the one rule picks.
    const [summary] = (await measureSummaries(database.db, [(await measureIdOf("W-1"))])).values();
    const shown = shownMeasure(summary!, summary!.language, summary!.translations, "tr");
    expect(shown).toMatchObject({ title: { text: "Evsizliği önlemek", language: "tr" }, note: "outdated" });
  });

  it("confirms an outdated translation only against the German as it stands", async () => {
    const bench = await translationEditor(database.db, planner, planSlug, "W-1", "tr");
    const stale = { planSlug, code: "W-1", language: "tr", seenRevision: 1 };
    expect(await refusal(confirmMeasureTranslation(database.db, planner, stale), "messageKey")).toBe("catalogue:translations.error.changedMeanwhile");
    expect(await refusal(confirmMeasureTranslation(database.db, planner, { ...stale, language: "fa", seenRevision: bench.revision }), "code")).toBe("not_found");
    await confirmMeasureTranslation(database.db, planner, { ...stale, seenRevision: bench.revision });
    const tr = await getMeasure(database.db, planSlug, "W-1", "tr");
    expect(tr).toMatchObject({ note: "draft", translation: { state: "draft", outdated: false } });
  });

  it("marks a translation reviewed, which also settles it on the German seen", async () => {
    const { revision } = await translationEditor(database.db, planner, planSlug, "W-1", "ar");
    await reviewMeasureTranslation(database.db, planner, { planSlug, code: "W-1", language: "ar", seenRevision: revision });
    const bench = await translationWorkbench(database.db, planner, planSlug, "ar");
    expect(bench.counts).toMatchObject({ outdated: 0, reviewed: 1 });
    const editor = await translationEditor(database.db, planner, planSlug, "W-1", "ar");
    expect(editor.translation).toMatchObject({ state: "reviewed", status: "reviewed", updatedBy: planner.displayName });
  });
});

async function measureIdOf(code: string): Promise<string> {
  const planId = (await planIdOf(database.db, planSlug))!;
  return (await resolveCatalogueRefs(database.db, planId, { measureCodes: [code], clusterKeys: [] })).measures.get(code.toLowerCase())!;
}

describe("exporting translations", () => {
  it("carries every translation with its language, state and whether it is outdated", async () => {
    const file = await exportCatalogue(database.db, { kind: "anonymous" }, { planSlug, format: "json", dataset: "translations" });
    expect(file.filename).toBe(`${planSlug}-translations.json`);
    const { original, translations } = JSON.parse(file.body) as { original: string; translations: Record<string, unknown>[] };
    expect(original).toBe("de");
    expect(translations).toEqual([
      expect.objectContaining({ code: "W-1", language: "ar", state: "reviewed", outdated: false, title: "منع التشرد" }),
      expect.objectContaining({ code: "W-1", language: "tr", state: "draft", outdated: false, summary: "Kimse evini kaybetmesin." }),
    ]);
  });
});

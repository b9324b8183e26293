import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCatalogue, getMeasure } from "../../app/catalogue/catalogue.server";
import { translationEditor } from "../../app/catalogue/workbench.server";
import { loadDemoData } from "../../app/demo/demo-data.server";
import { demoTranslationLanguages, demoTranslationsDir, loadDemoTranslations } from "../../app/demo/demo-translations.server";
import { openTestDatabase, type TestDatabase } from "../support/database";
import { createStaff } from "../support/fixtures";

const slug = "ziele-und-massnahmen-2022-2023";
const fixtureDir = fileURLToPath(new URL("./fixtures/translations", import.meta.url));
let database: TestDatabase;

// The demo catalogue's three plans take a while on a busy machine.
beforeAll(async () => {
  database = await openTestDatabase();
  await loadDemoData(database.db);
}, 240_000);
afterAll(() => database.close());

describe("demo translations", () => {
  it("loads every file present as drafts by no one, based on the plan's current revision, once", async () => {
    const loaded = await loadDemoTranslations(database.db, fixtureDir);
    expect(loaded).toEqual([
      { plan: slug, language: "ar", added: expect.any(Number) },
      { plan: slug, language: "tr", added: expect.any(Number) },
    ]);
    const measure = await getMeasure(database.db, slug, "540-2", "tr");
    // The demo's own files may hold the same measure already: a loaded translation is left as it is.
    expect(measure).toMatchObject({ contentLanguage: "tr", note: "draft", translation: { state: "draft", outdated: false } });
    expect(measure!.summary).toBeTruthy();
    const editor = await translationEditor(database.db, await createStaff(database.db, "planner"), slug, "540-2", "ar");
    expect(editor.translation).toMatchObject({ state: "draft", updatedBy: null, baseRevision: editor.revision });

    const again = await loadDemoTranslations(database.db, fixtureDir);
    expect(again.every((l) => l.added === 0)).toBe(true);
  });

  it("refuses a file whose name and meta disagree", async () => {
    const dir = fs.mkdtempSync(`${fixtureDir}-broken-`);
    try {
      fs.mkdirSync(`${dir}/${slug}`);
      fs.copyFileSync(`${fixtureDir}/${slug}/tr.json`, `${dir}/${slug}/pl.json`);
      await expect(loadDemoTranslations(database.db, dir)).rejects.toThrow(/meta.language is tr/);
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });

  // The demo's files come from two other branches (issue 11); until they are merged this fails.
  it("gives every measure of the 2022/2023 plan a title and a summary in all nine languages", async () => {
    const missing: string[] = [];
    for (const language of demoTranslationLanguages) {
      if (!fs.existsSync(`${demoTranslationsDir}/${slug}/${language}.json`)) missing.push(`${language}: no file`);
      const catalogue = await getCatalogue(database.db, slug, {}, language);
      expect(catalogue!.measures).toHaveLength(39);
      for (const m of catalogue!.measures) {
        if (m.titleLanguage !== language) missing.push(`${language}: ${m.code} has no title`);
        if (!m.summary) missing.push(`${language}: ${m.code} has no summary`);
      }
    }
    expect(missing).toEqual([]);
  });
});

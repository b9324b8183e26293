import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCatalogue, getMeasure, parseCatalogueFilter } from "../../app/catalogue/catalogue.server";
import { importPlan } from "../../app/catalogue/import.server";
import { plans } from "../../db/schema";
import { loadDemoData, readDemoPlan } from "../../app/demo/demo-data.server";
import { openTestDatabase, type TestDatabase } from "../support/database";

const slug = "ziele-und-massnahmen-2022-2023";
let database: TestDatabase;

beforeAll(async () => {
  database = await openTestDatabase();
  await loadDemoData(database.db);
});
afterAll(() => database.close());

describe("catalogue filters", () => {
  it("finds a measure by its code", async () => {
    const catalogue = await getCatalogue(database.db, slug, { q: "540-2" });
    expect(catalogue!.measures.map((m) => m.code)).toEqual(["540-2"]);
    expect(catalogue!.measureTotal).toBe(39);
  });

  it("finds measures by words, every word must match, case-insensitive", async () => {
    const kita = await getCatalogue(database.db, slug, { q: "KITAS" });
    expect(kita!.measures.map((m) => m.code)).toContain("510-2");
    const both = await getCatalogue(database.db, slug, { q: "kitas fachkräfte" });
    expect(both!.measures.length).toBeLessThan(kita!.measures.length);
  });

  it("treats LIKE wildcards in a search as plain characters", async () => {
    // Unescaped, "_" would match any one character and "Kita_" would find "Kitas".
    const catalogue = await getCatalogue(database.db, slug, { q: "Kita_" });
    expect(catalogue!.measures).toEqual([]);
  });

  it("filters by responsible unit and by focus theme", async () => {
    const jugendamt = await getCatalogue(database.db, slug, { unit: "510" });
    expect(jugendamt!.measures.map((m) => m.code).sort()).toEqual(["510-1", "510-2", "510-3", "510-4", "510-5"]);
    const cluster = jugendamt!.clusters.find((c) => c.title === "Soziales Miteinander im Quartier")!;
    const themed = await getCatalogue(database.db, slug, { cluster: cluster.key });
    expect(themed!.measures.map((m) => m.code)).toEqual(["540-2"]);
  });

  it("filters by maturity: the 2022/2023 catalogue assigns none", async () => {
    const catalogue = await getCatalogue(database.db, slug, { maturity: "A" });
    expect(catalogue!.measures).toEqual([]);
  });

  it("drops unknown filter values instead of failing", () => {
    const filter = parseCatalogueFilter(new URLSearchParams("maturity=Z&q=kita&unit="));
    expect(filter).toEqual({ q: "kita" });
  });

  it("answers null for an unknown plan or measure", async () => {
    expect(await getCatalogue(database.db, "no-such-plan")).toBeNull();
    expect(await getMeasure(database.db, slug, "999-9", "de")).toBeNull();
  });

  it("finds a measure whatever the case of its code", async () => {
    const measure = await getMeasure(database.db, slug, "jobcenter-1", "en");
    expect(measure!.code).toBe("Jobcenter-1");
    // The demo's English draft gives the title and a summary; the other fields stay German.
    expect(measure!.contentLanguage).toBe("en");
    expect(measure!.translation).toEqual({ state: "draft", outdated: false });
    expect(measure!.fieldLanguages.objective).toBe("de");
  });
});

describe("catalogue import", () => {
  it("rejects a file with a dangling reference and stores nothing", async () => {
    const file = structuredClone(readDemoPlan("corona-aktionsplan-2021.json")) as Record<string, unknown>;
    file.slug = "broken-plan";
    file.measures = [
      {
        code: "X-1",
        title: "Test",
        sectionKey: null,
        clusterKey: "no-such-cluster",
        goalKey: null,
        unitCode: null,
        maturity: null,
        situation: null,
        objective: null,
        actions: null,
        steps: null,
        stakeholders: null,
        responsible: null,
        dataSources: null,
        indicators: [],
      },
    ];
    const before = await database.db.select({ n: count() }).from(plans);
    await expect(importPlan(database.db, file, { reason: "test" })).rejects.toThrow(/unknown reference/);
    const after = await database.db.select({ n: count() }).from(plans);
    expect(after).toEqual(before);
  });

  it("rejects a file that is not a catalogue at all", async () => {
    await expect(importPlan(database.db, { slug: "x" }, { reason: "test" })).rejects.toThrow();
  });
});

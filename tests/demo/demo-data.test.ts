import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCatalogue, getMeasure } from "../../app/catalogue/catalogue.server";
import { clusters, goals, measures, planRevisions, plans } from "../../db/schema";
import { loadDemoData } from "../../app/demo/demo-data.server";
import { openTestDatabase, type TestDatabase } from "../support/database";

let database: TestDatabase;

beforeAll(async () => {
  database = await openTestDatabase();
  await loadDemoData(database.db);
});
afterAll(() => database.close());

async function countWhere(table: typeof measures | typeof clusters | typeof goals, slug: string) {
  const [row] = await database.db
    .select({ n: count() })
    .from(table)
    .innerJoin(plans, eq(plans.id, table.planId))
    .where(eq(plans.slug, slug));
  return row!.n;
}

describe("demo data from the city's documents", () => {
  it("loads the four plans with their measures, clusters and goals", async () => {
    expect(await countWhere(measures, "ziele-und-massnahmen-2022-2023")).toBe(39);
    expect(await countWhere(goals, "modellvorhaben-familienfreundlichkeit")).toBe(5);
    expect(await countWhere(measures, "modellvorhaben-familienfreundlichkeit")).toBe(5);
    expect(await countWhere(clusters, "modellvorhaben-familienfreundlichkeit")).toBe(4);
    expect(await countWhere(clusters, "corona-aktionsplan-2021")).toBe(8);
    expect(await countWhere(goals, "integrationskonzept")).toBe(16);
    expect(await countWhere(measures, "integrationskonzept")).toBe(58);
  });

  it("keeps the Corona-Aktionsplan's eight clusters by name", async () => {
    const catalogue = await getCatalogue(database.db, "corona-aktionsplan-2021");
    expect(catalogue!.clusters.map((c) => c.title)).toEqual([
      "Teilhabe durch Digitalisierung",
      "Sprachförderung",
      "Schule und Bildung",
      "Gleichstellung der Geschlechter",
      "Aktivierung, Freizeit und Bewegung",
      "Prävention und Gesundheitsförderung",
      "Arbeitsmarkt",
      "Zugänge, Armut und Vereinsamung",
    ]);
  });

  it("keeps the facts of known measures exact", async () => {
    const slug = "ziele-und-massnahmen-2022-2023";
    const jobcenter1 = await getMeasure(database.db, slug, "Jobcenter-1", "de");
    expect(jobcenter1!.title).toBe("Ausbildungsvermittlung von Jugendlichen");
    expect(jobcenter1!.sectionPath).toEqual(["Arbeitssuchende Menschen", "Zielgruppe Jugendliche"]);
    expect(jobcenter1!.objective).toBe("Jugendliche in den Ausbildungsmarkt integrieren.");
    expect(jobcenter1!.indicators[0]!.text).toContain("543 Einmündungen von Bewerber*innen in eine Ausbildung");
    expect(jobcenter1!.dataSources).toContain("SGB III-Cockpit der Bundesagentur für Arbeit");
    expect(jobcenter1!.unit!.code).toBe("Jobcenter");

    const kitas = await getMeasure(database.db, slug, "510-2", "de");
    expect(kitas!.title).toBe("Schaffung neuer Kitas");
    expect(kitas!.unit!.name).toBe("Jugendamt");
    expect(kitas!.indicators.map((i) => i.text).join(" ")).toContain("vier neuen Kitas");

    const quartier = await getMeasure(database.db, slug, "540-2", "de");
    expect(quartier!.title).toBe("Soziales Miteinander in den Quartieren stärken");
    expect(quartier!.sectionPath).toEqual(["Quartiersentwicklung"]);
    expect(quartier!.cluster!.title).toBe("Soziales Miteinander im Quartier");
    expect(quartier!.situation).toContain("Der soziale Zusammenhalt ist aber ein wichtiger Resilienzfaktor");

    const rege5 = await getMeasure(database.db, slug, "REGE-5", "de");
    expect(rege5!.title).toBe("Quartiersarbeit / Nachfolgeprojekte für die Quartiere entwickeln");
    expect(rege5!.unit!.name).toBe("REGE mbH");
  });

  it("keeps the model project Familienfreundlichkeit as the source says it", async () => {
    const slug = "modellvorhaben-familienfreundlichkeit";
    const catalogue = await getCatalogue(database.db, slug);
    expect(catalogue!.goals.map((g) => g.title)).toEqual([
      "Sprachförderung",
      "Neuausrichtung der Schulsozialarbeit",
      "Projekt Übergang Kita-Grundschule (KIGS)",
      "Gesundheit, Ernährung, Bewegung",
      "Quartiersentwicklung",
    ]);
    expect(catalogue!.sections.map((s) => s.title)).toEqual(["Kinder im Elementarbereich"]);
    expect(catalogue!.clusters.map((c) => c.title)).toContain("Einheitliche Anlaufstelle von Jugendberufshilfe und SGB II");
    expect(catalogue!.plan.description).toContain("bis in die 92 statistischen Bezirke hinein");
    const kigs = await getMeasure(database.db, slug, "FF-3", "de");
    expect(kigs!.title).toBe("Projekt Übergang Kita-Grundschule (KIGS)");
    expect(kigs!.goal!.title).toBe("Projekt Übergang Kita-Grundschule (KIGS)");
    expect(kigs!.sectionPath).toEqual(["Kinder im Elementarbereich"]);
    expect(kigs!.stakeholders).toContain("Fachkräften aus dem Gesundheitswesen (z. B. Kinderärzte), Träger der freien Wohlfahrtspflege");
  });

  it("has clean text: no HTML or extraction remnants in any field", async () => {
    const rows = await database.db.select().from(measures);
    const textOf = (m: (typeof rows)[number]) =>
      [m.title, m.situation, m.objective, m.actions, m.steps, m.stakeholders, m.responsible, m.dataSources].join("\n");
    for (const m of rows) {
      expect(textOf(m), m.code).not.toMatch(/<\/?[a-z][^>]*>|\*\*|•|\t/);
    }
  });

  it("is idempotent: a second load adds nothing", async () => {
    const before = await database.db.select({ n: count() }).from(measures);
    const results = await loadDemoData(database.db);
    expect(results.every((r) => !r.created)).toBe(true);
    const after = await database.db.select({ n: count() }).from(measures);
    expect(after).toEqual(before);
    const revisions = await database.db.select({ n: count() }).from(planRevisions);
    expect(revisions[0]!.n).toBe(4);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../../app/auth/actor";
import { catalogueFileSchema } from "../../app/catalogue/catalogue-file";
import { catalogueCsv, catalogueFile, exportCatalogue } from "../../app/catalogue/export.server";
import { importPlan } from "../../app/catalogue/import.server";
import { recordIndicatorValue } from "../../app/catalogue/revisions.server";
import { untrusted } from "../../app/csv";
import { demoPlanFiles, readDemoPlan } from "../../app/demo/demo-data.server";
import { openTestDatabase, type TestDatabase } from "../support/database";
import { createStaff, recordingDeps } from "../support/fixtures";
import { acceptedChange, importTestPlan, testPlanSlug } from "../support/results-fixtures";

let source: TestDatabase;
let target: TestDatabase;
let planner: StaffActor;
const slugs = demoPlanFiles.map((file) => (readDemoPlan(file) as { slug: string }).slug);

beforeAll(async () => {
  [source, target] = await Promise.all([openTestDatabase({ demo: true }), openTestDatabase()]);
  await importTestPlan(recordingDeps(source.db));
  planner = await createStaff(source.db, "planner");
  // The catalogue as planners left it: a new measure, changed fields, an actual value.
  await acceptedChange(recordingDeps(source.db), planner, slugs[0]!, {
    kind: "newMeasure",
    measure: {
      code: "540-9",
      title: "Sprachcafé im Quartier",
      unitCode: "540",
      maturity: "C",
      objective: "Begegnung, Sprache und \"Nachbarschaft\"",
      indicators: [{ text: "Teilnehmende pro Monat", targetValue: "mind. 40", dueDate: "2027-06-30" }],
    },
  }, "Aus der Zukunftskonferenz");
  await acceptedChange(recordingDeps(source.db), planner, slugs[0]!, { kind: "changeMeasure", code: "540-2", changes: { steps: "- Räume finden\n- Träger beauftragen" } }, "Neue Schritte");
  await recordIndicatorValue(source.db, planner, { planSlug: testPlanSlug, code: "W-1", indicator: 1, recordedOn: "2026-06-30", value: "87", reason: "Bericht" });
});
afterAll(() => Promise.all([source.close(), target.close()]));

describe("catalogue export", () => {
  it("survives the round trip: export, import into an empty database, export again, identical", async () => {
    for (const slug of [...slugs, testPlanSlug]) {
      const first = await exportCatalogue(source.db, { kind: "anonymous" }, { planSlug: slug, format: "json" });
      const file = JSON.parse(first.body) as unknown;
      expect(catalogueFileSchema.parse(file)).toEqual(file);
      expect((await importPlan(target.db, file, { reason: "Import eines Exports" })).created).toBe(true);
      const second = await exportCatalogue(target.db, { kind: "anonymous" }, { planSlug: slug, format: "json" });
      expect(second.body).toBe(first.body);
      const csv = await exportCatalogue(source.db, { kind: "anonymous" }, { planSlug: slug, format: "csv" });
      expect((await exportCatalogue(target.db, { kind: "anonymous" }, { planSlug: slug, format: "csv" })).body).toBe(csv.body);
    }
    const ziele = await catalogueFile(target.db, slugs[0]!);
    expect(ziele.measures.at(-1)).toMatchObject({ code: "540-9", maturity: "C", indicators: [{ targetValue: "mind. 40" }] });
    expect(ziele.measures.find((m) => m.code === "540-2")!.steps).toBe("- Räume finden\n- Träger beauftragen");
  });

  it("exports what the demo files hold, but only the units the measures name", async () => {
    const demo = readDemoPlan(demoPlanFiles[2]) as ReturnType<typeof catalogueFileSchema.parse>;
    const exported = await catalogueFile(source.db, demo.slug);
    expect({ ...exported, units: [] }).toEqual({ ...catalogueFileSchema.parse(demo), units: [] });
    const named = new Set(demo.measures.flatMap((m) => (m.unitCode ? [m.unitCode] : [])));
    expect(exported.units.map((u) => u.code).sort()).toEqual([...named].sort());
  });

  it("writes CSV by RFC 4180: one row per measure, quoted where needed, CRLF", async () => {
    const { body, contentType, filename } = await exportCatalogue(source.db, { kind: "anonymous" }, { planSlug: testPlanSlug, format: "csv", language: "en" });
    expect([contentType, filename]).toEqual(["text/csv; charset=utf-8", `${testPlanSlug}.csv`]);
    expect(body.startsWith("\uFEFFCode,Title,Target group,Focus theme,Goal,Responsible unit,Maturity,")).toBe(true);
    const rows = parseCsv(body.slice(1));
    expect(rows).toHaveLength(1 + 4);
    expect(rows.every((r) => r.length === rows[0]!.length)).toBe(true);
    const w3 = rows.find((r) => r[0] === "W-3")!;
    expect(w3[1]).toBe('Beratung, "Wohnen im Alter"');
    expect(body).toContain('"Beratung, ""Wohnen im Alter"""');
    const w1 = rows.find((r) => r[0] === "W-1")!;
    expect(w1.slice(2, 7)).toEqual(["Quartier", "Wohnen", "Gutes Wohnen für alle", "540 Büro für Integrierte Sozialplanung und Prävention", ""]);
    expect(rows.find((r) => r[0] === "B-1")![6]).toBe("A – Where we stand");
    expect(w1.slice(-3)).toEqual(["Zahl der verhinderten Räumungen", "120", "2027-12-31"]);
    // A cell that starts with "-" reads as a formula in Excel, so it is written as text.
    expect(rows.find((r) => r[0] === "W-2")![10]).toBe("'- Bedarf erheben\n- Träger finden");
  });

  it("writes German headings, maturity names and semicolons for a German reader", async () => {
    const { body } = await exportCatalogue(source.db, { kind: "anonymous" }, { planSlug: testPlanSlug, format: "csv", language: "de" });
    const lines = body.slice(1).split("\r\n");
    expect(lines[0]).toBe(
      "Code;Titel;Zielgruppe;Schwerpunktthema;Ziel;Verantwortliche Stelle;Reifegrad;Ausgangslage / Problemanalyse;Zielsetzung;" +
        "Maßnahme(n) zur Zielerreichung;Umsetzungsschritte;Beteiligte;Verantwortliche;Datenquellen;Indikatoren;Zielwerte;Termine",
    );
    expect(lines).toContain("B-1;Bildungskarte;Quartier;Bildung;;540 Büro für Integrierte Sozialplanung und Prävention;A – Wo wir stehen;;;;;;;;;;");
    // A comma needs no quotes where the separator is a semicolon; a quote still does.
    expect(lines.find((l) => l.startsWith("W-3;"))).toMatch(/^W-3;"Beratung, ""Wohnen im Alter""";Quartier;/);
  });

  it("defuses spreadsheet formulas in text written by participants", () => {
    expect([untrusted("=HYPERLINK(1)"), untrusted("-2"), untrusted("Gut"), untrusted(null)]).toEqual(["'=HYPERLINK(1)", "'-2", "Gut", null]);
  });

  it("defuses formulas in imported titles and every other text cell", async () => {
    const file = await catalogueFile(source.db, testPlanSlug);
    const formula = '=HYPERLINK("http://x","y")';
    const [first, ...rest] = file.measures;
    const poisoned = { ...file, measures: [{ ...first!, title: formula, responsible: "@SUM(1)", dataSources: "+1", stakeholders: "\tx" }, ...rest] };
    const row = parseCsv(catalogueCsv(poisoned, "en").slice(1)).find((r) => r[0] === first!.code)!;
    expect(catalogueCsv(poisoned, "de")).toContain(`${first!.code};"'${formula.replace(/"/g, '""')}";`);
    expect(row[1]).toBe(`'${formula}`);
    expect(row.slice(12, 14)).toEqual(["'@SUM(1)", "'+1"]);
    expect(row[11]).toBe("'\tx");
  });
});

/** A small RFC 4180 reader: quoted fields, doubled quotes, CRLF between records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const next = text[i + 1];
    if (quoted && c === '"' && next === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ",") {
      row.push(field);
      field = "";
    } else if (!quoted && c === "\r" && next === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else {
      field += c;
    }
  }
  return rows;
}

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../../app/auth/actor";
import type { DomainError } from "../../app/errors";
import { exportConference } from "../../app/feedback/conference-export.server";
import { eq } from "drizzle-orm";
import { agendaItems, comments, decisionReasons, liveSessions, participants, votes } from "../../db/schema";
import { openTestDatabase, type TestDatabase } from "../support/database";
import { createStaff, recordingDeps } from "../support/fixtures";
import { commentOn, decidedConference, handMadeConference, importTestPlan, translateTestPlan } from "../support/results-fixtures";

let database: TestDatabase;
let planner: StaffActor;
let conference: Awaited<ReturnType<typeof decidedConference>>;
const anonymous = { kind: "anonymous" } as const;

beforeAll(async () => {
  database = await openTestDatabase();
  const deps = recordingDeps(database.db);
  await importTestPlan(deps);
  const moderator = await createStaff(database.db, "moderator");
  planner = await createStaff(database.db, "planner");
  const live = await handMadeConference(deps, moderator);
  await commentOn(deps, moderator, live.liveSessionId, live.participants[4]!, live.items.question, "=HYPERLINK(\"http://x\")");
  conference = await decidedConference(deps, moderator, planner, live);
  await translateTestPlan(deps);
  await database.db.update(agendaItems).set({ questionTranslations: { ar: "ما الذي ينقص؟", en: "What is missing?" } }).where(eq(agendaItems.id, live.items.question));
});
afterAll(() => database.close());

const get = async (actor: Parameters<typeof exportConference>[1], dataset: string, format: "json" | "csv", language = "de") =>
  exportConference(database.db, actor, { conferenceId: conference.conferenceId, dataset, format, language });
const csvRows = (body: string) => body.slice(1).trimEnd().split("\r\n");

describe("exports of a conference", () => {
  it("exports results one row per agenda item, for German Excel: semicolons, decimal commas, German headings", async () => {
    const { body, filename } = await get(planner, "results", "csv");
    expect(filename).toBe("results-zukunftskonferenz-mitte.csv");
    expect(body.startsWith("\uFEFF")).toBe(true);
    const lines = csvRows(body);
    expect(lines[0]).toBe(
      "Sitzung;Nr.;Tagesordnungspunkt;Art;Personen, die abgestimmt haben;Kommentare;Punkte;davon auf Papier;" +
        "Anteil an allen Punkten der Sitzung (0 bis 1);Skala 1–10: Mittelwert;Skala 1–10: Median;" +
        "Skala 1–10: Anteil 7 oder mehr (0 bis 1);Skala 1–10: Einigkeit (0 bis 1);Dringlichkeit: Mittelwert;Wirkung: Mittelwert;Rangfolge",
    );
    const session = "Zukunftskonferenz Mitte: Priorisierung";
    expect(lines[1]).toBe(`${session};1;W-1 Wohnungslosigkeit vermeiden;Maßnahme;12;2;24;4;0,8;6,46;7;0,62;0,38;3,91;3,2;`);
    expect(lines[2]).toBe(`${session};2;B-1 Bildungskarte;Maßnahme;3;1;6;0;0,2;;;;;;;`);
    // The ranking of the focus theme is one cell, a line per measure.
    expect(body).toContain(`${session};3;Wohnen;Schwerpunktthema;4;0;;;;;;;;;;"1. W-2: 3× auf Platz 1, 7 Rangpunkte\n2. W-3: 1× auf Platz 1,`);
    expect(body).toContain(`\n${session};4;Was fehlt?;Offene Frage;0;1;;;;;;;;;;\r\n`);
    // One row per item: the header and four items.
    expect(parseRows(body, ";")).toHaveLength(1 + 4);
    const json = JSON.parse((await get(anonymous, "results", "json")).body) as { items: unknown[] }[];
    expect(json[0]!.items).toHaveLength(4);
  });

  it("writes commas and decimal points for an English reader", async () => {
    const lines = csvRows((await get(planner, "results", "csv", "en")).body);
    expect(lines[0]!.startsWith("Session,No.,Agenda item,Kind,People who voted,Comments,Dots,")).toBe(true);
    expect(lines[1]).toBe("Zukunftskonferenz Mitte: Priorisierung,1,W-1 Wohnungslosigkeit vermeiden,Measure,12,2,24,4,0.8,6.46,7,0.62,0.38,3.91,3.2,");
  });

  it("exports breakdowns one row per cell, with suppressed cells marked and never named", async () => {
    const lines = csvRows((await get(planner, "breakdowns", "csv")).body);
    expect(lines[0]).toBe("Sitzung;Nr.;Tagesordnungspunkt;Kennzahl;Aufgeschlüsselt nach;Wer;Personen;Wert;Skala 1–10: Anteil 7 oder mehr (0 bis 1);Zu klein zum Anzeigen");
    const w1 = "Zukunftskonferenz Mitte: Priorisierung;1;W-1 Wohnungslosigkeit vermeiden";
    expect(lines).toContain(`${w1};Punkte;Gruppe;Bürgerin oder Bürger;6;12;;nein`);
    expect(lines).toContain(`${w1};Zufriedenheit (Skala 1–10);Gruppe;Bürgerin oder Bürger;6;7,17;0,67;nein`);
    // Suppressed groups are one row without a segment: neither youth nor migrant organisations show.
    expect(lines).toContain(`${w1};Punkte;Gruppe;;;;;ja`);
    expect(lines.filter((l) => l.startsWith(`${w1};Punkte;Gruppe;`))).toHaveLength(2);
    expect(lines.filter((l) => l.endsWith(";ja")).every((l) => /;(Gruppe|Stadtteil|Sprache);;;;;ja$/.test(l))).toBe(true);
    expect(lines.join("\n")).not.toMatch(/Jugendliche|Migrantenorganisation/);
  });

  it("gives hidden comments and proposals only to staff, and never the authors", async () => {
    const staff = (await get(planner, "comments", "csv")).body;
    const pub = (await get(anonymous, "comments", "csv")).body;
    expect(staff).toContain("Beleidigung;Deutsch;");
    expect(staff).toContain("Beleidigend");
    // Comments are named by the measure's code and title.
    expect(staff).toContain(";W-1 Wohnungslosigkeit vermeiden;;Mehr Beratung vor Ort.;Deutsch;");
    expect(pub).not.toContain("Beleidigung");
    expect(csvRows(pub)).toHaveLength(1 + 4);
    // A comment that starts like a formula is written as text.
    expect(pub).toContain(`"'=HYPERLINK(""http://x"")"`);
    const proposals = JSON.parse((await get(anonymous, "proposals", "json")).body) as { title: string; decision: string | null }[];
    expect(proposals.map((p) => [p.title, p.decision])).toEqual([
      ["Sprachcafé im Quartier", "accepted"],
      ["Mehr Wohnungen für Familien", "declined"],
    ]);
    expect((await get(planner, "proposals", "json")).body).toContain("Werbung");
    expect(staff + pub).not.toMatch(/authorName|participantId/);
  });

  it("exports decisions with a reason column per language, in the reader's words", async () => {
    const lines = csvRows((await get(anonymous, "decisions", "csv")).body);
    expect(lines[0]).toBe(
      "ID;Art des Beitrags;ID des Beitrags;Entscheidung;Entschieden (Ortszeit Bielefeld);Maßnahme;Zusammengeführt mit;Planfassung;" +
        "Begründung auf Deutsch;Begründung auf Leichte Sprache;Begründung auf Englisch;Begründung auf Türkisch;Begründung auf Arabisch;" +
        "Begründung auf Kurdisch (Kurmandschi);Begründung auf Ukrainisch;Begründung auf Russisch;Begründung auf Polnisch;Begründung auf Persisch",
    );
    const accepted = lines.find((l) => l.includes(conference.proposals.newIdea))!;
    expect(accepted).toMatch(/^[0-9a-f-]{36};Vorschlag;[0-9a-f-]{36};Übernommen;\d\d\.\d\d\.\d{4} \d\d:\d\d;/);
    expect(accepted).toMatch(/;W-4 Sprachcafé im Quartier;;2;Das Sprachcafé startet im Herbst\.;;;;يبدأ المقهى اللغوي في الخريف\.;;;;;$/);
    expect(lines).toHaveLength(1 + 4);
    expect(csvRows((await get(anonymous, "decisions", "csv", "en")).body)[0]).toMatch(/^ID,Kind of input,Input ID,Decision,Decided \(Bielefeld local time\),/);
  });

  it("exports the translations of the measures and questions the other datasets name, each with its language and state", async () => {
    const json = JSON.parse((await get(anonymous, "translations", "json")).body) as Record<string, unknown>[];
    // The items' W-1 and B-1, the decision's new W-4 (the ranked W-2 and W-3 have none), then the question; languages in the switcher's order.
    expect(json.map((r) => [r.kind, r.code, r.language, r.state, r.title])).toEqual([
      ["measure", "W-1", "tr", "draft", "Evsizliği önlemek"],
      ["measure", "W-1", "ar", "draft", "منع التشرد"],
      ["measure", "B-1", "tr", "draft", "Eğitim haritası"],
      ["measure", "B-1", "ar", "draft", "خريطة التعليم"],
      ["measure", "W-4", "tr", "draft", "Mahallede dil kafesi"],
      ["measure", "W-4", "ar", "draft", "مقهى اللغة في الحي"],
      ["question", null, "en", null, "What is missing?"],
      ["question", null, "ar", null, "ما الذي ينقص؟"],
    ]);
    expect(json[0]).toEqual({
      kind: "measure",
      code: "W-1",
      agendaItemId: null,
      original: "Wohnungslosigkeit vermeiden",
      language: "tr",
      state: "draft",
      outdated: false,
      title: "Evsizliği önlemek",
      summary: null,
      objective: null,
    });
    expect(json[6]).toMatchObject({ agendaItemId: conference.items.question, original: "Was fehlt?", outdated: false });

    const lines = csvRows((await get(anonymous, "translations", "csv")).body);
    expect(lines[0]).toBe(
      "Art;Original (Deutsch);Sprache;Übersetzung (Titel oder Frage);Kurzfassung in einfachen Worten;Zielsetzung;Stand der Übersetzung;" +
        "Veraltet (das Deutsche hat sich seither geändert)",
    );
    expect(lines[1]).toBe("Maßnahme;W-1 Wohnungslosigkeit vermeiden;Türkisch;Evsizliği önlemek;;;Entwurf;nein");
    expect(lines).toContain("Offene Frage;Was fehlt?;Arabisch;ما الذي ينقص؟;;;Von der Moderation geschrieben;nein");
    expect(lines).toHaveLength(1 + 8);
    // The other datasets keep the German originals.
    expect((await get(anonymous, "results", "csv")).body).toContain(";1;W-1 Wohnungslosigkeit vermeiden;");
  });

  it("writes times as Bielefeld's clocks showed them, day first for German readers", async () => {
    // 10:05 UTC on 1 July is 12:05 summer time; 10:05 UTC on 2 December is 11:05.
    await database.db.update(comments).set({ createdAt: new Date("2026-07-01T10:05:00Z") });
    expect((await get(anonymous, "comments", "csv")).body).toContain(";Deutsch;01.07.2026 12:05;nein;");
    expect((await get(anonymous, "comments", "csv", "en")).body).toContain(",German,2026-07-01 12:05,no,");
    await database.db.update(comments).set({ createdAt: new Date("2026-12-02T10:05:00Z") });
    expect((await get(anonymous, "comments", "csv")).body).toContain(";Deutsch;02.12.2026 11:05;nein;");
  });

  it("writes no text cell a spreadsheet would run as a formula: districts, titles, reasons", async () => {
    const formula = '=HYPERLINK("http://x","y")';
    await database.db.update(participants).set({ district: formula }).where(eq(participants.district, "Mitte"));
    // Breakdowns count the district a vote was cast with (decision 038); the trigger moves the cells.
    await database.db.update(votes).set({ district: formula }).where(eq(votes.district, "Mitte"));
    await database.db.update(liveSessions).set({ title: `+${formula}` });
    await database.db.update(decisionReasons).set({ text: `@${formula}` }).where(eq(decisionReasons.language, "de"));
    const quoted = (text: string) => `"'${text.replace(/"/g, '""')}"`;
    const results = (await get(planner, "results", "csv")).body;
    expect(results).toContain(`${quoted(`+${formula}`)};1;W-1 Wohnungslosigkeit vermeiden;`);
    expect(results).not.toMatch(/(^|;)"?[=+@]/m);
    const breakdowns = (await get(planner, "breakdowns", "csv")).body;
    expect(breakdowns).toContain(`;Stadtteil;${quoted(formula)};`);
    expect(breakdowns).not.toMatch(/(^|;)"?[=+@]/m);
    const decisions = (await get(anonymous, "decisions", "csv")).body;
    expect(decisions).toContain(quoted(`@${formula}`));
    expect(decisions).not.toMatch(/(^|;)"?[=+@]/m);
    expect((await get(anonymous, "decisions", "csv", "en")).body).not.toMatch(/(^|,)"?[=+@]/m);
    // Numbers stay numbers.
    expect(results).toContain(";12;2;24;4;0,8;6,46;");
  });

  it("refuses an unknown dataset or conference", async () => {
    const code = (p: Promise<unknown>) => p.then(() => null, (e: DomainError) => e.code);
    expect(await code(get(planner, "votes", "csv"))).toBe("invalid");
    expect(await code(exportConference(database.db, planner, { conferenceId: "00000000-0000-4000-8000-000000000000", dataset: "results", format: "csv" }))).toBe("not_found");
  });
});

/** Records of a CSV file: separators and line breaks inside quotes belong to the field. */
function parseRows(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const body = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted && c === '"' && body[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (!quoted && c === separator) {
      row.push(field);
      field = "";
    } else if (!quoted && c === "\r" && body[i + 1] === "\n") {
      rows.push([...row, field]);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  return rows;
}

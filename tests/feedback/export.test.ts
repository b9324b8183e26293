import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../../app/auth/actor";
import type { DomainError } from "../../app/errors";
import { exportConference } from "../../app/feedback/conference-export.server";
import { eq } from "drizzle-orm";
import { decisionReasons, liveSessions, participants } from "../../db/schema";
import { openTestDatabase, type TestDatabase } from "../support/database";
import { createStaff, recordingDeps } from "../support/fixtures";
import { commentOn, decidedConference, handMadeConference, importTestPlan } from "../support/results-fixtures";

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
});
afterAll(() => database.close());

const get = async (actor: Parameters<typeof exportConference>[1], dataset: string, format: "json" | "csv") =>
  exportConference(database.db, actor, { conferenceId: conference.conferenceId, dataset, format });
const csvRows = (body: string) => body.slice(1).trimEnd().split("\r\n");

describe("exports of a conference", () => {
  it("exports results in long form, one row per figure, with suppressed cells marked", async () => {
    const { body, filename } = await get(planner, "results", "csv");
    expect(filename).toBe("results-zukunftskonferenz-mitte.csv");
    const lines = csvRows(body);
    expect(lines[0]).toBe(
      "liveSession,position,item,title,figure,criterion,dimension,segment,participants,count,total,paper,share,mean,median,shareAtLeast7,consensus,points,firstPlaces,suppressed",
    );
    const session = "Zukunftskonferenz Mitte: Priorisierung";
    expect(lines).toContain(`${session},1,W-1,Wohnungslosigkeit vermeiden,dots,,,,,,24,4,0.8,,,,,,,`);
    expect(lines).toContain(`${session},1,W-1,Wohnungslosigkeit vermeiden,scale,,,,,13,,,,6.46,7,0.62,0.38,,,`);
    expect(lines).toContain(`${session},3,wohnen,Wohnen,ranking,W-2,,,,,,,,,,,,7,3,`);
    expect(lines).toContain(`${session},1,W-1,Wohnungslosigkeit vermeiden,dots,,group,citizen,6,,12,,,,,,,,,false`);
    // Suppressed groups are one row without a segment: neither "youth" nor "migrant_organisation" shows.
    expect(lines).toContain(`${session},1,W-1,Wohnungslosigkeit vermeiden,dots,,group,,,,,,,,,,,,,true`);
    expect(lines.filter((l) => l.startsWith(`${session},1,W-1,`) && l.includes(",dots,,group,"))).toHaveLength(2);
    expect(lines.filter((l) => l.endsWith(",true")).every((l) => /,(group|district|language),,/.test(l))).toBe(true);
    const json = JSON.parse((await get(anonymous, "results", "json")).body) as { items: unknown[] }[];
    expect(json[0]!.items).toHaveLength(4);
  });

  it("gives hidden comments and proposals only to staff, and never the authors", async () => {
    const staff = (await get(planner, "comments", "csv")).body;
    const pub = (await get(anonymous, "comments", "csv")).body;
    expect(staff).toContain("Beleidigung,de");
    expect(staff).toContain("Beleidigend");
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

  it("exports decisions with a reason column per language", async () => {
    const lines = csvRows((await get(anonymous, "decisions", "csv")).body);
    expect(lines[0]).toBe(
      "id,inputKind,inputId,outcome,decidedAt,measureCode,mergedInto,revision," +
        "reason_de,reason_de-x-ls,reason_en,reason_tr,reason_ar,reason_kmr,reason_uk,reason_ru,reason_pl,reason_fa",
    );
    const accepted = lines.find((l) => l.includes(conference.proposals.newIdea))!;
    expect(accepted).toContain(",accepted,");
    expect(accepted).toMatch(/,W-4,,2,Das Sprachcafé startet im Herbst\.,,,,يبدأ المقهى اللغوي في الخريف\.,,,,,$/);
    expect(lines).toHaveLength(1 + 4);
  });

  it("writes no text cell a spreadsheet would run as a formula: districts, titles, reasons", async () => {
    const formula = '=HYPERLINK("http://x","y")';
    await database.db.update(participants).set({ district: formula }).where(eq(participants.district, "Mitte"));
    await database.db.update(liveSessions).set({ title: `+${formula}` });
    await database.db.update(decisionReasons).set({ text: `@${formula}` }).where(eq(decisionReasons.language, "de"));
    const quoted = (text: string) => `"'${text.replace(/"/g, '""')}"`;
    const results = (await get(planner, "results", "csv")).body;
    expect(results).toContain(`${quoted(`+${formula}`)},1,W-1,`);
    expect(results).toContain(`,district,${quoted(formula)},`);
    expect(results).not.toMatch(/(^|,)"?[=+@]/m);
    const decisions = (await get(anonymous, "decisions", "csv")).body;
    expect(decisions).toContain(quoted(`@${formula}`));
    expect(decisions).not.toMatch(/(^|,)"?[=+@]/m);
    // Numbers stay numbers.
    expect(results).toContain(",dots,,,,,,24,4,0.8,");
  });

  it("refuses an unknown dataset or conference", async () => {
    const code = (p: Promise<unknown>) => p.then(() => null, (e: DomainError) => e.code);
    expect(await code(get(planner, "votes", "csv"))).toBe("invalid");
    expect(await code(exportConference(database.db, planner, { conferenceId: "00000000-0000-4000-8000-000000000000", dataset: "results", format: "csv" }))).toBe("not_found");
  });
});

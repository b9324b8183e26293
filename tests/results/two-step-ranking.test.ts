/**
 * The combined ranking of a two-step prioritisation against a real database: the demo
 * Integrationskonzept set up by createTwoStepConference, votes cast through the real commands
 * (tests/support/two-step-fixtures.ts has them with the figures worked out by hand).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ParticipantActor, StaffActor } from "../../app/auth/actor";
import { exportConference } from "../../app/feedback/conference-export.server";
import { twoStepRanking, workingGroupFigures } from "../../app/results/two-step.server";
import { openTestDatabase, type TestDatabase } from "../support/database";
import { createStaff, recordingDeps, refusal, startedSession } from "../support/fixtures";
import { votedTwoStep } from "../support/two-step-fixtures";

let database: TestDatabase;
let moderator: StaffActor;
let planner: StaffActor;
let stranger: StaffActor;
let participant: ParticipantActor;
let conferenceId: string;
let sessions: Awaited<ReturnType<typeof votedTwoStep>>["sessions"];

beforeAll(async () => {
  database = await openTestDatabase({ demo: true });
  const deps = recordingDeps(database.db);
  [moderator, planner, stranger] = [await createStaff(database.db, "moderator"), await createStaff(database.db, "planner"), await createStaff(database.db, "planner")];
  ({ conferenceId, sessions, participant } = await votedTwoStep(deps, moderator, planner));
});
afterAll(() => database.close());

const goalRows = (ranking: Awaited<ReturnType<typeof twoStepRanking>>) =>
  ranking.goals.map((g) => [g.key, g.rank, g.score, g.raters, g.namedFirst]);

describe("the combined ranking of both steps", () => {
  it("ranks the goals by the steering group's rating, ties sharing a rank, and names all goals tied across the limit", async () => {
    const ranking = await twoStepRanking(database.db, planner, { conferenceId });
    expect(ranking.namedFirst).toEqual({ limit: 2, count: 3, tieAtRank: 2 });
    expect(ranking.criteria).toEqual(["urgency", "influence", "impact", "feasibility"]);
    expect(goalRows(ranking).slice(0, 4)).toEqual([
      ["ziel-5", 1, 4.5, 2, true],
      ["ziel-1", 2, 3.5, 1, true],
      ["ziel-4", 2, 3.5, 3, true],
      ["ziel-2", null, null, 0, false],
    ]);
    // All 16 goals of the plan, the 13 unrated in catalogue order.
    expect(ranking.goals.map((g) => g.key).slice(3)).toEqual([2, 3, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16].map((n) => `ziel-${n}`));
    expect(ranking.goals[2]!.criteria.map((c) => c.mean)).toEqual([4, 3, null, null]);
    expect(ranking.steering).toMatchObject({ closed: true });
  });

  it("gives each goal its catalogue measures with their working groups' figures", async () => {
    const ranking = await twoStepRanking(database.db, planner, { conferenceId });
    const school = ranking.goals.find((g) => g.key === "ziel-4")!;
    expect(school.measures.map((m) => [m.code, m.figure?.workingGroup.field, m.figure?.dots, m.figure?.ratingMean, m.figure?.voters, m.figure?.rank, m.figure?.state])).toEqual([
      ["IK-4.1", "Schule", 1, 4, 2, 2, "frozen"],
      ["IK-4.2", "Schule", 5, null, 2, 1, "frozen"],
      ["IK-4.3", "Schule", 1, null, 1, 3, "frozen"],
      ["IK-4.4", "Schule", 0, null, 0, 4, "frozen"],
    ]);
    expect(school.measures[0]!.figure).toMatchObject({ of: 4, workingGroup: { liveSessionId: sessions.school } });
    // The running working group: counted now for the team, and said so.
    const training = ranking.goals.find((g) => g.key === "ziel-5")!;
    expect(training.measures.find((m) => m.code === "IK-5.3")!.figure).toMatchObject({ state: "counted", dots: 2, rank: 1, of: 4 });
    expect(ranking.includesRunning).toBe(true);
  });

  it("withholds a running session's figures from anyone not on the team, naming its measures still", async () => {
    for (const actor of [stranger, participant, { kind: "anonymous" } as const]) {
      const ranking = await twoStepRanking(database.db, actor, { conferenceId });
      const figure = ranking.goals.find((g) => g.key === "ziel-5")!.measures.find((m) => m.code === "IK-5.3")!.figure;
      expect(figure).toMatchObject({ state: "withheld", dots: null, ratingMean: null, voters: null, rank: null, workingGroup: { liveSessionId: sessions.training } });
      expect(ranking.includesRunning).toBe(false);
      expect(goalRows(ranking).slice(0, 3)).toEqual(goalRows(await twoStepRanking(database.db, planner, { conferenceId })).slice(0, 3));
    }
    // The printed report holds closed sessions only, for the team as well.
    const report = await twoStepRanking(database.db, planner, { conferenceId }, { closedOnly: true });
    expect(report.goals.find((g) => g.key === "ziel-5")!.measures.find((m) => m.code === "IK-5.3")!.figure?.state).toBe("withheld");
  });

  it("gives the steering session's screens the closed working groups' figures by measure code", async () => {
    const figures = await workingGroupFigures(database.db, conferenceId);
    expect(figures["IK-4.2"]).toMatchObject({ released: true, dots: 5, rank: 1, of: 4 });
    expect(figures["IK-5.3"]).toMatchObject({ released: false, dots: null, rank: null });
    expect(Object.keys(figures)).toHaveLength(58);
  });

  it("is not found for a conference that is not a two-step prioritisation, and refuses a malformed id", async () => {
    const other = await startedSession(recordingDeps(database.db), moderator);
    expect(await refusal(twoStepRanking(database.db, moderator, { conferenceId: other.conferenceId }))).toBe("not_found common:error.notFoundText");
    expect(await refusal(twoStepRanking(database.db, moderator, { conferenceId: "kein-uuid" }), "code")).toBe("invalid");
  });
});

describe("the prioritisation export", () => {
  const csvRows = (body: string) => body.slice(1).trimEnd().split("\r\n");

  it("has one row per goal and measure, in the reader's language, goals in ranked order", async () => {
    const { body, filename } = await exportConference(database.db, planner, { conferenceId, dataset: "prioritisation", format: "csv", language: "de" });
    expect(filename).toBe("prioritisation-priorisierung-integrationskonzept.csv");
    const [header, ...rows] = csvRows(body);
    expect(header).toBe(
      "Rang des Ziels;An erster Stelle genannt;Ziel Nr.;Oberziel;Wert des Ziels (Mittel der Kriterien);Dringlichkeit: Mittelwert;" +
        "Beeinflussbarkeit: Mittelwert;Wirkung: Mittelwert;Zielerreichung: Mittelwert;Bewertende der Lenkungsgruppe;" +
        "Maßnahme;Teilprojektgruppe;Punkte;Bewertung der Maßnahme (Mittel der Kriterien);Personen, die abgestimmt haben;Rang in der Teilprojektgruppe;Stand der Zahlen",
    );
    // The 58 measures of the plan, each under its goal.
    expect(rows).toHaveLength(58);
    const ik41 = rows.find((r) => r.includes(";IK-4.1 "))!.split(";");
    expect([...ik41.slice(0, 3), ...ik41.slice(4, 10), ...ik41.slice(11)]).toEqual(["2", "ja", "4", "3,5", "4", "3", "", "", "3", "Schule", "1", "4", "2", "2", "endgültig (Sitzung beendet)"]);
    expect(rows[0]).toMatch(/^1;ja;5;/);
    expect(rows.at(-1)).toMatch(/^;nein;16;/);
    const running = rows.find((r) => r.includes(";IK-5.3 "))!.split(";");
    expect(running.slice(11)).toEqual(["Ausbildung", "2", "", "1", "1", "vorläufig (Sitzung läuft, jetzt gezählt)"]);
  });

  it("gives everyone else the closed sessions' figures in the JSON, and is not found for another conference's kind", async () => {
    const { body } = await exportConference(database.db, stranger, { conferenceId, dataset: "prioritisation", format: "json", language: "en" });
    const json = JSON.parse(body) as Awaited<ReturnType<typeof twoStepRanking>>;
    expect(json.namedFirst).toEqual({ limit: 2, count: 3, tieAtRank: 2 });
    expect(json.goals[0]!.measures.find((m) => m.code === "IK-5.3")!.figure).toMatchObject({ state: "withheld", dots: null });
    const english = await exportConference(database.db, stranger, { conferenceId, dataset: "prioritisation", format: "csv", language: "en" });
    expect(csvRows(english.body).find((r) => r.includes(",IK-5.3 "))!.split(",").at(-1)).toBe("not released (session running)");
    const other = await startedSession(recordingDeps(database.db), moderator);
    expect(await refusal(exportConference(database.db, moderator, { conferenceId: other.conferenceId, dataset: "prioritisation", format: "csv" }), "code")).toBe("not_found");
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../../app/auth/actor";
import { listConferences } from "../../app/conferences/conferences.server";
import { demoConferenceTitle, loadDemoConference } from "../../app/demo/demo-conference.server";
import { loadDemoData } from "../../app/demo/demo-data.server";
import { conferenceFeedback } from "../../app/feedback/feedback.server";
import { listLiveSessions } from "../../app/live/queries.server";
import { getLiveState } from "../../app/live/state.server";
import { openTestDatabase, type TestDatabase } from "../support/database";
import { createStaff, recordingDeps } from "../support/fixtures";

let database: TestDatabase;
let moderator: StaffActor;

beforeAll(async () => {
  database = await openTestDatabase();
  await loadDemoData(database.db, { conference: true });
  moderator = await createStaff(database.db, "admin");
});
afterAll(() => database.close());

async function demoConference() {
  const all = await listConferences(database.db, moderator);
  return all.filter((c) => c.title === demoConferenceTitle);
}

describe("the demo conference that npm start shows", () => {
  it("has a live session in progress: the current measure open for dots, with votes and comments in several languages", async () => {
    const [conference] = await demoConference();
    const sessions = await listLiveSessions(database.db, moderator, conference!.id);
    expect(sessions.map((s) => s.status).sort()).toEqual(["closed", "live"]);
    const state = await getLiveState(database.db, moderator, sessions.find((s) => s.status === "live")!.id);
    const current = state.items.find((i) => i.id === state.liveSession.currentAgendaItemId)!;
    expect(current.measure?.code).toBe("500-1");
    expect(current).toMatchObject({ phase: "prioritise", votingState: "open" });
    expect(state.results.find((r) => r.agendaItemId === current.id)?.dots?.total).toBeGreaterThan(0);
    expect(new Set(state.comments.map((c) => c.language))).toEqual(new Set(["de", "ar"]));
    expect(state.participantCount).toBeGreaterThan(0);
    // Up next on the agenda: this round's measures put up for ranking.
    expect(state.items.find((i) => i.kind === "ranking")?.rankedMeasures?.map((m) => m.code)).toEqual(["500-1", "540-4", "170-1"]);
  });

  it("has a closed session with frozen results and the planners' answers to its proposals", async () => {
    const [conference] = await demoConference();
    const feedback = await conferenceFeedback(database.db, { kind: "anonymous" }, { conferenceId: conference!.id, language: "en" });
    expect(feedback.sessions).toHaveLength(1);
    expect(feedback.sessions[0]!.items.length).toBeGreaterThanOrEqual(3);
    // A ranking of three measures, its frozen result saying how many put each first.
    const ranking = feedback.sessions[0]!.items.find((i) => i.item.kind === "ranking")!;
    expect(ranking.result.ranking!.map((r) => r.code)).toEqual(["540-2", "170-4", "510-2"]);
    expect(ranking.result.ranking![0]!.firstPlaces).toBeGreaterThan(0);
    expect(feedback.proposals.map((p) => [p.title, p.decision?.outcome])).toEqual(
      expect.arrayContaining([
        ["Sprachcafé in jedem Stadtbezirk", "merged"],
        ["Lotsinnen für den Kita-Platz", "deferred"],
      ]),
    );
  });

  it("says what it is about, and its title, description and current item's note are drafted in every language it offers", async () => {
    const [conference] = await demoConference();
    expect(conference!.description).toMatch(/Sozialdezernats/);
    const sessions = await listLiveSessions(database.db, moderator, conference!.id);
    const state = await getLiveState(database.db, moderator, sessions.find((s) => s.status === "live")!.id);
    const current = state.items.find((i) => i.id === state.liveSession.currentAgendaItemId)!;
    expect(current.note).toMatch(/Kaffeepause/);
    const others = conference!.languages.filter((language) => language !== "de");
    for (const [german, translations] of [
      [conference!.title, conference!.titleTranslations],
      [conference!.description, conference!.descriptionTranslations],
      [current.note, current.noteTranslations],
    ] as const) {
      expect(Object.keys(translations).sort()).toEqual([...others].sort());
      // Drafts in each language, never the German or the English standing in for another.
      for (const [language, text] of Object.entries(translations)) {
        expect(text).not.toBe(german);
        if (language !== "en") expect(text).not.toBe(translations.en);
      }
    }
  });

  it("is loaded once, however often the server starts", async () => {
    const deps = recordingDeps(database.db);
    const demoModerator = { ...moderator };
    expect(await loadDemoConference(deps, { moderator: demoModerator, planner: demoModerator })).toBeNull();
    await loadDemoData(database.db, { conference: true });
    expect(await demoConference()).toHaveLength(1);
  });
});

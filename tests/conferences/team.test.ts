/**
 * Every command that steers a conference, and every read of its console, as staff of another
 * conference (refused, nothing changed, nothing published) and as each kind of team member and
 * an admin (allowed). On both engines (TEST_DATABASE_URL for PostgreSQL).
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ParticipantActor, StaffActor } from "../../app/auth/actor";
import { createConference } from "../../app/conferences/conferences.server";
import { addTeamMember, listTeam, removeTeamMember } from "../../app/conferences/team.server";
import { moderateComment, postComment } from "../../app/live/comments.server";
import { moderateProposal, submitProposal } from "../../app/live/proposals.server";
import { listLiveSessions } from "../../app/live/queries.server";
import { defaultActivities } from "../../app/live/agenda-entries.server";
import { addAgendaItems, createLiveSession, moveAgendaItem, removeAgendaItem, startLiveSession, updateActivities } from "../../app/live/setup.server";
import { closeLiveSession } from "../../app/results/close.server";
import { getLiveState } from "../../app/live/state.server";
import { setCurrentItem, setPhase, updateItemSettings } from "../../app/live/steer.server";
import { enterPaperVotes } from "../../app/live/votes.server";
import { conferenceTeamMembers, liveSessions } from "../../db/schema";
import { openDemoWorld, type TestDatabase } from "../support/database";
import { createStaff, joinAs, recordingDeps, refusal, startedSession } from "../support/fixtures";

let database: TestDatabase;
let creator: StaffActor;

beforeAll(async () => ({ database, moderator: creator } = await openDemoWorld()));
afterAll(() => database.close());

/**
 * A running session of the creator's conference (540-2 current, 510-2, a question), a participant's
 * comment and proposal on it, and a second session still in preparation.
 */
async function world() {
  const deps = recordingDeps(database.db);
  const session = await startedSession(deps, creator);
  const participant: ParticipantActor = await joinAs(deps, session.joinCode);
  const comment = await postComment(deps, participant, { agendaItemId: session.itemIds[0]!, body: "Mehr Beratung vor Ort." });
  const proposal = await submitProposal(deps, participant, { liveSessionId: session.liveSessionId, kind: "new_measure", title: "Sprachcafé", body: "Jede Woche." });
  const draft = await createLiveSession(database.db, creator, { conferenceId: session.conferenceId, title: "Nachmittag", dotsPerParticipant: 5 });
  await addAgendaItems(deps, creator, { liveSessionId: draft.id, entries: [{ kind: "question", question: "Was noch?" }] });
  deps.events.length = 0;
  return { deps, ...session, commentId: comment.id, proposalId: proposal.id, draftId: draft.id };
}

type World = Awaited<ReturnType<typeof world>>;

/** Each steering command once, in an order a team can run them all in. */
function commands(w: World): [string, (actor: StaffActor) => Promise<unknown>][] {
  const [first, second, question] = w.itemIds as [string, string, string];
  const { deps, conferenceId, liveSessionId } = w;
  const db = database.db;
  return [
    ["getLiveState", (a) => getLiveState(db, a, liveSessionId)],
    ["listLiveSessions", (a) => listLiveSessions(db, a, conferenceId)],
    ["listTeam", (a) => listTeam(db, a, conferenceId)],
    ["createLiveSession", (a) => createLiveSession(db, a, { conferenceId, title: "Abend", dotsPerParticipant: 3 })],
    ["addAgendaItems", (a) => addAgendaItems(deps, a, { liveSessionId, entries: [{ kind: "question", question: "Und sonst?" }] })],
    ["updateActivities", (a) => updateActivities(deps, a, { agendaItemId: question, activities: { ...defaultActivities("question"), comments: false } })],
    ["moveAgendaItem", (a) => moveAgendaItem(deps, a, { agendaItemId: second, direction: "down" })],
    ["removeAgendaItem", (a) => removeAgendaItem(deps, a, { agendaItemId: question })],
    ["startLiveSession", (a) => startLiveSession(deps, a, { liveSessionId: w.draftId })],
    ["setPhase", (a) => setPhase(deps, a, { agendaItemId: first, phase: "prioritise" })],
    ["updateItemSettings", (a) => updateItemSettings(deps, a, { agendaItemId: first, resultsVisible: true })],
    ["setCurrentItem", (a) => setCurrentItem(deps, a, { liveSessionId, agendaItemId: second })],
    ["moderateComment", (a) => moderateComment(deps, a, { action: "hide", commentId: w.commentId, reason: "Doppelt" })],
    ["moderateProposal", (a) => moderateProposal(deps, a, { action: "hide", proposalId: w.proposalId, reason: "Werbung" }, liveSessionId)],
    ["enterPaperVotes", (a) => enterPaperVotes(deps, a, { clientId: randomUUID(), agendaItemId: first, kind: "dots", value: 2, weight: 1 })],
    ["addTeamMember", (a) => addTeamMember(db, a, { conferenceId, email: "planner@mitplan.example" })],
    ["removeTeamMember", (a) => removeTeamMember(db, a, { conferenceId, userId: creator.userId })],
    ["closeLiveSession", (a) => closeLiveSession(deps, a, { liveSessionId })],
  ];
}

/** Everything of the conference a refused command could have changed. */
async function snapshot(w: World) {
  const db = database.db;
  const [state, draft, sessions, team] = await Promise.all([
    getLiveState(db, creator, w.liveSessionId),
    getLiveState(db, creator, w.draftId),
    db.select().from(liveSessions).where(eq(liveSessions.conferenceId, w.conferenceId)),
    db.select().from(conferenceTeamMembers).where(eq(conferenceTeamMembers.conferenceId, w.conferenceId)),
  ]);
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  return { state, draft, sessions: sessions.sort(byId), team };
}

describe("staff of another conference", () => {
  let outsiders: StaffActor[];

  beforeAll(async () => {
    // A moderator who steers a conference of their own, and the planner they added to it.
    const moderator = await createStaff(database.db, "moderator");
    const planner = await createStaff(database.db, "planner");
    const own = await createConference(database.db, moderator, {
      planSlug: "ziele-und-massnahmen-2022-2023",
      kind: "workshop",
      title: "Werkstatt Brackwede",
      startsAt: "2026-12-03T17:00:00Z",
      languages: ["de"],
    });
    await addTeamMember(database.db, moderator, { conferenceId: own.id, email: planner.email });
    outsiders = [moderator, planner];
  });

  it("may not run any steering command nor read the console, and changes and publishes nothing", async () => {
    const w = await world();
    const before = await snapshot(w);
    for (const outsider of outsiders) {
      for (const [name, run] of commands(w)) {
        expect(await refusal(run(outsider)), `${name} as ${outsider.role} of another conference`).toBe("forbidden conferences:team.notOnTeam");
      }
    }
    expect(await snapshot(w)).toEqual(before);
    expect(w.deps.events).toEqual([]);
  });

  it("is refused on an unknown session or item as anyone is: not found", async () => {
    const w = await world();
    const unknown = randomUUID();
    expect(await refusal(setPhase(w.deps, outsiders[0]!, { agendaItemId: unknown, phase: "results" }))).toBe("not_found common:error.notFoundText");
    expect(await refusal(closeLiveSession(w.deps, outsiders[0]!, { liveSessionId: unknown }))).toBe("not_found common:error.notFoundText");
  });
});

describe("the conference's team and the admins", () => {
  it.each([
    ["the creator", async () => creator],
    ["a planner the team added", async () => createStaff(database.db, "planner")],
    ["a moderator the team added", async () => createStaff(database.db, "moderator")],
    ["an admin, on no team", async () => createStaff(database.db, "admin")],
  ])("%s runs every steering command", async (_who, make) => {
    const w = await world();
    const actor = await make();
    if (actor !== creator && actor.role !== "admin") {
      await addTeamMember(database.db, creator, { conferenceId: w.conferenceId, email: actor.email });
    }
    for (const [name, run] of commands(w)) {
      // The creator cannot take themself off as the last member; the others take the creator off.
      if (name === "removeTeamMember" && actor === creator) continue;
      expect(await refusal(run(actor)), name).toBeNull();
    }
    expect((await getLiveState(database.db, actor, w.liveSessionId)).moderator).toBe(true);
  });
});

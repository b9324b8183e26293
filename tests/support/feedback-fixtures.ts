import { randomUUID } from "node:crypto";
import type { ParticipantActor } from "../../app/auth/actor";
import { addTeamMember } from "../../app/conferences/team.server";
import { submitProposal } from "../../app/live/proposals.server";
import { castVote } from "../../app/live/votes.server";
import { decide } from "../../app/decisions/decide.server";
import { createStaff, recordingDeps } from "./fixtures";
import { cookiesFrom, joinByLink, post } from "./http";
import { commentOn, decidedConference, handMadeConference, importTestPlan, translateTestPlan } from "./results-fixtures";
import { startTestServer, type TestServer } from "./server";

export const demoPlanner = { email: "planner@mitplan.example", password: "mitplan-demo-planner" };

/** Signs in as the demo planner the way a browser does (a form post from the site's own origin). */
export async function signInAsPlanner(origin: string): Promise<string> {
  const signedIn = await post(origin, "/login", demoPlanner);
  if (signedIn.status !== 302) throw new Error(`sign-in failed: ${signedIn.status}`);
  return cookiesFrom(signedIn.response);
}

/**
 * The hand-made conference of the results tests, closed and decided, plus one participant who
 * joined over HTTP (so has a real cookie), writing in English: a comment, points on B-1, and two
 * proposals, the first deferred with reasons in German and English, the second left undecided.
 * W-1, B-1 and W-4 have draft Turkish and Arabic titles (testTranslations), none in English.
 */
export async function feedbackConference(server: TestServer) {
  const db = server.database.db;
  const deps = recordingDeps(db);
  await importTestPlan(deps);
  const moderator = await createStaff(db, "moderator");
  const planner = await createStaff(db, "planner");
  const live = await handMadeConference(deps, moderator);

  const { cookie } = await joinByLink(server.url, live.joinCode, { language: "en", group: "citizen", district: "Mitte" });
  const participantId = /mitplan_participant=([0-9a-f-]{36})\./.exec(cookie)![1]!;
  const me: ParticipantActor = { kind: "participant", participantId, conferenceId: live.conferenceId, language: "en" };
  await castVote(deps, me, { kind: "dots", clientId: randomUUID(), agendaItemId: live.items.b1, value: 2 });
  await commentOn(deps, moderator, live.liveSessionId, me, live.items.b1, "The map should work offline.");
  const benches = await submitProposal(deps, me, {
    liveSessionId: live.liveSessionId,
    kind: "new_measure",
    title: 'Benches, "seats" in the park',
    body: "More places to sit near the playground.",
  });
  await submitProposal(deps, me, {
    liveSessionId: live.liveSessionId,
    kind: "new_measure",
    title: "Evening library",
    body: "Open the library until 9 pm.",
  });

  const conference = await decidedConference(deps, moderator, planner, live);
  await translateTestPlan(deps);
  // The demo planner, who reads the report in these tests, is on the team as well.
  await addTeamMember(db, moderator, { conferenceId: live.conferenceId, email: demoPlanner.email });
  await decide(db, planner, {
    subjects: [{ kind: "proposal", proposalId: benches.id }],
    decision: { outcome: "deferred" },
    reasons: [
      { language: "de", text: "Wir prüfen das im Frühjahr." },
      { language: "en", text: "We will look at this again in spring." },
    ],
  });
  return { ...conference, participantCookie: cookie };
}

/**
 * The feedback pages' world over HTTP: the real server, the hand-made conference with its input
 * and decisions, a signed-in planner's cookie and the conference's feedback page.
 */
export async function openFeedbackWorld() {
  const server = await startTestServer();
  const conference = await feedbackConference(server);
  return { server, conference, planner: await signInAsPlanner(server.url), feedbackPath: `/conferences/${conference.conferenceId}/feedback` };
}

import { eq } from "drizzle-orm";
import type { ParticipantActor, StaffActor } from "../../app/auth/actor";
import { addTeamMember } from "../../app/conferences/team.server";
import type { LiveDeps } from "../../app/live/events";
import { loadItems } from "../../app/live/items.server";
import { startLiveSession } from "../../app/live/setup.server";
import { setPhase } from "../../app/live/steer.server";
import { createTwoStepConference } from "../../app/live/two-step.server";
import { closeLiveSession } from "../../app/results/close.server";
import { clusters, liveSessions, plans } from "../../db/schema";
import { joinAs } from "./fixtures";
import { voter } from "./results-fixtures";

/**
 * A two-step prioritisation of the demo Integrationskonzept, naming 2 goals first, voted through
 * the real commands:
 *
 * Working group "Schule" (IK-4.1 … IK-4.4), closed. pA: 3 dots on IK-4.2, 1 on IK-4.1, IK-4.1
 * rated urgency 4 and impact 5; pB: 2 dots on IK-4.2, 1 on IK-4.3, IK-4.1 urgency 2. So IK-4.2
 * 5 dots, no rating: rank 1; IK-4.1 1 dot, rating (3 + 5) / 2 = 4: rank 2; IK-4.3 1 dot, no
 * rating: rank 3; IK-4.4 nothing: rank 4.
 *
 * Working group "Ausbildung" (IK-5.1 … IK-5.4), still running. pC: 2 dots on IK-5.3.
 *
 * Steering group, closed. s1: ziel-5 5 on all four criteria, ziel-4 urgency 5 and influence 3;
 * s2: ziel-5 4 on all four, ziel-4 urgency 3 and influence 3; s3: ziel-4 urgency 4, ziel-1
 * urgency 4 and influence 3. So ziel-5 4.5 (2 raters) rank 1; ziel-1 (4 + 3) / 2 = 3.5 (1 rater)
 * and ziel-4 ((5 + 3 + 4) / 3 = 4 and 3) 3.5 (3 raters) share rank 2, across the limit of 2.
 */
export async function votedTwoStep(deps: LiveDeps, moderator: StaffActor, planner: StaffActor) {
  const { id: conferenceId } = await createTwoStepConference(deps.db, moderator, {
    planSlug: "integrationskonzept",
    kind: "workshop",
    title: "Priorisierung Integrationskonzept",
    startsAt: "2026-12-10T15:00:00Z",
    languages: ["de", "tr"],
    goalsNamedFirst: 2,
  });
  await addTeamMember(deps.db, moderator, { conferenceId, email: planner.email });
  const sessions = await deps.db.select().from(liveSessions).where(eq(liveSessions.conferenceId, conferenceId));
  const vote = voter(deps);

  /** Starts a session, opens prioritising on every item, and gives its items by measure code or goal key. */
  const open = async (id: string) => {
    const { joinCode } = await startLiveSession(deps, moderator, { liveSessionId: id });
    const items = await loadItems(deps.db, id);
    for (const item of items) await setPhase(deps, moderator, { agendaItemId: item.id, phase: "prioritise" });
    const byKey = new Map(items.map((i) => [i.measure?.code ?? i.goal?.key ?? i.id, i.id]));
    return { joinCode, item: (key: string) => byKey.get(key)! };
  };
  const join = async (code: string, n: number) => {
    const people: ParticipantActor[] = [];
    for (let i = 0; i < n; i++) people.push(await joinAs(deps, code));
    return people;
  };
  const fields = await deps.db
    .select({ id: clusters.id, key: clusters.key })
    .from(clusters)
    .innerJoin(plans, eq(plans.id, clusters.planId))
    .where(eq(plans.slug, "integrationskonzept"));
  const workingGroup = (key: string) => sessions.find((s) => s.clusterId === fields.find((f) => f.key === key)!.id)!;
  const school = workingGroup("schule");
  const training = workingGroup("ausbildung");
  const steering = sessions.find((s) => s.step === "steering_group")!;

  const s1 = await open(school.id);
  const [pA, pB] = (await join(s1.joinCode, 2)) as [ParticipantActor, ParticipantActor];
  await vote.dots(pA, s1.item("IK-4.2"), 3);
  await vote.dots(pA, s1.item("IK-4.1"), 1);
  await vote.rate(pA, s1.item("IK-4.1"), "urgency", 4);
  await vote.rate(pA, s1.item("IK-4.1"), "impact", 5);
  await vote.dots(pB, s1.item("IK-4.2"), 2);
  await vote.dots(pB, s1.item("IK-4.3"), 1);
  await vote.rate(pB, s1.item("IK-4.1"), "urgency", 2);
  await closeLiveSession(deps, moderator, { liveSessionId: school.id });

  const s2 = await open(training.id);
  const [pC] = (await join(s2.joinCode, 1)) as [ParticipantActor];
  await vote.dots(pC, s2.item("IK-5.3"), 2);

  const s3 = await open(steering.id);
  const [r1, r2, r3] = (await join(s3.joinCode, 3)) as [ParticipantActor, ParticipantActor, ParticipantActor];
  for (const criterion of ["urgency", "influence", "impact", "feasibility"]) {
    await vote.rate(r1, s3.item("ziel-5"), criterion, 5);
    await vote.rate(r2, s3.item("ziel-5"), criterion, 4);
  }
  await vote.rate(r1, s3.item("ziel-4"), "urgency", 5);
  await vote.rate(r1, s3.item("ziel-4"), "influence", 3);
  await vote.rate(r2, s3.item("ziel-4"), "urgency", 3);
  await vote.rate(r2, s3.item("ziel-4"), "influence", 3);
  await vote.rate(r3, s3.item("ziel-4"), "urgency", 4);
  await vote.rate(r3, s3.item("ziel-1"), "urgency", 4);
  await vote.rate(r3, s3.item("ziel-1"), "influence", 3);
  await closeLiveSession(deps, moderator, { liveSessionId: steering.id });

  return { conferenceId, sessions: { school: school.id, training: training.id, steering: steering.id }, participant: pA };
}

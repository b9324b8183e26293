import { randomUUID } from "node:crypto";
import type { ParticipantActor, StaffActor } from "../../app/auth/actor";
import { importPlan } from "../../app/catalogue/import.server";
import { importMeasureTranslations } from "../../app/catalogue/translate.server";
import { createConference } from "../../app/conferences/conferences.server";
import { addTeamMember } from "../../app/conferences/team.server";
import { moderateComment, postComment } from "../../app/live/comments.server";
import type { LiveDeps } from "../../app/live/events";
import { moderateProposal, submitProposal } from "../../app/live/proposals.server";
import { addAgendaItems, createLiveSession, startLiveSession, updateActivities } from "../../app/live/setup.server";
import { closeLiveSession } from "../../app/results/close.server";
import { setCurrentItem, setPhase } from "../../app/live/steer.server";
import { castRanking, castVote, enterPaperVotes } from "../../app/live/votes.server";
import { decide } from "../../app/decisions/decide.server";
import { eq } from "drizzle-orm";
import { liveSessions, type AgendaActivities } from "../../db/schema";
import { createStaff, joinAs } from "./fixtures";

/** A small plan of our own, so the hand-checked numbers never depend on the demo catalogue. */
export const testPlanSlug = "ergebnisse-testplan";
export const testPlanFile = {
  slug: testPlanSlug,
  title: "Testplan Ergebnisse",
  description: "Ein kleiner Plan für die Tests der Ergebnisse.",
  publisher: "Stadt Bielefeld",
  publishedOn: "2026-01-15",
  source: null,
  units: [{ code: "540", name: "Büro für Integrierte Sozialplanung und Prävention" }],
  sections: [{ key: "quartier", title: "Quartier", parentKey: null }],
  clusters: [
    { key: "wohnen", title: "Wohnen", description: null, budgetCents: 2500000, maturity: "B" },
    { key: "bildung", title: "Bildung", description: "Bildung im Quartier", budgetCents: null, maturity: null },
  ],
  goals: [{ key: "ziel-1", number: 1, title: "Gutes Wohnen für alle", description: null, clusterKey: "wohnen" }],
  measures: [
    measure("W-1", "Wohnungslosigkeit vermeiden", "wohnen", {
      objective: "Weniger Räumungen",
      indicators: [{ text: "Zahl der verhinderten Räumungen", targetValue: "120", dueDate: "2027-12-31" }],
    }),
    measure("W-2", "Quartierswohnungen", "wohnen", { steps: "- Bedarf erheben\n- Träger finden" }),
    measure("W-3", "Beratung, \"Wohnen im Alter\"", "wohnen", {}),
    measure("B-1", "Bildungskarte", "bildung", { maturity: "A" }),
  ],
};

function measure(code: string, title: string, clusterKey: string, fields: Record<string, unknown>) {
  return {
    code,
    title,
    sectionKey: "quartier",
    clusterKey,
    goalKey: clusterKey === "wohnen" ? "ziel-1" : null,
    unitCode: "540",
    maturity: null,
    situation: null,
    objective: null,
    actions: null,
    steps: null,
    stakeholders: null,
    responsible: null,
    dataSources: null,
    indicators: [],
    ...fields,
  };
}

export async function importTestPlan(deps: LiveDeps) {
  return importPlan(deps.db, testPlanFile, { reason: "Testdaten" });
}

const measureActivities = (extra: Partial<AgendaActivities>): AgendaActivities => ({
  comments: true,
  dots: { maxPerItem: 3 },
  rating: null,
  scale: null,
  ranking: false,
  ...extra,
});

/** A conference of the test plan with a started session; entries as addAgendaItems takes them. */
export async function testSession(
  deps: LiveDeps,
  moderator: StaffActor,
  title: string,
  entries: ({ kind: "measure"; measureCode: string } | { kind: "cluster"; clusterKey: string } | { kind: "question"; question: string })[],
  planSlug = testPlanSlug,
) {
  const conference = await createConference(deps.db, moderator, {
    planSlug,
    kind: "workshop",
    title,
    startsAt: "2026-03-01T17:00:00Z",
    place: "Stadtteilzentrum",
    district: "Mitte",
    languages: ["de", "en", "ar"],
  });
  const session = await createLiveSession(deps.db, moderator, { conferenceId: conference.id, title: `${title}: Priorisierung`, dotsPerParticipant: 5 });
  const { ids } = await addAgendaItems(deps, moderator, { liveSessionId: session.id, entries });
  const { joinCode } = await startLiveSession(deps, moderator, { liveSessionId: session.id });
  return { conferenceId: conference.id, liveSessionId: session.id, itemIds: ids, joinCode };
}

export type Profile = { group?: string; district?: string; language: string };

export function voter(deps: LiveDeps) {
  return {
    dots: (p: ParticipantActor, agendaItemId: string, value: number) =>
      castVote(deps, p, { kind: "dots", clientId: randomUUID(), agendaItemId, value }),
    scale: (p: ParticipantActor, agendaItemId: string, value: number) =>
      castVote(deps, p, { kind: "scale", clientId: randomUUID(), agendaItemId, value }),
    rate: (p: ParticipantActor, agendaItemId: string, criterion: string, value: number) =>
      castVote(deps, p, { kind: "rating", clientId: randomUUID(), agendaItemId, criterion, value }),
    rank: (p: ParticipantActor, agendaItemId: string, order: string[]) =>
      castRanking(deps, p, { clientId: randomUUID(), agendaItemId, order }),
  };
}

/**
 * The hand-made conference every results test reads. Twelve participants:
 *
 * | p  | group                | district   | language |
 * |----|----------------------|------------|----------|
 * | 1–3| citizen              | Mitte      | de       |
 * | 4  | citizen              | Stieghorst | de       |
 * | 5  | citizen              | Stieghorst | en       |
 * | 6  | citizen              | Stieghorst | ar       |
 * | 7  | youth                | Mitte      | de       |
 * | 8  | youth                | Mitte      | ar       |
 * | 9  | youth                | Stieghorst | ar       |
 * |10–11| migrant_organisation | –         | ar       |
 * | 12 | –                    | –          | de       |
 *
 * Items: W-1 (dots, rating on urgency and impact 1–5, scale 1–10), B-1 (dots), the cluster
 * "wohnen" (ranking of W-1, W-2, W-3), an open question. The votes are listed in the code below.
 */
/**
 * A comment as a room makes it: the moderator moves to the item (comments are taken on the current
 * item only), the participant writes, and the room goes back to where it was.
 */
export async function commentOn(
  deps: LiveDeps,
  moderator: StaffActor,
  liveSessionId: string,
  participant: ParticipantActor,
  agendaItemId: string,
  body: string,
) {
  const [session] = await deps.db.select({ current: liveSessions.currentAgendaItemId }).from(liveSessions).where(eq(liveSessions.id, liveSessionId));
  await setCurrentItem(deps, moderator, { liveSessionId, agendaItemId });
  const comment = await postComment(deps, participant, { agendaItemId, body });
  if (session?.current) await setCurrentItem(deps, moderator, { liveSessionId, agendaItemId: session.current });
  return comment;
}

export async function handMadeConference(deps: LiveDeps, moderator: StaffActor) {
  const session = await testSession(deps, moderator, "Zukunftskonferenz Mitte", [
    { kind: "measure", measureCode: "W-1" },
    { kind: "measure", measureCode: "B-1" },
    { kind: "cluster", clusterKey: "wohnen" },
    { kind: "question", question: "Was fehlt?" },
  ]);
  const [w1, b1, wohnen] = session.itemIds as [string, string, string, string];
  await updateActivities(deps, moderator, {
    agendaItemId: w1,
    activities: measureActivities({
      rating: { criteria: ["urgency", "impact"], min: 1, max: 5 },
      scale: { min: 1, max: 10, label: null },
    }),
  });
  await updateActivities(deps, moderator, { agendaItemId: b1, activities: measureActivities({}) });
  for (const id of [w1, b1, wohnen]) await setPhase(deps, moderator, { agendaItemId: id, phase: "prioritise" });

  const profiles: Profile[] = [
    { group: "citizen", district: "Mitte", language: "de" },
    { group: "citizen", district: "Mitte", language: "de" },
    { group: "citizen", district: "Mitte", language: "de" },
    { group: "citizen", district: "Stieghorst", language: "de" },
    { group: "citizen", district: "Stieghorst", language: "en" },
    { group: "citizen", district: "Stieghorst", language: "ar" },
    { group: "youth", district: "Mitte", language: "de" },
    { group: "youth", district: "Mitte", language: "ar" },
    { group: "youth", district: "Stieghorst", language: "ar" },
    { group: "migrant_organisation", language: "ar" },
    { group: "migrant_organisation", language: "ar" },
    { language: "de" },
  ];
  const p: ParticipantActor[] = [];
  for (const { language, ...extra } of profiles) p.push(await joinAs(deps, session.joinCode, language, extra as Record<string, string>));
  type P = ParticipantActor;
  const [p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12] = p as [P, P, P, P, P, P, P, P, P, P, P, P];
  const vote = voter(deps);

  // Dots on W-1: 3 2 1 3 1 2 1 1 2 3 1 (p1–p11); p12 places one and takes it back.
  for (const [who, n] of [[p1, 3], [p2, 2], [p3, 1], [p4, 3], [p5, 1], [p6, 2], [p7, 1], [p8, 1], [p9, 2], [p10, 3], [p11, 1]] as const) {
    await vote.dots(who, w1, n);
  }
  await vote.dots(p12, w1, 1);
  await vote.dots(p12, w1, -1);
  await enterPaperVotes(deps, moderator, { clientId: randomUUID(), agendaItemId: w1, kind: "dots", value: 4, weight: 1 });
  // Dots on B-1: p1 2, p2 3, p3 1.
  await vote.dots(p1, b1, 2);
  await vote.dots(p2, b1, 3);
  await vote.dots(p3, b1, 1);

  // Scale on W-1: 8 9 7 6 10 3 2 7 1 5 8 (p1–p11); p8 first answered 4. Paper: 9 with weight 2.
  await vote.scale(p8, w1, 4);
  for (const [who, n] of [[p1, 8], [p2, 9], [p3, 7], [p4, 6], [p5, 10], [p6, 3], [p7, 2], [p8, 7], [p9, 1], [p10, 5], [p11, 8]] as const) {
    await vote.scale(who, w1, n);
  }
  await enterPaperVotes(deps, moderator, { clientId: randomUUID(), agendaItemId: w1, kind: "scale", value: 9, weight: 2 });

  // Urgency on W-1: 5 4 5 4 5 3 5 5 4 1 2 (p1–p11); p5 first answered 2. Impact: 3 3 4 3 3 (p1–p5).
  await vote.rate(p5, w1, "urgency", 2);
  for (const [who, n] of [[p1, 5], [p2, 4], [p3, 5], [p4, 4], [p5, 5], [p6, 3], [p7, 5], [p8, 5], [p9, 4], [p10, 1], [p11, 2]] as const) {
    await vote.rate(who, w1, "urgency", n);
  }
  for (const [who, n] of [[p1, 3], [p2, 3], [p3, 4], [p4, 3], [p5, 3]] as const) await vote.rate(who, w1, "impact", n);

  // Ranking of the cluster: p3's second ballot replaces the first.
  await vote.rank(p1, wohnen, ["W-2", "W-1", "W-3"]);
  await vote.rank(p2, wohnen, ["W-2", "W-3", "W-1"]);
  await vote.rank(p3, wohnen, ["W-1", "W-2", "W-3"]);
  await vote.rank(p3, wohnen, ["W-3", "W-2", "W-1"]);
  await vote.rank(p4, wohnen, ["W-2", "W-1", "W-3"]);

  // Comments: two visible and one hidden on W-1; one on B-1 that the moderator flags as relevant.
  await postComment(deps, p1, { agendaItemId: w1, body: "Mehr Beratung vor Ort." });
  await postComment(deps, p2, { agendaItemId: w1, body: "Auch für Familien." });
  const rude = await postComment(deps, p7, { agendaItemId: w1, body: "Beleidigung" });
  await moderateComment(deps, moderator, { action: "hide", commentId: rude.id, reason: "Beleidigend" });
  const relevant = await commentOn(deps, moderator, session.liveSessionId, p3, b1, "Die Bildungskarte muss digital sein.");
  await moderateComment(deps, moderator, { action: "flag", commentId: relevant.id });

  // Proposals: a new measure from p10 (in Arabic), a change of W-2 from p4.
  const newIdea = await submitProposal(deps, p10, {
    liveSessionId: session.liveSessionId,
    kind: "new_measure",
    title: "Sprachcafé im Quartier",
    body: "Ein wöchentliches Sprachcafé für Nachbarn.",
  });
  const change = await submitProposal(deps, p4, {
    liveSessionId: session.liveSessionId,
    agendaItemId: w1,
    kind: "change_measure",
    measureCode: "W-2",
    title: "Mehr Wohnungen für Familien",
    body: "Quartierswohnungen auch für große Familien.",
  });

  return {
    ...session,
    items: { w1, b1, wohnen, question: session.itemIds[3]! },
    participants: p,
    comments: { rude: rude.id, relevant: relevant.id },
    proposals: { newIdea: newIdea.id, change: change.id },
  };
}

/**
 * The hand-made conference, closed, with four decisions: the Sprachcafé proposal accepted as W-4
 * (reasons in German and Arabic), the change to W-2 declined (German only), the result of W-1
 * accepted as maturity B (German and English), the flagged comment merged into B-1. A third
 * proposal was hidden by the moderator before closing. The planner is on the conference's team,
 * so they see its staff exports and report.
 */
export async function decidedConference(
  deps: LiveDeps,
  moderator: StaffActor,
  planner: StaffActor,
  conference: Awaited<ReturnType<typeof handMadeConference>>,
) {
  await addTeamMember(deps.db, moderator, { conferenceId: conference.conferenceId, email: planner.email });
  const spam = await submitProposal(deps, conference.participants[6]!, { liveSessionId: conference.liveSessionId, kind: "new_measure", title: "Werbung", body: "Kauft bei uns" });
  await moderateProposal(deps, moderator, { action: "hide", proposalId: spam.id, reason: "Werbung" }, conference.liveSessionId);
  await closeLiveSession(deps, moderator, { liveSessionId: conference.liveSessionId });
  const { proposals, items, comments } = conference;
  await decide(deps.db, planner, {
    subjects: [{ kind: "proposal", proposalId: proposals.newIdea }],
    decision: { outcome: "accepted", change: { kind: "newMeasure", measure: { code: "W-4", title: "Sprachcafé im Quartier", clusterKey: "wohnen" } } },
    reasons: [
      { language: "de", text: "Das Sprachcafé startet im Herbst." },
      { language: "ar", text: "يبدأ المقهى اللغوي في الخريف." },
    ],
  });
  await decide(deps.db, planner, {
    subjects: [{ kind: "proposal", proposalId: proposals.change }],
    decision: { outcome: "declined" },
    reasons: [{ language: "de", text: "Dafür fehlen die Flächen." }],
  });
  await decide(deps.db, planner, {
    subjects: [{ kind: "result", agendaItemId: items.w1 }],
    decision: { outcome: "accepted", change: { kind: "changeMeasure", code: "W-1", changes: { maturity: "B" } } },
    reasons: [
      { language: "de", text: "Hohe Priorität: die Umsetzung beginnt." },
      { language: "en", text: "High priority: implementation starts." },
    ],
  });
  await decide(deps.db, planner, {
    subjects: [{ kind: "comment", commentId: comments.relevant }],
    decision: { outcome: "merged", into: { kind: "measure", code: "B-1" } },
    reasons: [{ language: "de", text: "Geht in die Bildungskarte ein." }],
  });
  return { ...conference, proposals: { ...conference.proposals, hidden: spam.id } };
}

/** Draft titles, as the demo catalogue's translations are: W-1, B-1 and W-4 in Turkish and Arabic; English has none. */
export const testTranslations = {
  tr: { "W-1": "Evsizliği önlemek", "B-1": "Eğitim haritası", "W-4": "Mahallede dil kafesi" },
  ar: { "W-1": "منع التشرد", "B-1": "خريطة التعليم", "W-4": "مقهى اللغة في الحي" },
} as const;

/** Loads testTranslations into the test plan; after decidedConference, which makes W-4. */
export async function translateTestPlan(deps: LiveDeps) {
  for (const [language, titles] of Object.entries(testTranslations)) {
    const measures = Object.fromEntries(Object.entries(titles).map(([code, title]) => [code, { title }]));
    await importMeasureTranslations(deps.db, testPlanSlug, { meta: { language, state: "draft" }, measures });
  }
}

const proposersOf = new WeakMap<object, Map<string, Promise<{ liveSessionId: string; me: ParticipantActor }>>>();

/**
 * A change to a plan's catalogue the way the product makes one: a participant proposes, a planner
 * accepts the proposal with the change (decide), and the reason becomes the revision's. One
 * running session per plan and database gathers the proposals.
 */
export async function acceptedChange(
  deps: LiveDeps,
  planner: StaffActor,
  planSlug: string,
  change: { kind: "newMeasure"; measure: unknown } | { kind: "changeMeasure"; code: string; changes: unknown },
  reason: string,
) {
  const byPlan = proposersOf.get(deps.db) ?? new Map<string, Promise<{ liveSessionId: string; me: ParticipantActor }>>();
  proposersOf.set(deps.db, byPlan);
  if (!byPlan.has(planSlug)) {
    byPlan.set(
      planSlug,
      (async () => {
        const session = await testSession(deps, await createStaff(deps.db, "moderator"), `Werkstatt ${planSlug}`, [{ kind: "question", question: "Was fehlt?" }], planSlug);
        return { liveSessionId: session.liveSessionId, me: await joinAs(deps, session.joinCode) };
      })(),
    );
  }
  const { liveSessionId, me } = await byPlan.get(planSlug)!;
  const proposal = await submitProposal(deps, me, { liveSessionId, kind: "new_measure", title: "Vorschlag", body: "Bitte in den Katalog aufnehmen." });
  return decide(deps.db, planner, {
    subjects: [{ kind: "proposal", proposalId: proposal.id }],
    decision: { outcome: "accepted", change },
    reasons: [{ language: "de", text: reason }],
  });
}

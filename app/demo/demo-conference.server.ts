import { randomUUID } from "node:crypto";
import type { ParticipantActor, StaffActor } from "../auth/actor";
import { issueParticipantToken } from "../auth/participants.server";
import { createConference, listConferences } from "../conferences/conferences.server";
import { addTeamMember } from "../conferences/team.server";
import { decide } from "../decisions/decide.server";
import { moderateComment, postComment } from "../live/comments.server";
import type { LiveDeps } from "../live/events";
import { submitProposal } from "../live/proposals.server";
import { addAgendaItems, createLiveSession, startLiveSession } from "../live/setup.server";
import { closeLiveSession } from "../results/close.server";
import { setCurrentItem, setPhase } from "../live/steer.server";
import { castRanking, castVote } from "../live/votes.server";
import { joinLiveSession } from "../live/join.server";
import { demoVoices, type DemoVoice } from "./demo-voices";
import { demoDescription, demoDescriptionTranslations, demoNote, demoNoteTranslations, demoTitleTranslations } from "./demo-conference-texts";

export const demoConferenceTitle = "Zukunftskonferenz Soziales Bielefeld (Demo)";
const demoPlanSlug = "ziele-und-massnahmen-2022-2023";
// Joins are counted per client address; the demo's voices come from the documentation range.
const demoClientIp = "192.0.2.10";

export type DemoConference = { conferenceId: string; closedSessionId: string; liveSessionId: string; joinCode: string };

/**
 * A conference that shows every screen with something real on it: one session closed with
 * results, proposals and the planners' answers, and one in progress with the current item open
 * for dots. Built through the same domain functions a moderator, the phones and a planner use,
 * so it obeys every rule they do. Loaded once: a conference of that title by the demo moderator
 * counts as loaded.
 */
export async function loadDemoConference(
  deps: LiveDeps,
  { moderator, planner, mediator }: { moderator: StaffActor; planner: StaffActor; mediator?: StaffActor },
  now = new Date(),
): Promise<DemoConference | null> {
  const existing = await listConferences(deps.db, moderator);
  if (existing.some((c) => c.title === demoConferenceTitle)) return null;

  const today = new Date(now);
  today.setUTCHours(15, 0, 0, 0);
  const { id: conferenceId } = await createConference(deps.db, moderator, {
    planSlug: demoPlanSlug,
    kind: "future_conference",
    title: demoConferenceTitle,
    titleTranslations: demoTitleTranslations,
    description: demoDescription,
    descriptionTranslations: demoDescriptionTranslations,
    startsAt: today.toISOString(),
    place: "Neues Rathaus, Großer Saal",
    district: "Mitte",
    // Bielefeld's largest language groups (DESIGN.md), and Leichte Sprache for those who need it.
    languages: ["de", "de-x-ls", "en", "tr", "ar", "kmr", "uk", "ru", "pl", "fa"],
  });

  // The demo's language mediator translates in this conference (decision 042).
  if (mediator) await addTeamMember(deps.db, moderator, { conferenceId, email: mediator.email });
  const closedSessionId = await runClosedRound(deps, moderator, planner, conferenceId);
  const { liveSessionId, joinCode } = await openLiveRound(deps, moderator, conferenceId);
  return { conferenceId, closedSessionId, liveSessionId, joinCode };
}

async function startSession(deps: LiveDeps, moderator: StaffActor, conferenceId: string, title: string, entries: Parameters<typeof addAgendaItems>[2]) {
  const { id: liveSessionId } = await createLiveSession(deps.db, moderator, { conferenceId, title, dotsPerParticipant: 6 });
  const { ids } = await addAgendaItems(deps, moderator, { liveSessionId, ...(entries as object) });
  const { joinCode } = await startLiveSession(deps, moderator, { liveSessionId });
  return { liveSessionId, itemIds: ids, joinCode };
}

async function join(deps: LiveDeps, joinCode: string, voice: DemoVoice): Promise<ParticipantActor> {
  // Nobody holds these participants' cookie: the secret is thrown away at once.
  const { secretHash } = issueParticipantToken();
  const { participantId, conferenceId } = await joinLiveSession(
    deps,
    { kind: "anonymous" },
    { code: joinCode, language: voice.language, displayName: voice.name, group: voice.group, district: voice.district },
    { secretHash, clientIp: demoClientIp },
  );
  return { kind: "participant", participantId, conferenceId, language: voice.language };
}

const dots = (deps: LiveDeps, who: ParticipantActor, agendaItemId: string, value: number) =>
  castVote(deps, who, { kind: "dots", clientId: randomUUID(), agendaItemId, value });

const rankedInRound1 = ["540-2", "170-4", "510-2"];

/** Round 1, finished: three measures prioritised and ranked, comments, two proposals, the planners' answers. */
async function runClosedRound(deps: LiveDeps, moderator: StaffActor, planner: StaffActor, conferenceId: string) {
  const round = await startSession(deps, moderator, conferenceId, "Runde 1: Was ist am wichtigsten?", {
    entries: [
      { kind: "measure", measureCode: "540-2" },
      { kind: "measure", measureCode: "170-4" },
      { kind: "measure", measureCode: "510-2" },
      { kind: "ranking", question: "Was soll zuerst umgesetzt werden?", measureCodes: rankedInRound1 },
      { kind: "question", question: "Was fehlt in Ihrem Stadtteil?" },
    ],
  });
  const [neighbourhood, languages, daycare, ranking, question] = round.itemIds as [string, string, string, string, string];
  const people: ParticipantActor[] = [];
  for (const voice of demoVoices) people.push(await join(deps, round.joinCode, voice));

  for (const item of [neighbourhood, languages, daycare]) {
    await setCurrentItem(deps, moderator, { liveSessionId: round.liveSessionId, agendaItemId: item });
    await setPhase(deps, moderator, { agendaItemId: item, phase: "prioritise" });
    // Each voice spends its dots in a pattern of its own, so the result has a clear order.
    const spend = item === neighbourhood ? [3, 2, 1, 3, 2, 3, 1, 2, 3, 2, 1, 3] : item === languages ? [2, 3, 3, 1, 2, 2, 3, 3, 1, 2, 3, 2] : [1, 0, 1, 1, 1, 0, 1, 0, 1, 1, 1, 0];
    for (const [i, who] of people.entries()) if (spend[i]) await dots(deps, who, item, spend[i]!);
  }
  // The three measures ranked against each other: most put the neighbourhood first.
  await setCurrentItem(deps, moderator, { liveSessionId: round.liveSessionId, agendaItemId: ranking });
  await setPhase(deps, moderator, { agendaItemId: ranking, phase: "prioritise" });
  for (const [i, who] of people.entries()) {
    const order = i % 4 === 3 ? ["170-4", "540-2", "510-2"] : i % 4 === 2 ? ["540-2", "510-2", "170-4"] : rankedInRound1;
    await castRanking(deps, who, { clientId: randomUUID().replace(/-/g, ""), agendaItemId: ranking, order });
  }
  await setPhase(deps, moderator, { agendaItemId: ranking, phase: "results" });
  await setCurrentItem(deps, moderator, { liveSessionId: round.liveSessionId, agendaItemId: neighbourhood });
  const comment = (who: number, agendaItemId: string, body: string) =>
    postComment(deps, people[who]!, { agendaItemId, body, clientId: randomUUID() });
  await comment(0, neighbourhood, "Die Quartierstreffs brauchen Öffnungszeiten am Abend, sonst kommen Berufstätige nicht.");
  await comment(4, neighbourhood, "نحتاج إلى أماكن لقاء في الحي يمكن للعائلات الوصول إليها بدون سيارة.");
  const flagged = await comment(6, neighbourhood, "Please announce the neighbourhood meetings in more languages, not only in German.");
  await moderateComment(deps, moderator, { action: "flag", commentId: flagged.id });

  await setCurrentItem(deps, moderator, { liveSessionId: round.liveSessionId, agendaItemId: question });
  const sprachcafe = await submitProposal(deps, people[2]!, {
    liveSessionId: round.liveSessionId,
    agendaItemId: question,
    kind: "new_measure",
    title: "Sprachcafé in jedem Stadtbezirk",
    body: "Ein offener Treff, in dem Deutsch gesprochen und geübt wird, einmal pro Woche in jedem Stadtbezirk, mit Kinderbetreuung.",
    clientId: randomUUID(),
  });
  const lotsen = await submitProposal(deps, people[5]!, {
    liveSessionId: round.liveSessionId,
    agendaItemId: question,
    kind: "new_measure",
    title: "Lotsinnen für den Kita-Platz",
    body: "Ehrenamtliche Lotsinnen helfen Familien, die wenig Deutsch sprechen, bei der Anmeldung für einen Kita-Platz.",
    clientId: randomUUID(),
  });
  await closeLiveSession(deps, moderator, { liveSessionId: round.liveSessionId });

  await decide(deps.db, planner, {
    subjects: [{ kind: "proposal", proposalId: sprachcafe.id }],
    decision: { outcome: "merged", into: { kind: "measure", code: "170-4" } },
    reasons: [
      { language: "de", text: "Das Programm „Bielefelder Viadukt“ baut solche Sprachtreffs auf; wir nehmen den Vorschlag dort auf." },
      { language: "en", text: "The programme “Bielefelder Viadukt” is setting up such language meetings; we take the proposal up there." },
    ],
  });
  await decide(deps.db, planner, {
    subjects: [{ kind: "proposal", proposalId: lotsen.id }],
    decision: { outcome: "deferred" },
    reasons: [{ language: "de", text: "Wir prüfen mit dem Jugendamt bis zum Frühjahr, ob die Kita-Anmeldung so begleitet werden kann." }],
  });
  return round.liveSessionId;
}

/** Round 2, in progress: the first measure is current and open for dots, with a few voices in. */
async function openLiveRound(deps: LiveDeps, moderator: StaffActor, conferenceId: string) {
  const round = await startSession(deps, moderator, conferenceId, "Runde 2: Wohnen und Nachbarschaft", {
    entries: [
      { kind: "measure", measureCode: "500-1", note: demoNote, noteTranslations: demoNoteTranslations },
      { kind: "measure", measureCode: "540-4" },
      { kind: "measure", measureCode: "170-1" },
      // Up next: the three measures of this round ranked against each other.
      { kind: "ranking", question: "Was soll zuerst umgesetzt werden?", measureCodes: ["500-1", "540-4", "170-1"] },
      { kind: "question", question: "Was fehlt in Ihrem Stadtteil?" },
    ],
  });
  const [counselling] = round.itemIds as [string];
  await setCurrentItem(deps, moderator, { liveSessionId: round.liveSessionId, agendaItemId: counselling });
  await setPhase(deps, moderator, { agendaItemId: counselling, phase: "prioritise" });
  const people: ParticipantActor[] = [];
  for (const voice of demoVoices.slice(0, 6)) people.push(await join(deps, round.joinCode, voice));
  for (const [i, who] of people.entries()) await dots(deps, who, counselling, (i % 3) + 1);
  await postComment(deps, people[1]!, {
    agendaItemId: counselling,
    body: "Beratung im Stadtteil ist gut, aber bitte auch samstags.",
    clientId: randomUUID(),
  });
  await postComment(deps, people[4]!, {
    agendaItemId: counselling,
    body: "أمي تحتاج إلى استشارة بالعربية، هل هذا ممكن؟",
    clientId: randomUUID(),
  });
  return { liveSessionId: round.liveSessionId, joinCode: round.joinCode };
}

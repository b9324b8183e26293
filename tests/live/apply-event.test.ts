import { describe, expect, it } from "vitest";
import { applyLiveEvent } from "../../app/live/apply-event";
import type { LiveEvent } from "../../app/live/events";
import { defaultActivities } from "../../app/live/agenda-entries.server";
import type { LiveState } from "../../app/live/state.server";
import type { AgendaItemView, CommentView, ItemResult } from "../../app/live/views";
import type { TranslationView } from "../../app/translation/views";

type ClientEvent = Exclude<LiveEvent, { audience: "internal" }>;
const liveSessionId = "5b1e7c1e-0000-4000-8000-000000000000";

function question(id: string, position: number, extra: Partial<AgendaItemView> = {}): AgendaItemView {
  return {
    id,
    position,
    kind: "question",
    measure: null,
    cluster: null,
    goal: null,
    question: `Frage ${position + 1}`,
    questionTranslations: {},
    note: null,
    noteTranslations: {},
    rankedMeasures: null,
    activities: defaultActivities("question"),
    phase: "discuss",
    commentsOpen: true,
    votingState: "closed",
    resultsVisible: false,
    commentsPremoderated: false,
    ...extra,
  };
}

const emptyResult = (agendaItemId: string): ItemResult => ({
  agendaItemId,
  voterCount: 0,
  commentCount: 0,
  dots: null,
  rating: null,
  scale: null,
  ranking: null,
});

function state(items: AgendaItemView[], moderator: boolean): LiveState {
  return {
    liveSession: { id: liveSessionId, title: "Priorisierung", status: "live", joinCode: "ABCDEF", dotsPerParticipant: 5, currentAgendaItemId: "a", wallLanguage: null, step: null },
    conference: {
      id: "c",
      title: "Zukunftskonferenz Sieker",
      titleTranslations: {},
      description: null,
      descriptionTranslations: {},
      kind: "future_conference",
      startsAt: new Date("2026-12-01T17:00:00Z"),
      place: null,
      district: "Sieker",
      districts: null,
      languages: ["de"],
      planSlug: "ziele-und-massnahmen-2022-2023",
      planTitle: "Ziele und Maßnahmen 2022/2023",
      goalsNamedFirst: null,
    },
    items,
    comments: [],
    results: items.filter((i) => moderator || i.resultsVisible).map((i) => emptyResult(i.id)),
    proposals: moderator ? [] : null,
    paperBatches: moderator ? [] : null,
    participantCount: 3,
    me: null,
    moderator,
  };
}

const comment = (id: string): CommentView => ({
  id,
  agendaItemId: "a",
  parentId: null,
  body: `Kommentar ${id}`,
  language: "de",
  authorName: null,
  byStaff: false,
  createdAt: "2026-12-01T17:00:00.000Z",
  pinned: false,
  flaggedRelevant: false,
  supportCount: 0,
  hidden: null,
  mergedIntoId: null,
  awaitingApproval: false,
  translations: [],
});

const apply = (start: LiveState, events: ClientEvent[]) => events.reduce(applyLiveEvent, start);
const order = (s: LiveState) => s.items.map((i) => `${i.id}@${i.position}`);

describe("applying agenda edits", () => {
  const moderator = state([question("a", 0), question("b", 1), question("c", 2, { resultsVisible: true })], true);
  const participant = state([question("a", 0), question("c", 2, { resultsVisible: true })], false);

  it("puts a new item in its place on a moderator's screen, once however often it arrives", () => {
    const added: ClientEvent = { type: "agendaItem.updated", liveSessionId, audience: "moderators", item: question("d", 3) };
    const once = apply(moderator, [added]);
    expect(order(once)).toEqual(["a@0", "b@1", "c@2", "d@3"]);
    expect(apply(once, [added])).toEqual(once);
  });

  it("reorders on a swap, and applying the swap again changes nothing", () => {
    const swap: ClientEvent[] = [
      { type: "agendaItem.updated", liveSessionId, audience: "moderators", item: question("b", 0) },
      { type: "agendaItem.updated", liveSessionId, audience: "all", item: question("a", 1) },
    ];
    const once = apply(moderator, swap);
    expect(order(once)).toEqual(["b@0", "a@1", "c@2"]);
    expect(apply(once, swap)).toEqual(once);
    // A phone sees only the current item move.
    expect(order(apply(participant, [swap[1]!]))).toEqual(["a@1", "c@2"]);
  });

  it("shows a changed activity of the current item on a phone at once", () => {
    const withDots = question("a", 0, { activities: { ...defaultActivities("question"), dots: { maxPerItem: 2 } } });
    const after = apply(participant, [{ type: "agendaItem.updated", liveSessionId, audience: "all", item: withDots }]);
    expect(after.items[0]!.activities.dots).toEqual({ maxPerItem: 2 });
  });

  it("carries every translation of a question to the phone, which picks its language itself", () => {
    const translated = question("a", 0, { questionTranslations: { tr: "Ne eksik?", ar: "ما الذي ينقص؟" } });
    const after = apply(participant, [{ type: "agendaItem.updated", liveSessionId, audience: "all", item: translated }]);
    expect(after.items[0]!.questionTranslations).toEqual({ tr: "Ne eksik?", ar: "ما الذي ينقص؟" });
  });

  it("carries a note's and a criterion's translations to the phone unchanged (decision 046)", () => {
    const rating = { criteria: ["Barrierefreiheit"], min: 1, max: 5, criterionTranslations: { Barrierefreiheit: { ar: "إمكانية الوصول" } } };
    const translated = question("a", 0, {
      note: "Bitte kurz.",
      noteTranslations: { tr: "Lütfen kısa.", ar: "باختصار من فضلك." },
      activities: { ...defaultActivities("question"), rating },
    });
    const after = apply(participant, [{ type: "agendaItem.updated", liveSessionId, audience: "all", item: translated }]);
    expect(after.items[0]!.noteTranslations).toEqual({ tr: "Lütfen kısa.", ar: "باختصار من فضلك." });
    expect(after.items[0]!.activities.rating?.criterionTranslations).toEqual(rating.criterionTranslations);
  });

  it("drops a removed item and its result, and removing it again changes nothing", () => {
    const removed: ClientEvent = { type: "agendaItem.removed", liveSessionId, audience: "all", agendaItemId: "c" };
    for (const start of [moderator, participant]) {
      const once = apply(start, [removed]);
      expect(once.items.map((i) => i.id)).not.toContain("c");
      expect(once.results.map((r) => r.agendaItemId)).not.toContain("c");
      expect(once.liveSession).toEqual(start.liveSession);
      expect(apply(once, [removed])).toEqual(once);
    }
  });

  it("ignores the removal of an item a screen never had", () => {
    const removed: ClientEvent = { type: "agendaItem.removed", liveSessionId, audience: "moderators", agendaItemId: "b" };
    expect(apply(participant, [removed])).toEqual(participant);
  });
});

describe("a comment its author deleted", () => {

  it("leaves every screen, the moderators' too (a hidden one stays with them, a deleted one not)", () => {
    const deleted: ClientEvent = { type: "comment.deleted", liveSessionId, audience: "all", commentId: "x" };
    for (const moderator of [true, false]) {
      const start = { ...state([question("a", 0)], moderator), comments: [comment("x"), comment("y")] };
      const once = apply(start, [deleted]);
      expect(once.comments.map((c) => c.id)).toEqual(["y"]);
      expect(apply(once, [deleted])).toEqual(once);
    }
  });
});

describe("applying paper entries", () => {
  const batch = (id: string, value: number) => ({
    id,
    agendaItemId: "a",
    kind: "scale" as const,
    criterion: null,
    value,
    weight: 2,
    enteredBy: "Test moderator",
    createdAt: "2026-12-02T15:00:00.000Z",
  });
  const entered = (id: string, value: number): ClientEvent => ({ type: "paperBatch.updated", liveSessionId, audience: "moderators", batch: batch(id, value) });

  it("lists a colleague's entry once, corrects it in place and drops it when withdrawn, on a moderator's screen only", () => {
    const moderator = state([question("a", 0)], true);
    const listed = apply(moderator, [entered("p1", 7), entered("p2", 3), entered("p1", 7)]);
    expect(listed.paperBatches!.map((b) => `${b.id}=${b.value}`)).toEqual(["p1=7", "p2=3"]);
    const corrected = apply(listed, [entered("p1", 8)]);
    expect(corrected.paperBatches!.map((b) => `${b.id}=${b.value}`)).toEqual(["p1=8", "p2=3"]);
    const withdrawn: ClientEvent = { type: "paperBatch.withdrawn", liveSessionId, audience: "moderators", agendaItemId: "a", voteId: "p1" };
    expect(apply(corrected, [withdrawn, withdrawn]).paperBatches!.map((b) => b.id)).toEqual(["p2"]);
    expect(apply(state([question("a", 0)], false), [entered("p1", 7), withdrawn]).paperBatches).toBeNull();
  });
});

describe("applying translations (decision 042)", () => {
  const translation = (language: string, kind: "person" | "machine", text: string): TranslationView => ({
    language,
    title: null,
    text,
    kind,
    engine: kind === "machine" ? "libretranslate" : null,
    translatedAt: "2026-12-02T18:00:00.000Z",
  });
  const translated = (t: TranslationView): ClientEvent => ({
    type: "comment.translated",
    liveSessionId,
    audience: "all",
    agendaItemId: "a",
    commentId: "x",
    translation: t,
  });

  it("adds a translation to its comment once, and a person's replaces a machine's but never the other way", () => {
    const start = { ...state([question("a", 0)], false), comments: [comment("x"), comment("y")] };
    const machine = apply(start, [translated(translation("tr", "machine", "makine")), translated(translation("tr", "machine", "makine"))]);
    expect(machine.comments[0]!.translations.map((t) => `${t.language}:${t.kind}`)).toEqual(["tr:machine"]);
    expect(machine.comments[1]!.translations).toEqual([]);
    const person = apply(machine, [translated(translation("tr", "person", "insan")), translated(translation("de", "person", "Mensch"))]);
    expect(person.comments[0]!.translations.map((t) => `${t.language}:${t.kind}:${t.text}`)).toEqual(["de:person:Mensch", "tr:person:insan"]);
    const late = apply(person, [translated(translation("tr", "machine", "geç"))]);
    expect(late.comments[0]!.translations.find((t) => t.language === "tr")!.text).toBe("insan");
  });

  it("ignores a translation of a comment the screen does not hold, and sets the wall's second language", () => {
    const start = state([question("a", 0)], false);
    expect(apply(start, [translated(translation("tr", "person", "insan"))])).toEqual(start);
    const wall: ClientEvent = { type: "liveSession.wallLanguage", liveSessionId, audience: "all", language: "ar" };
    expect(apply(start, [wall]).liveSession.wallLanguage).toBe("ar");
  });
});

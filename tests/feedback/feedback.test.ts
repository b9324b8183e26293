import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../../app/auth/actor";
import type { DomainError } from "../../app/errors";
import { conferenceFeedback } from "../../app/feedback/feedback.server";
import { myInput } from "../../app/feedback/my-input.server";
import { eq } from "drizzle-orm";
import { agendaItems } from "../../db/schema";
import { openTestDatabase, type TestDatabase } from "../support/database";
import { createStaff, recordingDeps } from "../support/fixtures";
import { decidedConference, handMadeConference, importTestPlan, testTranslations, translateTestPlan } from "../support/results-fixtures";

let database: TestDatabase;
let planner: StaffActor;
let conference: Awaited<ReturnType<typeof handMadeConference>>;

/** The hand-made conference, closed and decided (decidedConference in the fixtures), W-1, B-1 and W-4 translated into Turkish and Arabic. */
beforeAll(async () => {
  database = await openTestDatabase();
  const deps = recordingDeps(database.db);
  await importTestPlan(deps);
  const moderator = await createStaff(database.db, "moderator");
  planner = await createStaff(database.db, "planner");
  conference = await handMadeConference(deps, moderator);
  conference = await decidedConference(deps, moderator, planner, conference);
  await translateTestPlan(deps);
});
afterAll(() => database.close());

describe("what became of a conference's input", () => {
  it("shows the frozen results and each decision with its reason in the reader's language, else German marked as such", async () => {
    const arabic = await conferenceFeedback(database.db, { kind: "anonymous" }, { conferenceId: conference.conferenceId, language: "ar" });
    const [session] = arabic.sessions;
    expect(session!.items[0]!.result.dots).toEqual({ total: 24, paper: 4, share: 0.8 });
    expect(session!.decisions[conference.items.w1]).toMatchObject({
      outcome: "accepted",
      measure: { code: "W-1" },
      revision: 3,
      reason: { language: "de", text: "Hohe Priorität: die Umsetzung beginnt.", translated: false },
    });
    expect(arabic.proposals.map((p) => [p.title, p.decision?.outcome, p.decision?.reason])).toEqual([
      ["Sprachcafé im Quartier", "accepted", { language: "ar", text: "يبدأ المقهى اللغوي في الخريف.", translated: true }],
      ["Mehr Wohnungen für Familien", "declined", { language: "de", text: "Dafür fehlen die Flächen.", translated: false }],
    ]);
    // The measures the decisions name are the Arabic reader's drafts (decision 047).
    expect(arabic.proposals[0]!.decision).toMatchObject({ measure: { code: "W-4", title: "مقهى اللغة في الحي", language: "ar", note: "draft" }, revision: 2 });
    expect(arabic.comments.map((c) => [c.body, c.decision.outcome, c.decision.mergedInto])).toEqual([
      ["Die Bildungskarte muss digital sein.", "merged", { kind: "measure", code: "B-1", title: "خريطة التعليم", language: "ar", note: "draft" }],
    ]);
    const english = await conferenceFeedback(database.db, { kind: "anonymous" }, { conferenceId: conference.conferenceId, language: "en" });
    expect(english.sessions[0]!.decisions[conference.items.w1]!.reason).toEqual({ language: "en", text: "High priority: implementation starts.", translated: true });
  });

  it("names each measure in the reader's language where translated, else in German marked, and carries no other language", async () => {
    const feedback = (language: string) => conferenceFeedback(database.db, { kind: "anonymous" }, { conferenceId: conference.conferenceId, language });
    const names = async (language: string) => {
      const { sessions, proposals } = await feedback(language);
      return {
        items: sessions[0]!.items.map((i) => i.item.measure),
        decided: sessions[0]!.decisions[conference.items.w1]!.measure,
        accepted: proposals[0]!.decision!.measure,
      };
    };
    const turkish = await names("tr");
    expect(turkish.items).toEqual([
      { code: "W-1", title: "Evsizliği önlemek", language: "tr", note: "draft" },
      { code: "B-1", title: "Eğitim haritası", language: "tr", note: "draft" },
      null,
      null,
    ]);
    expect(turkish.decided).toEqual({ code: "W-1", title: "Evsizliği önlemek", language: "tr", note: "draft" });
    expect(turkish.accepted).toEqual({ code: "W-4", title: "Mahallede dil kafesi", language: "tr", note: "draft" });
    // English has no translation: the German, marked; a German reader reads the original, unmarked.
    expect((await names("en")).items[0]).toEqual({ code: "W-1", title: "Wohnungslosigkeit vermeiden", language: "de", note: "original" });
    expect((await names("de")).accepted).toEqual({ code: "W-4", title: "Sprachcafé im Quartier", language: "de", note: "none" });
    // The Turkish reader's data holds no other language's translation.
    const carried = JSON.stringify(await feedback("tr"));
    for (const title of Object.values(testTranslations.ar)) expect(carried).not.toContain(title);
  });

  it("gives a question's translation only in the reader's language", async () => {
    await database.db.update(agendaItems).set({ questionTranslations: { en: "What is missing?", ar: "ما الذي ينقص؟" } }).where(eq(agendaItems.id, conference.items.question));
    const question = async (language: string) =>
      (await conferenceFeedback(database.db, { kind: "anonymous" }, { conferenceId: conference.conferenceId, language })).sessions[0]!.items.find((i) => i.item.kind === "question")!.item;
    expect((await question("ar")).questionTranslations).toEqual({ ar: "ما الذي ينقص؟" });
    // No Turkish text: the page picks the German, marked.
    expect(await question("tr")).toMatchObject({ question: "Was fehlt?", questionTranslations: {} });
  });

  it("never shows hidden proposals or comments, nor who wrote what", async () => {
    const feedback = await conferenceFeedback(database.db, { kind: "anonymous" }, { conferenceId: conference.conferenceId, language: "de" });
    const text = JSON.stringify(feedback);
    expect(text).not.toContain("Werbung");
    expect(text).not.toContain("Beleidigung");
    expect(text).not.toContain("participantId");
    expect(text).not.toContain("authorName");
  });

  it("refuses a malformed request", async () => {
    const refused = await conferenceFeedback(database.db, { kind: "anonymous" }, { conferenceId: conference.conferenceId, language: "fr" }).catch((e: DomainError) => e.code);
    expect(refused).toBe("invalid");
  });
});

describe("a participant's own input", () => {
  it("shows their proposal, their votes and the decisions, in their language", async () => {
    // p10 (Arabic): proposed the Sprachcafé; on W-1 placed 3 dots, answered 5 on the scale and 1 on urgency.
    const mine = await myInput(database.db, conference.participants[9]!, {});
    expect(mine.proposals.map((p) => [p.title, p.hidden, p.decision?.outcome, p.decision?.reason?.translated])).toEqual([
      ["Sprachcafé im Quartier", null, "accepted", true],
    ]);
    const w1 = mine.votes.find((v) => v.agendaItemId === conference.items.w1)!;
    expect(w1.mine).toEqual({ dots: 3, ratings: { urgency: 1 }, scale: 5, ranking: null });
    expect(w1.ratingMax).toBe(5);
    expect(mine.contentLanguage).toBe("de");
    expect(w1.result?.dots?.total).toBe(24);
    expect(w1.decision).toMatchObject({ outcome: "accepted", reason: { language: "de", translated: false } });
    expect(mine.votes.map((v) => v.about.measure)).toEqual([{ code: "W-1", title: "منع التشرد", language: "ar", note: "draft" }]);
    expect(mine.proposals[0]!.decision!.measure).toMatchObject({ code: "W-4", title: "مقهى اللغة في الحي", language: "ar" });
  });

  it("tells a participant that their comment was hidden and why, and what became of a flagged one", async () => {
    const p7 = await myInput(database.db, conference.participants[6]!, { language: "de" });
    expect(p7.comments.map((c) => [c.body, c.hidden?.reason])).toEqual([["Beleidigung", "Beleidigend"]]);
    expect(p7.proposals.map((p) => [p.title, p.hidden?.reason])).toEqual([["Werbung", "Werbung"]]);
    // Why, and when, but never which moderator.
    expect(Object.keys(p7.comments[0]!.hidden!).sort()).toEqual(["at", "reason"]);
    expect(Object.keys(p7.proposals[0]!.hidden!).sort()).toEqual(["at", "reason"]);
    const p3 = await myInput(database.db, conference.participants[2]!, {});
    expect(p3.comments.map((c) => [c.about?.measure?.code, c.decision?.outcome])).toEqual([["B-1", "merged"]]);
    // p3's second ballot is the one that counts.
    expect(p3.votes.find((v) => v.agendaItemId === conference.items.wohnen)!.mine.ranking).toEqual(["W-3", "W-2", "W-1"]);
  });

  it("is only for participants", async () => {
    const code = (actor: Parameters<typeof myInput>[1]) => myInput(database.db, actor, {}).catch((e: DomainError) => e.code);
    expect(await code(planner)).toBe("forbidden");
    expect(await code({ kind: "anonymous" })).toBe("unauthenticated");
  });
});

/**
 * Comments and proposals across languages (decision 042): a language mediator's translations,
 * machine translations after the post's commit, the projector's second wall language, and what
 * deleting one's data and the export do with translations. Runs on both engines.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../../app/auth/actor";
import { addTeamMember } from "../../app/conferences/team.server";
import { mediatedSessions } from "../../app/live/queries.server";
import { exportConference } from "../../app/feedback/conference-export.server";
import { deleteMyData } from "../../app/feedback/delete-my-data.server";
import type { LiveEvent } from "../../app/live/events";
import { moderateComment, postComment } from "../../app/live/comments.server";
import { machineTranslationsSettled } from "../../app/live/machine-translations.server";
import { submitProposal } from "../../app/live/proposals.server";
import { getLiveState } from "../../app/live/state.server";
import { translateInput } from "../../app/live/translations.server";
import { setWallLanguage } from "../../app/live/wall.server";
import { libreTranslate } from "../../app/translation/libretranslate.server";
import { machineTranslate } from "../../app/translation/machine-translate.server";
import { commentTranslations, machineTranslations } from "../../db/schema";
import { openDemoWorld, type TestDatabase } from "../support/database";
import { fakeLibreTranslate, type FakeService } from "../support/fake-translators";
import { createStaff, joinAs, recordingDeps, refusal, startedSession } from "../support/fixtures";

let database: TestDatabase;
let moderator: StaffActor;
let mediator: StaffActor;
let fake: FakeService;

beforeAll(async () => {
  ({ database, moderator } = await openDemoWorld());
  mediator = await createStaff(database.db, "mediator");
  fake = await fakeLibreTranslate();
});
afterAll(async () => {
  await machineTranslationsSettled();
  await fake.close();
  await database.close();
});

/** A session in de with tr and ar offered, its mediator on the team, and an Arabic participant. */
async function room(deps = recordingDeps(database.db)) {
  const session = await startedSession(deps, moderator, { languages: ["de", "tr", "ar"] });
  await addTeamMember(database.db, moderator, { conferenceId: session.conferenceId, email: mediator.email });
  const arabic = await joinAs(deps, session.joinCode, "ar");
  return { deps, session, arabic };
}

const translated = (events: LiveEvent[]) =>
  events.flatMap((e) => (e.type === "comment.translated" ? [`${e.audience}:${e.translation.language}:${e.translation.kind}:${e.translation.text}`] : []));

describe("a language mediator's translation", () => {
  it("is stored per language, reaches everybody, and a correction replaces it", async () => {
    const { deps, session, arabic } = await room();
    const comment = await postComment(deps, arabic, { agendaItemId: session.itemIds[0]!, body: "نحتاج إلى مزيد من دورات اللغة" });
    expect(comment.language).toBe("ar");
    const base = { target: "comment", liveSessionId: session.liveSessionId, id: comment.id };
    await translateInput(deps, mediator, { ...base, language: "de", text: "Wir brauchen mehr Sprachkurse" });
    await translateInput(deps, mediator, { ...base, language: "tr", text: "Daha fazla dil kursu" });
    await translateInput(deps, mediator, { ...base, language: "tr", text: "Daha fazla dil kursuna ihtiyacımız var" });
    expect(translated(deps.events)).toEqual([
      "all:de:person:Wir brauchen mehr Sprachkurse",
      "all:tr:person:Daha fazla dil kursu",
      "all:tr:person:Daha fazla dil kursuna ihtiyacımız var",
    ]);
    const turkish = await joinAs(deps, session.joinCode, "tr");
    const state = await getLiveState(database.db, turkish, session.liveSessionId);
    expect(state.comments[0]!.translations.map((t) => `${t.language}:${t.kind}:${t.text}`)).toEqual([
      "de:person:Wir brauchen mehr Sprachkurse",
      "tr:person:Daha fazla dil kursuna ihtiyacımız var",
    ]);
    const [row] = await database.db.select().from(commentTranslations).where(eq(commentTranslations.language, "de"));
    expect(row).toMatchObject({ kind: "person", translatedBy: mediator.userId, engine: null });
  });

  it("replaces a machine's translation, which never replaces a person's", async () => {
    const { deps, session, arabic } = await room({ ...recordingDeps(database.db), translator: libreTranslate({ url: fake.url }) });
    const comment = await postComment(deps, arabic, { agendaItemId: session.itemIds[0]!, body: "الحافلات قليلة في المساء" });
    await machineTranslationsSettled();
    expect(translated(deps.events).sort()).toEqual(["all:de:machine:de: الحافلات قليلة في المساء", "all:tr:machine:tr: الحافلات قليلة في المساء"]);
    await translateInput(deps, mediator, { target: "comment", liveSessionId: session.liveSessionId, id: comment.id, language: "de", text: "Abends fahren zu wenige Busse" });
    // The same text again: the cache answers, and the person's German stays.
    await postComment(deps, arabic, { agendaItemId: session.itemIds[0]!, body: "الحافلات قليلة في المساء", clientId: "again-1234" });
    await machineTranslationsSettled();
    const state = await getLiveState(database.db, moderator, session.liveSessionId);
    const first = state.comments.find((c) => c.id === comment.id)!;
    expect(first.translations.map((t) => `${t.language}:${t.kind}`)).toEqual(["de:person", "tr:machine"]);
    expect(first.translations[0]!.text).toBe("Abends fahren zu wenige Busse");
  });

  it("is refused to strangers, participants and moderators of other conferences, and into languages not offered", async () => {
    const { deps, session, arabic } = await room();
    const comment = await postComment(deps, arabic, { agendaItemId: session.itemIds[0]!, body: "شكرا" });
    const base = { target: "comment", liveSessionId: session.liveSessionId, id: comment.id, text: "Danke" };
    const stranger = await createStaff(database.db, "mediator");
    expect(await refusal(translateInput(deps, stranger, { ...base, language: "de" }))).toBe("forbidden conferences:team.notOnTeam");
    expect(await refusal(translateInput(deps, arabic, { ...base, language: "de" }), "code")).toBe("forbidden");
    expect(await refusal(translateInput(deps, mediator, { ...base, language: "ar" }))).toBe("invalid conferences:mediation.error.language");
    expect(await refusal(translateInput(deps, mediator, { ...base, language: "uk" }))).toBe("invalid conferences:mediation.error.language");
    expect(await refusal(translateInput(deps, mediator, { ...base, language: "de", text: " " }), "code")).toBe("invalid");
    // A moderator of the team translates too; a mediator steers nothing.
    expect(await refusal(translateInput(deps, moderator, { ...base, language: "de" }))).toBeNull();
    expect(await refusal(moderateComment(deps, mediator, { action: "pin", commentId: comment.id }), "code")).toBe("forbidden");
    expect(await refusal(setWallLanguage(deps, mediator, { liveSessionId: session.liveSessionId, language: "tr" }), "code")).toBe("forbidden");
  });

  it("finds the sessions of the mediator's conferences, running ones first, and none of others", async () => {
    const before = (await mediatedSessions(database.db, mediator)).map((s) => s.id);
    const { deps, session } = await room();
    const elsewhere = await startedSession(deps, moderator, { title: "Andere Konferenz" });
    const list = await mediatedSessions(database.db, mediator);
    expect(list[0]).toMatchObject({ id: session.liveSessionId, status: "live", conference: { id: session.conferenceId, title: "Zukunftskonferenz Sieker" } });
    expect(list.map((s) => s.id)).not.toContain(elsewhere.liveSessionId);
    expect(list).toHaveLength(before.length + 1);
    expect(await mediatedSessions(database.db, await createStaff(database.db, "mediator"))).toEqual([]);
    expect(await refusal(mediatedSessions(database.db, (await room()).arabic), "code")).toBe("forbidden");
  });

  it("of a comment waiting for approval goes to the team and its author only", async () => {
    const { deps, session, arabic } = await room();
    const { updateItemSettings } = await import("../../app/live/steer.server");
    await updateItemSettings(deps, moderator, { agendaItemId: session.itemIds[0]!, commentsPremoderated: true });
    const comment = await postComment(deps, arabic, { agendaItemId: session.itemIds[0]!, body: "انتظر" });
    deps.events.length = 0;
    await translateInput(deps, mediator, { target: "comment", liveSessionId: session.liveSessionId, id: comment.id, language: "de", text: "Warte" });
    expect(deps.events.map((e) => e.audience)).toEqual(["moderators", "author"]);
  });

  it("of a proposal has a title and a text, and goes to the team", async () => {
    const { deps, session, arabic } = await room();
    const proposal = await submitProposal(deps, arabic, { liveSessionId: session.liveSessionId, kind: "new_measure", title: "مقهى لغوي", body: "لقاء أسبوعي" });
    await translateInput(deps, mediator, { target: "proposal", liveSessionId: session.liveSessionId, id: proposal.id, language: "de", title: "Sprachcafé", text: "Ein wöchentliches Treffen" });
    const event = deps.events.find((e) => e.type === "proposal.translated");
    expect(event).toMatchObject({ audience: "moderators", proposalId: proposal.id, translation: { language: "de", title: "Sprachcafé", kind: "person" } });
    const state = await getLiveState(database.db, mediator, session.liveSessionId);
    expect(state.proposals![0]!.translations[0]).toMatchObject({ title: "Sprachcafé", text: "Ein wöchentliches Treffen" });
  });
});

describe("machine translation after the commit", () => {
  it("translates a posted comment into the session's other languages without the reply waiting for it", async () => {
    fake.reply("hang");
    const translator = libreTranslate({ url: fake.url, timeoutMs: 300 });
    const { deps, session, arabic } = await room({ ...recordingDeps(database.db), translator });
    const before = fake.requests.length;
    const comment = await postComment(deps, arabic, { agendaItemId: session.itemIds[0]!, body: "نريد حديقة للأطفال" });
    // Answered while the service still holds the first request open.
    expect(comment.translations).toEqual([]);
    expect(deps.events.at(-1)!.type).toBe("comment.added");
    expect(translated(deps.events)).toEqual([]);
    await machineTranslationsSettled();
    const asked = fake.requests.slice(before).map((r) => (r.body as { target: string }).target).sort();
    expect(asked).toEqual(["de", "tr"]);
    // One language timed out; the other arrived, stored and announced.
    const stored = await database.db.select().from(commentTranslations).where(eq(commentTranslations.commentId, comment.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ kind: "machine", engine: "libretranslate", translatedBy: null });
    expect(translated(deps.events)).toEqual([`all:${stored[0]!.language}:machine:${stored[0]!.language}: نريد حديقة للأطفال`]);
  });

  it("translates a proposal's title and text", async () => {
    const { deps, session, arabic } = await room({ ...recordingDeps(database.db), translator: libreTranslate({ url: fake.url }) });
    const proposal = await submitProposal(deps, arabic, { liveSessionId: session.liveSessionId, kind: "new_measure", title: "مقهى", body: "لقاء" });
    await machineTranslationsSettled();
    const events = deps.events.filter((e) => e.type === "proposal.translated");
    expect(events.map((e) => e.type === "proposal.translated" && `${e.proposalId === proposal.id}:${e.translation.language}:${e.translation.title}`).sort()).toEqual([
      "true:de:de: مقهى",
      "true:tr:tr: مقهى",
    ]);
  });

  it("with the service down, posting works, nothing is lost and the comment waits for a person", async () => {
    const down = await fakeLibreTranslate();
    await down.close();
    const { deps, session, arabic } = await room({ ...recordingDeps(database.db), translator: libreTranslate({ url: down.url, timeoutMs: 1_000 }) });
    const comment = await postComment(deps, arabic, { agendaItemId: session.itemIds[0]!, body: "الخدمة معطلة" });
    await machineTranslationsSettled();
    const state = await getLiveState(database.db, moderator, session.liveSessionId);
    expect(state.comments.map((c) => `${c.id}:${c.body}:${c.translations.length}`)).toEqual([`${comment.id}:الخدمة معطلة:0`]);
    expect(translated(deps.events)).toEqual([]);
    await translateInput(deps, mediator, { target: "comment", liveSessionId: session.liveSessionId, id: comment.id, language: "de", text: "Der Dienst ist ausgefallen" });
    expect(translated(deps.events)).toEqual(["all:de:person:Der Dienst ist ausgefallen"]);
  });
});

describe("the projector's second wall language", () => {
  it("is kept on the session and sent to every screen; only an offered language other than the main one", async () => {
    const { deps, session, arabic } = await room();
    await setWallLanguage(deps, moderator, { liveSessionId: session.liveSessionId, language: "tr" });
    expect(deps.events.at(-1)).toEqual({ type: "liveSession.wallLanguage", liveSessionId: session.liveSessionId, audience: "all", language: "tr" });
    expect((await getLiveState(database.db, arabic, session.liveSessionId)).liveSession.wallLanguage).toBe("tr");
    expect(await refusal(setWallLanguage(deps, moderator, { liveSessionId: session.liveSessionId, language: "de" }), "code")).toBe("invalid");
    expect(await refusal(setWallLanguage(deps, moderator, { liveSessionId: session.liveSessionId, language: "uk" }), "code")).toBe("invalid");
    await setWallLanguage(deps, moderator, { liveSessionId: session.liveSessionId, language: null });
    expect((await getLiveState(database.db, moderator, session.liveSessionId)).liveSession.wallLanguage).toBeNull();
  });
});

describe("a participant's data and the export", () => {
  it("deleting one's data deletes the comments' translations and their machine translations", async () => {
    const { deps, session, arabic } = await room({ ...recordingDeps(database.db), translator: libreTranslate({ url: fake.url }) });
    const body = "هذا تعليقي الخاص";
    const comment = await postComment(deps, arabic, { agendaItemId: session.itemIds[0]!, body });
    await machineTranslationsSettled();
    await translateInput(deps, mediator, { target: "comment", liveSessionId: session.liveSessionId, id: comment.id, language: "de", text: "Mein eigener Kommentar" });
    const cached = () => machineTranslate(database.db, null, { text: body, from: "ar", to: ["de", "tr"] });
    expect(await cached()).toHaveLength(2);
    await deleteMyData(deps, arabic, { conferenceId: session.conferenceId, confirm: "yes" });
    expect(await database.db.select().from(commentTranslations).where(eq(commentTranslations.commentId, comment.id))).toEqual([]);
    expect(await cached()).toEqual([]);
    expect(await database.db.select().from(machineTranslations)).not.toContainEqual(expect.objectContaining({ text: `de: ${body}` }));
  });

  it("the conference export carries the original and every translation with its language and kind", async () => {
    const { deps, session, arabic } = await room({ ...recordingDeps(database.db), translator: libreTranslate({ url: fake.url }) });
    const comment = await postComment(deps, arabic, { agendaItemId: session.itemIds[0]!, body: "مكتبة مفتوحة" });
    await machineTranslationsSettled();
    await translateInput(deps, mediator, { target: "comment", liveSessionId: session.liveSessionId, id: comment.id, language: "de", text: "Eine offene Bibliothek" });
    const json = await exportConference(database.db, moderator, { conferenceId: session.conferenceId, dataset: "comments", format: "json", language: "de" });
    const [exported] = JSON.parse(json.body) as { body: string; language: string; translations: { language: string; kind: string; text: string; engine: string | null }[] }[];
    expect(exported).toMatchObject({ body: "مكتبة مفتوحة", language: "ar" });
    expect(exported!.translations.map((t) => `${t.language}:${t.kind}:${t.engine}:${t.text}`)).toEqual([
      "de:person:null:Eine offene Bibliothek",
      "tr:machine:libretranslate:tr: مكتبة مفتوحة",
    ]);
    const csv = await exportConference(database.db, moderator, { conferenceId: session.conferenceId, dataset: "comments", format: "csv", language: "de" });
    const [header, row] = csv.body.replace(/^\uFEFF/, "").split(/\r?\n/);
    expect(header).toContain("Übersetzung auf Türkisch");
    expect(header).toContain("Übersetzt von (Deutsch)");
    expect(row).toContain("Eine offene Bibliothek");
    expect(row).toContain("übersetzt von einer Sprachmittlerin oder einem Sprachmittler");
    expect(row).toContain("maschinelle Übersetzung");
  });
});

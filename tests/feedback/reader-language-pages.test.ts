/**
 * The feedback page, the report and a participant's own page in the reader's language, over HTTP
 * against the real server (decision 047): measures named in the reader's language where the test
 * plan has a draft (Turkish, Arabic), else in German, marked; a German reader gets no note.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getConference, updateConferenceTexts } from "../../app/conferences/conferences.server";
import { randomUUID } from "node:crypto";
import type { ParticipantActor } from "../../app/auth/actor";
import { updateActivities } from "../../app/live/setup.server";
import { setPhase } from "../../app/live/steer.server";
import { castVote } from "../../app/live/votes.server";
import { closeLiveSession } from "../../app/results/close.server";
import { createStaff, recordingDeps } from "../support/fixtures";
import { joinByLink } from "../support/http";
import { openFeedbackWorld, type feedbackConference } from "../support/feedback-fixtures";
import { getPage as get } from "../support/http";
import { messagesIn } from "../support/messages";
import { testSession, testTranslations } from "../support/results-fixtures";
import type { TestServer } from "../support/server";

let server: TestServer;
let conference: Awaited<ReturnType<typeof feedbackConference>>;
let planner: string;
let feedbackPath: string;

beforeAll(async () => {
  ({ server, conference, planner, feedbackPath } = await openFeedbackWorld());
});
afterAll(() => server.close());


describe("measures in the reader's language", () => {
  const notes = (language: Parameters<typeof messagesIn>[0]) =>
    (["inGerman", "draft", "machine", "outdated"] as const).map((key) => messagesIn(language)(`common:content.${key}`));
  const [turkishInGerman, turkishDraft] = notes("tr");

  it("shows a Turkish reader the Turkish titles with the draft note, and carries no other language", async () => {
    const { text, html } = await get(server.url, `${feedbackPath}?lng=tr`);
    // The result's heading, the decision on it, the accepted proposal's new measure, the measure a comment joined.
    expect(text).toContain('<span dir="ltr">W-1</span> <span lang="tr" dir="ltr">Evsizliği önlemek</span>');
    expect(text).toContain('<span lang="tr" dir="ltr">Mahallede dil kafesi</span>');
    expect(text).toContain('<span lang="tr" dir="ltr">Eğitim haritası</span>');
    expect(text).toContain(`<span class="muted">${turkishDraft}</span>`);
    // The focus theme's ranking: W-1 in Turkish, W-2 and W-3 untranslated, each note naming its measures.
    expect(text).toContain('<th scope="row" lang="tr" dir="ltr">W-1 Evsizliği önlemek</th>');
    expect(text).toContain('<th scope="row" lang="de" dir="ltr">W-2 Quartierswohnungen</th>');
    expect(text).toContain(`<span dir="ltr">W-2, W-3</span> · <span class="">${turkishInGerman}</span>`);
    expect(text).toContain(`<span dir="ltr">W-1</span> · <span class="">${turkishDraft}</span>`);
    expect(text).not.toContain("Wohnungslosigkeit vermeiden");
    for (const title of Object.values(testTranslations.ar)) expect(html).not.toContain(title);
  });

  it("shows an Arabic reader the Arabic titles right to left", async () => {
    const { text } = await get(server.url, `${feedbackPath}?lng=ar`);
    expect(text).toContain('<span lang="ar" dir="rtl">منع التشرد</span>');
    expect(text).toContain(`<span class="muted">${notes("ar")[1]}</span>`);
  });

  it("shows the German, marked 'Content in German', where the reader's language has no translation", async () => {
    const { text } = await get(server.url, `${feedbackPath}?lng=en`);
    expect(text).toContain('<span dir="ltr">W-1</span> <span lang="de" dir="ltr">Wohnungslosigkeit vermeiden</span>');
    expect(text).toContain('<span class="muted">Content in German</span>');
  });

  it("tells a German reader nothing about translations", async () => {
    const { text } = await get(server.url, feedbackPath);
    expect(text).toContain('<span lang="de" dir="ltr">Wohnungslosigkeit vermeiden</span>');
    for (const note of notes("de")) expect(text).not.toContain(note);
  });

  it("does the same in the printable report", async () => {
    const { status, text } = await get(server.url, `/conferences/${conference.conferenceId}/report?lng=tr`, planner);
    expect(status).toBe(200);
    expect(text).toContain('<span lang="tr" dir="ltr">Evsizliği önlemek</span>');
    expect(text).toContain(turkishDraft);
    expect(text).not.toContain("Wohnungslosigkeit vermeiden");
    const arabic = await get(server.url, `/conferences/${conference.conferenceId}/report?lng=ar`, planner);
    expect(arabic.text).toContain('<span lang="ar" dir="rtl">خريطة التعليم</span>');
    const german = await get(server.url, `/conferences/${conference.conferenceId}/report`, planner);
    expect(german.text).toContain('<span lang="de" dir="ltr">Bildungskarte</span>');
    for (const note of notes("de")) expect(german.text).not.toContain(note);
  });

  it("and on a participant's own page", async () => {
    const { text, html } = await get(server.url, "/my-input?lng=tr", conference.participantCookie);
    // Their points and their comment on B-1.
    expect(text).toContain('<span dir="ltr">B-1</span> <span lang="tr" dir="ltr">Eğitim haritası</span>');
    expect(text).toContain(turkishDraft);
    expect(html).not.toContain("Bildungskarte");
    expect(html).not.toContain(testTranslations.ar["B-1"]);
    const arabic = await get(server.url, "/my-input?lng=ar", conference.participantCookie);
    expect(arabic.text).toContain('<span lang="ar" dir="rtl">خريطة التعليم</span>');
    const english = await get(server.url, "/my-input?lng=en", conference.participantCookie);
    expect(english.text).toContain('<span lang="de" dir="ltr">Bildungskarte</span> · <span class="muted">Content in German</span>');
    const german = await get(server.url, "/my-input?lng=de", conference.participantCookie);
    expect(german.text).toContain('<span lang="de" dir="ltr">Bildungskarte</span></h4>');
    for (const note of notes("de")) expect(german.text).not.toContain(note);
  });
});

describe("the conference's title in the reader's language", () => {
  it("heads the feedback page, the report and my input where the team translated it, else the German, marked", async () => {
    const db = server.database.db;
    const { title } = (await getConference(db, conference.conferenceId))!;
    await updateConferenceTexts(db, await createStaff(db, "admin"), {
      conferenceId: conference.conferenceId,
      title,
      titleTranslations: { en: "Neighbourhood workshop" },
    });
    const english = await get(server.url, `${feedbackPath}?lng=en`);
    expect(english.text).toContain('<h1 lang="en" dir="ltr">Neighbourhood workshop</h1>');
    expect(english.html).toMatch(/<title>[^<]*Neighbourhood workshop/);
    const report = await get(server.url, `/conferences/${conference.conferenceId}/report?lng=en`, planner);
    expect(report.text).toContain('<h1 id="report-title" lang="en" dir="ltr">Neighbourhood workshop</h1>');
    expect((await get(server.url, "/my-input?lng=en", conference.participantCookie)).text).toContain('lang="en" dir="ltr">Neighbourhood workshop</h2>');
    // Arabic has no translation: the German title, in German, and the mark saying so.
    const arabic = await get(server.url, `${feedbackPath}?lng=ar`);
    expect(arabic.text).toContain(`<h1 lang="de" dir="ltr">${title}</h1>`);
    expect(arabic.text).toContain(messagesIn("ar")("common:content.inGerman"));
  });
});

describe("a criterion the moderator named", () => {
  it("is named in the reader's language in the results, the breakdowns and the reader's own votes", async () => {
    const deps = recordingDeps(server.database.db);
    const moderator = await createStaff(deps.db, "moderator");
    const access = "Barrierefreiheit";
    const arabic = "إمكانية الوصول";
    const session = await testSession(deps, moderator, "Workshop Zugänge", [{ kind: "measure", measureCode: "W-1" }]);
    const item = session.itemIds[0]!;
    const rating = { criteria: [access], min: 1, max: 5, criterionTranslations: { [access]: { ar: arabic } } };
    await updateActivities(deps, moderator, { agendaItemId: item, activities: { comments: true, dots: null, rating, scale: null, ranking: false } });
    await setPhase(deps, moderator, { agendaItemId: item, phase: "prioritise" });
    const { cookie } = await joinByLink(server.url, session.joinCode, { language: "ar" });
    const participantId = /mitplan_participant=([0-9a-f-]{36})\./.exec(cookie)![1]!;
    const me: ParticipantActor = { kind: "participant", participantId, conferenceId: session.conferenceId, language: "ar" };
    await castVote(deps, me, { kind: "rating", clientId: randomUUID(), agendaItemId: item, criterion: access, value: 4 });
    await closeLiveSession(deps, moderator, { liveSessionId: session.liveSessionId });

    const page = await get(server.url, `/conferences/${session.conferenceId}/feedback?lng=ar`);
    // The chart, its table and the breakdown's caption: the German name nowhere on the page.
    expect(page.text).toContain(arabic);
    expect(page.text).not.toContain(access);
    const mine = await get(server.url, "/my-input?lng=ar", cookie);
    expect(mine.text).toContain(messagesIn("ar")("feedback:mine.rating", { criterion: arabic, value: 4 }));
  });
});

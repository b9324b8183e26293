/**
 * Comments and proposals on the feedback page, the report and a participant's own page in the
 * reader's language, over HTTP against the real server (decision 049): the original as written
 * and, where the reader reads another language, its translation into theirs, labelled with who
 * made it, each text with its `lang` and `dir`; the page carries no other language's translation,
 * and a hidden proposal's translation stays as hidden as the proposal.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { comments } from "../../db/schema";
import { saveMachineTranslations, savePersonTranslation, type TranslationTarget } from "../../app/translation/input-translations.server";
import { createStaff } from "../support/fixtures";
import { feedbackConference, signInAsPlanner } from "../support/feedback-fixtures";
import { get as getRaw } from "../support/http";
import { messagesIn } from "../support/messages";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let conference: Awaited<ReturnType<typeof feedbackConference>>;
let planner: string;
let feedbackPath: string;

/** Translations into Turkish and Arabic; who made each differs by input, so both labels are seen. */
const translated = {
  // The flagged German comment a planner merged into B-1: on the feedback page.
  relevant: { tr: "Eğitim haritası dijital olmalı.", ar: "يجب أن تكون خريطة التعليم رقمية." },
  // The German proposal to change W-2 (declined): on the feedback page and in the report.
  change: {
    tr: { title: "Aileler için daha fazla konut", text: "Büyük aileler için de mahalle konutları." },
    ar: { title: "مزيد من المساكن للعائلات", text: "مساكن الحي للعائلات الكبيرة أيضًا." },
  },
  // The English participant's own comment: on their page.
  mine: { tr: "Harita çevrimdışı da çalışmalı.", ar: "يجب أن تعمل الخريطة دون اتصال." },
  // The proposal the moderator hid: on no public page, nor its translation.
  hidden: { tr: { title: "Reklam", text: "Bizden satın alın" } },
};

beforeAll(async () => {
  server = await startTestServer();
  conference = await feedbackConference(server);
  planner = await signInAsPlanner(server.url);
  feedbackPath = `/conferences/${conference.conferenceId}/feedback`;
  const db = server.database.db;
  const { userId } = await createStaff(db, "mediator");
  const person = (target: TranslationTarget, language: string, text: string, title: string | null = null) =>
    savePersonTranslation(db, target, { language, title, text, userId });
  const machine = (target: TranslationTarget, language: "tr" | "ar", text: string, title?: string) => {
    const made = (t: string) => [{ language, text: t, engine: "libretranslate" as const, createdAt: new Date() }];
    return saveMachineTranslations(db, target, made(text), title ? made(title) : []);
  };
  const relevant = { kind: "comment", id: conference.comments.relevant } as const;
  await person(relevant, "tr", translated.relevant.tr);
  await machine(relevant, "ar", translated.relevant.ar);
  const change = { kind: "proposal", id: conference.proposals.change } as const;
  await machine(change, "tr", translated.change.tr.text, translated.change.tr.title);
  await person(change, "ar", translated.change.ar.text, translated.change.ar.title);
  const [mine] = await db.select({ id: comments.id }).from(comments).where(eq(comments.body, "The map should work offline."));
  await person({ kind: "comment", id: mine!.id }, "tr", translated.mine.tr);
  await machine({ kind: "comment", id: mine!.id }, "ar", translated.mine.ar);
  await person({ kind: "proposal", id: conference.proposals.hidden }, "tr", translated.hidden.tr.text, translated.hidden.tr.title);
});
afterAll(() => server.close());

/** Without the NUL bytes React's streaming renderer may leave at a chunk boundary (see feedback-pages.test.ts). */
async function get(...args: Parameters<typeof getRaw>) {
  const page = await getRaw(...args);
  return { ...page, html: page.html.replace(/\0/g, ""), text: page.text.replace(/\0/g, "") };
}

const byPerson = (language: "tr" | "ar" | "de") => messagesIn(language)("live:translation.byPerson");
const byMachine = (language: "tr" | "ar" | "de") => messagesIn(language)("live:translation.byMachine");
/** A translation as the live screens render it: its text in its language, then who made it. */
const note = (language: "tr" | "ar", text: string, by: string) =>
  `<p class="translation__text" lang="${language}" dir="${language === "ar" ? "rtl" : "ltr"}">${text}</p><p class="translation__by">${by}</p>`;
/** A proposal's translation starts with its title. */
const titled = (language: "tr" | "ar", title: string) => `<p class="translation__text" lang="${language}" dir="${language === "ar" ? "rtl" : "ltr"}"><strong>${title}`;
const allTexts = (language: "tr" | "ar") => [
  translated.relevant[language],
  translated.change[language].title,
  translated.change[language].text,
  translated.mine[language],
];

describe("comments and proposals in the reader's language", () => {
  it("shows a Turkish reader the original and its Turkish translation, labelled, and carries no Arabic one", async () => {
    const { text, html } = await get(server.url, `${feedbackPath}?lng=tr`);
    expect(text).toContain('<blockquote lang="de" dir="ltr">Die Bildungskarte muss digital sein.</blockquote>');
    expect(text).toContain(note("tr", translated.relevant.tr, byPerson("tr")));
    expect(text).toContain('<h3 id="proposal-' + conference.proposals.change + '" lang="de" dir="ltr">Mehr Wohnungen für Familien</h3>');
    expect(text).toContain(titled("tr", translated.change.tr.title));
    expect(text).toContain(`${translated.change.tr.text}</p><p class="translation__by">${byMachine("tr")}</p>`);
    for (const arabic of allTexts("ar")) expect(html).not.toContain(arabic);
    expect(html).not.toContain(translated.hidden.tr.title);
    expect(html).not.toContain(translated.hidden.tr.text);
  });

  it("shows an Arabic reader the Arabic translations right to left, and carries no Turkish one", async () => {
    const { text, html } = await get(server.url, `${feedbackPath}?lng=ar`);
    expect(text).toContain(note("ar", translated.relevant.ar, byMachine("ar")));
    expect(text).toContain(titled("ar", translated.change.ar.title));
    expect(text).toContain(`${translated.change.ar.text}</p><p class="translation__by">${byPerson("ar")}</p>`);
    for (const turkish of allTexts("tr")) expect(html).not.toContain(turkish);
  });

  it("shows a German reader the German originals only", async () => {
    const { text, html } = await get(server.url, feedbackPath);
    expect(text).toContain('<blockquote lang="de" dir="ltr">Die Bildungskarte muss digital sein.</blockquote>');
    expect(text).not.toContain('class="translation');
    for (const other of [...allTexts("tr"), ...allTexts("ar")]) expect(html).not.toContain(other);
  });

  it("does the same in the printable report", async () => {
    const turkish = await get(server.url, `/conferences/${conference.conferenceId}/report?lng=tr`, planner);
    expect(turkish.status).toBe(200);
    expect(turkish.text).toContain(titled("tr", translated.change.tr.title));
    expect(turkish.text).toContain(byMachine("tr"));
    for (const arabic of allTexts("ar")) expect(turkish.html).not.toContain(arabic);
    const arabic = await get(server.url, `/conferences/${conference.conferenceId}/report?lng=ar`, planner);
    expect(arabic.text).toContain(titled("ar", translated.change.ar.title));
    const german = await get(server.url, `/conferences/${conference.conferenceId}/report`, planner);
    expect(german.text).not.toContain('class="translation');
  });

  it("and on a participant's own page, where the author's own language gets no translation", async () => {
    const cookie = conference.participantCookie;
    const turkish = await get(server.url, "/my-input?lng=tr", cookie);
    expect(turkish.text).toContain('<blockquote lang="en" dir="ltr">The map should work offline.</blockquote>');
    expect(turkish.text).toContain(note("tr", translated.mine.tr, byPerson("tr")));
    expect(turkish.html).not.toContain(translated.mine.ar);
    const arabic = await get(server.url, "/my-input?lng=ar", cookie);
    expect(arabic.text).toContain(note("ar", translated.mine.ar, byMachine("ar")));
    expect(arabic.html).not.toContain(translated.mine.tr);
    const english = await get(server.url, "/my-input?lng=en", cookie);
    expect(english.text).toContain('<blockquote lang="en" dir="ltr">The map should work offline.</blockquote>');
    expect(english.text).not.toContain('class="translation');
    for (const other of [translated.mine.tr, translated.mine.ar]) expect(english.html).not.toContain(other);
  });
});

/**
 * Comments across languages in real browsers (issue 11, decision 042), with axe on every page: a
 * moderator runs a session in German with Turkish and Arabic offered; the Turkish participant reads
 * the measure in Turkish (the demo's draft, marked as one); an Arabic participant
 * comments in Arabic; a language mediator translates it into German and Turkish from the mediator
 * console; the Turkish participant's phone and the projector (the wall in German and Turkish, as
 * the console chose) show the translations live, without a reload; the conference export carries
 * the original and the translations with their language and kind. No machine translator here:
 * tests/translation/ proves that path.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addTeamMember } from "../../app/conferences/team.server";
import { createSession } from "../../app/auth/sessions.server";
import { expectAccessible, launchBrowser, roomScreens as sizes } from "../support/browser";
import { createStaff, recordingDeps, startedSession } from "../support/fixtures";
import { messagesIn, t } from "../support/messages";
import trDemo from "../../db/demo/translations/ziele-und-massnahmen-2022-2023/tr.json";
import { notReloaded, roomPages } from "../support/room-pages";
import { startTestServer, type TestServer } from "../support/server";

const arabicComment = "نحتاج إلى مزيد من دورات اللغة في المساء";
const germanTranslation = "Wir brauchen mehr Sprachkurse am Abend";
const turkishTranslation = "Akşamları daha fazla dil kursuna ihtiyacımız var";

let server: TestServer;
let browser: Browser;
let session: Awaited<ReturnType<typeof startedSession>>;
let tokens: { moderator: string; mediator: string };
const pages = {} as Record<"console" | "projector" | "mediator" | "turkish" | "arabic", Page>;
const scriptErrors: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const db = server.database.db;
  const moderator = await createStaff(db, "moderator");
  const mediator = await createStaff(db, "mediator");
  session = await startedSession(recordingDeps(db), moderator, { measureCodes: ["540-2"], languages: ["de", "tr", "ar"] });
  await addTeamMember(db, moderator, { conferenceId: session.conferenceId, email: mediator.email });
  tokens = { moderator: (await createSession(db, moderator.userId)).token, mediator: (await createSession(db, mediator.userId)).token };
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(() => {
  expect(scriptErrors.splice(0), "errors in the browser").toEqual([]);
});

const phone = (language: "tr" | "ar") => screens().phone(sizes.phone, session, language);
const screens = () => roomPages(browser, server.url, scriptErrors);

const staff = (who: keyof typeof tokens, size: { width: number; height: number }, path: string) =>
  screens()
    .open(size, [{ name: "mitplan_session", value: tokens[who] }], "de-DE")
    .then((page) => screens().openLive(page, path));

describe("a comment understood across languages", { timeout: 120_000 }, () => {
  it("the moderator's console picks Turkish as the wall's second language", async () => {
    pages.console = await staff("moderator", sizes.console, `/live/${session.liveSessionId}/console`);
    pages.projector = await staff("moderator", sizes.projector, `/live/${session.liveSessionId}/present`);
    await pages.console.getByLabel(t("conferences:mediation.wallLanguage")).selectOption("tr");
    await pages.console.getByRole("button", { name: t("conferences:mediation.wallLanguageSubmit") }).click();
    // The console's own state hears the change back from the server, as every projector does.
    await pages.console.locator("select#wall-language[data-current=tr]").waitFor();
    await expectAccessible(pages.console, "console with the wall language");
  });

  it("the Turkish participant reads the measure in Turkish, told that nobody has reviewed the translation yet", async () => {
    pages.turkish = await phone("tr");
    const shown = trDemo.measures["540-2"].title;
    const title = pages.turkish.getByRole("heading", { level: 1 });
    expect(await title.textContent()).toBe(`540-2 ${shown}`);
    expect(await title.locator('[lang="tr"]').textContent()).toBe(shown);
    await pages.turkish.getByText(messagesIn("tr")("common:content.draft")).waitFor();
  });

  it("an Arabic participant comments in Arabic; the Turkish participant sees the original, not yet translated", async () => {
    pages.arabic = await phone("ar");
    const ar = messagesIn("ar");
    await pages.arabic.getByLabel(ar("live:comment.label")).fill(arabicComment);
    await pages.arabic.getByRole("button", { name: ar("live:comment.submit") }).click();
    const original = pages.turkish.locator(".comment__body", { hasText: arabicComment });
    await original.waitFor();
    expect(await original.getAttribute("lang")).toBe("ar");
    expect(await original.getAttribute("dir")).toBe("rtl");
    await expectAccessible(pages.turkish, "Turkish phone with an Arabic comment");
    await expectAccessible(pages.arabic, "Arabic phone");
  });

  it("a language mediator translates it into German and Turkish in place, from the mediator console", async () => {
    pages.mediator = await staff("mediator", sizes.console, `/live/${session.liveSessionId}/translate`);
    await pages.mediator.getByRole("heading", { level: 1, name: new RegExp(t("conferences:mediation.title")) }).waitFor();
    const entry = pages.mediator.locator(".mediation-entry", { hasText: arabicComment });
    const missing = (languages: string[]) => t("conferences:mediation.missing", { languages: languages.map((l) => t(`conferences:language.${l}`)).join(", ") });
    await entry.getByText(missing(["de", "tr"])).waitFor();
    await expectAccessible(pages.mediator, "mediator console");
    for (const [language, text] of [["de", germanTranslation], ["tr", turkishTranslation]] as const) {
      const name = t(`conferences:language.${language}`);
      const field = entry.getByLabel(t("conferences:mediation.textLabel", { language: name }));
      if (!(await field.isVisible())) await entry.locator("summary", { hasText: name }).click();
      await field.fill(text);
      await entry.getByRole("button", { name: t("conferences:mediation.submit", { language: name }) }).click();
      await entry.locator("summary", { hasText: `${name} · ${t("live:translation.byPerson")}` }).waitFor();
    }
    await entry.getByText(t("conferences:mediation.complete")).waitFor();
    expect(await notReloaded(pages.mediator)).toBe(true);
  });

  it("the Turkish phone shows the Turkish translation, labelled as a mediator's, without a reload", async () => {
    const tr = messagesIn("tr");
    const note = pages.turkish.locator(".translation", { hasText: turkishTranslation });
    await note.waitFor();
    expect(await note.locator(".translation__text").getAttribute("lang")).toBe("tr");
    await note.getByText(tr("live:translation.byPerson")).waitFor();
    // The original stays beside it.
    await pages.turkish.locator(".comment__body", { hasText: arabicComment }).waitFor();
    expect(await notReloaded(pages.turkish)).toBe(true);
    await expectAccessible(pages.turkish, "Turkish phone with the translation");
  });

  it("the projector shows the wall in German and Turkish, both translated, without a reload", async () => {
    const comment = pages.projector.locator(".wall__comment", { hasText: germanTranslation });
    await comment.waitFor();
    await comment.locator(".wall__text", { hasText: turkishTranslation }).waitFor();
    expect(await comment.locator(".wall__text").evaluateAll((nodes) => nodes.map((n) => n.getAttribute("lang")))).toEqual(["de", "tr"]);
    expect(await comment.locator(".wall__by").first().textContent()).toBe(t("live:translation.byPerson"));
    expect(await notReloaded(pages.projector)).toBe(true);
    await expectAccessible(pages.projector, "projector with the wall in two languages");
  });

  it("the conference export carries the original and the translations with their language and kind", async () => {
    const response = await pages.console.request.get(`${server.url}/conferences/${session.conferenceId}/export.json?dataset=comments`);
    expect(response.status()).toBe(200);
    const [comment] = (await response.json()) as { body: string; language: string; translations: { language: string; kind: string; text: string }[] }[];
    expect(comment).toMatchObject({ body: arabicComment, language: "ar" });
    expect(comment!.translations.map((tr) => `${tr.language}:${tr.kind}:${tr.text}`)).toEqual([
      `de:person:${germanTranslation}`,
      `tr:person:${turkishTranslation}`,
    ]);
  });
});

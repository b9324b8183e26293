/**
 * A live session from start to finish in a real browser, as issue 4 asks: a moderator signs in,
 * sets up a conference and a session, builds the agenda from the catalogue and starts it; two
 * phones, one in German and one in Arabic (right to left), join by typing the code and give dots
 * without a reload; the projector shows the result once the moderator reveals it; and a phone
 * without JavaScript takes part by plain form posts, its dot reaching the projector live. Every
 * page on the way is checked with axe. The steps share one browser and run in order.
 */
import type { Browser, BrowserContext, Locator, Page, WebSocket } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, expectNoHorizontalScroll, launchBrowser, viewports } from "../support/browser";
import { messagesIn, t } from "../support/messages";
import { startTestServer, type TestServer } from "../support/server";
import arDemo from "../../db/demo/translations/ziele-und-massnahmen-2022-2023/ar.json";

const planTitle = "Ziele und Maßnahmen für ein Soziales Bielefeld 2022/2023";
const conferenceTitle = "Zukunftskonferenz Sieker";
const sessionTitle = "Priorisierung am Abend";
const measures = {
  first: { code: "540-2" as const, title: "Soziales Miteinander in den Quartieren stärken" },
  second: { code: "510-2", title: "Schaffung neuer Kitas" },
};

/** A phone as the issue describes it: small, touch, a mobile browser. */
const phoneDevice = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

/** What each phone's page says, in its language (the locale files' words). */
function uiIn(language: "de" | "ar") {
  const say = messagesIn(language);
  return {
    join: say("live:join.title"),
    code: say("live:join.code"),
    next: say("live:join.next"),
    language: say("live:join.language"),
    submit: say("live:join.submit"),
    dotsHeading: say("live:dots.heading"),
    addDot: say("live:dots.add"),
    saved: say("live:form.saved"),
    remaining: (left: number) => say("live:dots.remaining", { remaining: left, count: 5 }),
  };
}
const ui = { de: uiIn("de"), ar: uiIn("ar") };

let server: TestServer;
let browser: Browser;
let moderator: Page;
let projector: Page;
const phones = {} as Record<"de" | "ar", Page>;
const session = { id: "", code: "" };
/** Dots given on the first measure, as the participants gave them. */
let dotsGiven = 0;
const scriptErrors: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(() => {
  expect(scriptErrors.splice(0), "errors in the browser").toEqual([]);
});

/**
 * Script errors and errors the page logs fail the step they happen in; except the browser's own
 * request for /favicon.ico, which Mitplan does not have.
 */
function collectErrors(page: Page) {
  page.on("pageerror", (error) => scriptErrors.push(`${page.url()}: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() !== "error" || new URL(message.location().url || page.url()).pathname === "/favicon.ico") return;
    scriptErrors.push(`${page.url()}: ${message.text()} (${message.location().url})`);
  });
}

async function open(options: Parameters<Browser["newContext"]>[0]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(options);
  // Well inside the test's own time limit, so a step that never happens is named in the failure.
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  collectErrors(page);
  return { context, page };
}

/** axe (WCAG 2.1 AA) and no sideways scrolling, at the width the page is used at. */
async function check(page: Page, name: string) {
  await expectAccessible(page, name);
  await expectNoHorizontalScroll(page, name);
}

/**
 * The same checks on a page of a phone without JavaScript. axe is a script, and such a page runs
 * none (not even axe's timers), so the page as the phone shows it is checked in a twin: the same
 * document, its scripts left out, opened at the same address and size in a context with
 * JavaScript, so that only axe runs in it.
 */
async function checkWithoutJavaScript(page: Page, name: string) {
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
  const context = await browser.newContext(phoneDevice);
  context.setDefaultTimeout(20_000);
  try {
    const twin = await context.newPage();
    await twin.route("**/*", (route) =>
      route.request().resourceType() === "document"
        ? route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html })
        : route.continue(),
    );
    await twin.goto(page.url());
    expect(await twin.evaluate(() => "__remixRouter" in window), `${name}: no script of the page ran`).toBe(false);
    await check(twin, name);
  } finally {
    await context.close();
  }
}

/** The attributes of <html>: the page's language and writing direction. */
const root = async (page: Page) => {
  const html = page.locator("html");
  return { lang: await html.getAttribute("lang"), dir: await html.getAttribute("dir") };
};

/** Waits until React has hydrated the page, so a click goes through the page's script. */
const hydrated = (page: Page) =>
  page.waitForFunction(
    () => (window as { __remixRouter?: { state: { initialized: boolean } } }).__remixRouter?.state.initialized === true,
  );

/**
 * Resolves once the server has answered the page's next socket "liveSession:watch": from then on
 * every change of the session reaches the page as an event. "Connected" alone is not enough, the
 * page asks to watch right after. Call it before the step that opens the page's socket; it reads
 * socket.io's frames ("42<id>[event, …]" asks, "43<id>[reply]" answers).
 */
function watching(page: Page): () => Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const answered = new Promise<void>((resolve) => {
    const onSocket = (socket: WebSocket) => {
      page.off("websocket", onSocket);
      let ackId: string | undefined;
      socket.on("framesent", ({ payload }) => {
        ackId ??= /^42(\d+)\["liveSession:watch"/.exec(String(payload))?.[1];
      });
      socket.on("framereceived", ({ payload }) => {
        if (ackId !== undefined && String(payload).startsWith(`43${ackId}[{"ok":true`)) resolve();
      });
    };
    page.on("websocket", onSocket);
  });
  return () =>
    Promise.race([
      answered,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${page.url()} was not answered watching the session`)), 20_000);
      }),
    ]).finally(() => clearTimeout(timer));
}

/** Set after hydration; still there later only if the page was never reloaded. */
const markPage = (page: Page) => page.evaluate(() => ((window as { notReloaded?: boolean }).notReloaded = true));
const notReloaded = (page: Page) => page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded === true);

/** A phase button on the moderator's console. */
const phase = (name: "discuss" | "prioritise" | "results") =>
  moderator.getByRole("group", { name: t("conferences:console.phase"), exact: true }).getByRole("button", { name: t(`conferences:phase.${name}`), exact: true });

/** The status line of the form that holds this button: where a participant's action is acknowledged. */
const statusOf = (page: Page, button: Locator) => page.locator("form", { has: button }).getByRole("status");

/** The dots total a result view shows ("3 Punkte, davon 0 auf Papier"), as a number. */
async function dotsShown(page: Page): Promise<number | null> {
  const total = page.locator(".item-result__total");
  if ((await total.count()) === 0) return null;
  const text = (await total.textContent()) ?? "";
  return Number(/^\s*(\d+)/.exec(text)?.[1] ?? Number.NaN);
}

/** A participant types the code on /join (as someone who cannot scan the QR code would) and picks a language. */
async function join(page: Page, language: "de" | "ar", { checkPages = true } = {}) {
  const say = ui[language];
  await page.goto(`${server.url}/join`);
  await page.getByRole("heading", { level: 1, name: say.join }).waitFor();
  expect(await root(page)).toEqual({ lang: language, dir: language === "ar" ? "rtl" : "ltr" });
  if (checkPages) await check(page, `/join (${language})`);

  await page.getByLabel(say.code, { exact: true }).fill(session.code.toLowerCase());
  await page.getByRole("button", { name: say.next }).tap();
  await page.waitForURL(`**/j/${session.code}`);
  await page.getByRole("heading", { level: 1, name: conferenceTitle }).waitFor();
  if (checkPages) await check(page, `/j/:code (${language})`);

  const choice = page.getByLabel(say.language);
  expect(await choice.inputValue(), "the language is preset from the browser").toBe(language);
  await choice.selectOption(language);
  await page.getByRole("main").getByRole("button", { name: say.submit }).tap();
  await page.waitForURL(`**/live/${session.id}`);
}

/** Joins with JavaScript: the phone is live once it watches the session. */
async function joinLive(page: Page, language: "de" | "ar") {
  const watched = watching(page);
  await join(page, language);
  await page.locator("[data-connection=online]").waitFor();
  await watched();
}

// A real browser, several contexts, and axe on each page: more time per step than a unit test.
describe("a live session in the browser", { timeout: 60_000 }, () => {
  it("a moderator signs in, sets up a conference and a session, builds the agenda and starts it", async () => {
    ({ page: moderator } = await open({ locale: "de-DE", viewport: viewports.desktop }));

    await moderator.goto(`${server.url}/login?redirectTo=/conferences`);
    await moderator.getByRole("heading", { level: 1, name: t("auth:login.title") }).waitFor();
    await check(moderator, "login");
    await moderator.getByLabel(t("auth:login.email")).fill("moderator@mitplan.example");
    await moderator.getByLabel(t("auth:login.password")).fill("mitplan-demo-moderator");
    await moderator.getByRole("main").getByRole("button", { name: t("auth:login.submit") }).click();
    await moderator.waitForURL(`${server.url}/conferences`);
    await moderator.getByRole("heading", { level: 1, name: t("conferences:list.title") }).waitFor();
    await hydrated(moderator);
    await check(moderator, "conferences");

    await moderator.getByLabel(t("conferences:create.plan")).selectOption({ label: planTitle });
    await moderator.getByRole("radio", { name: t("conferences:kind.future_conference") }).check();
    await moderator.getByLabel(t("conferences:create.title")).fill(conferenceTitle);
    await moderator.getByLabel(t("conferences:create.startsAt")).fill("2026-11-12T17:30");
    await moderator.getByLabel(t("conferences:create.place")).fill("Stadtteilzentrum");
    await moderator.getByLabel(t("conferences:create.district")).fill("Sieker");
    expect(await moderator.getByRole("checkbox", { name: "Deutsch" }).isChecked()).toBe(true);
    await moderator.getByRole("checkbox", { name: "العربية" }).check();
    await moderator.getByRole("checkbox", { name: "English" }).check();
    await moderator.getByRole("button", { name: t("conferences:create.submit") }).click();
    await moderator.waitForURL(/\/conferences\/[0-9a-f-]{36}$/);
    await moderator.getByRole("heading", { level: 1, name: conferenceTitle }).waitFor();
    const facts = await moderator.locator(".facts").textContent();
    for (const fact of [planTitle, ...["de", "ar", "en"].map((l) => t(`conferences:language.${l}`)), "Sieker"]) expect(facts).toContain(fact);
    await check(moderator, "conference");

    await moderator.getByLabel(t("conferences:sessions.title")).fill(sessionTitle);
    expect(await moderator.getByLabel(t("conferences:sessions.dots")).inputValue()).toBe("5");
    await moderator.getByRole("button", { name: t("conferences:sessions.create") }).click();
    await moderator.waitForURL(/\/live\/[0-9a-f-]{36}\/agenda$/);
    session.id = /\/live\/([0-9a-f-]{36})\/agenda$/.exec(moderator.url())![1]!;
    await moderator.getByText(t("conferences:agenda.empty")).waitFor();

    // The agenda from the catalogue: search by code, tick the measure, add it.
    const agenda = moderator.locator(".agenda-list");
    for (const [n, { code, title }] of [measures.first, measures.second].entries()) {
      await moderator.getByRole("searchbox", { name: t("catalogue:filter.search") }).fill(code);
      await moderator.getByRole("button", { name: t("catalogue:filter.apply") }).click();
      await moderator.waitForURL(new RegExp(`[?&]q=${code}`));
      const found = moderator.getByRole("checkbox", { name: `${code} ${title}` });
      await found.check();
      await moderator.getByRole("button", { name: t("conferences:picker.addMeasures") }).click();
      await expect.poll(() => agenda.getByRole("heading", { level: 3 }).count()).toBe(n + 1);
      expect(await agenda.getByRole("heading", { level: 3 }).nth(n).textContent()).toBe(`${code} ${title}`);
    }

    await moderator.getByRole("button", { name: t("conferences:agenda.start") }).click();
    const code = moderator.locator(".join-panel .join-code");
    await code.waitFor();
    session.code = ((await code.textContent()) ?? "").trim();
    expect(session.code).toMatch(/^[A-Z0-9]{6}$/);
    expect(await moderator.locator(".join-panel .join-link").textContent()).toBe(`${server.url}/j/${session.code}`);
    await moderator.locator(".join-panel svg").waitFor();
    await check(moderator, "agenda of the started session");
  });

  it("two phones join by typing the code, one in German and one in Arabic (right to left), and see the current item", async () => {
    for (const [language, locale] of [["de", "de-DE"], ["ar", "ar"]] as const) {
      const { page } = await open({ locale, ...phoneDevice });
      phones[language] = page;
      await joinLive(page, language);
      expect(await root(page)).toEqual({ lang: language, dir: language === "ar" ? "rtl" : "ltr" });
      await markPage(page);
      const title = page.getByRole("heading", { level: 1 });
      // The Arabic phone reads the demo's Arabic draft, told that nobody has reviewed it yet.
      const shown = language === "ar" ? arDemo.measures[measures.first.code].title : measures.first.title;
      expect(await title.textContent()).toBe(`${measures.first.code} ${shown}`);
      expect(await title.locator(`[lang="${language}"]`).textContent()).toBe(shown);
      expect(await page.getByText(messagesIn(language)("common:content.draft")).count()).toBe(language === "ar" ? 1 : 0);
    }
  });

  it("the moderator opens prioritising on the console; both phones give dots, acknowledged without a reload", async () => {
    const consoleWatching = watching(moderator);
    await moderator.getByRole("link", { name: t("conferences:agenda.consoleLink") }).click();
    await moderator.waitForURL(`**/live/${session.id}/console`);
    await moderator.getByText(t("conferences:connection.online")).waitFor();
    await consoleWatching();
    await moderator.getByText(t("conferences:console.participants", { count: 2 })).waitFor();

    await phase("prioritise").click();
    await expect.poll(() => phase("prioritise").getAttribute("aria-pressed")).toBe("true");

    const german = phones.de;
    await german.getByRole("heading", { name: ui.de.dotsHeading }).waitFor();
    const addDot = german.getByRole("button", { name: ui.de.addDot });
    for (const left of [4, 3]) {
      await addDot.tap();
      await expect.poll(() => german.locator(".dots__remaining").textContent()).toBe(ui.de.remaining(left));
    }
    expect(await statusOf(german, addDot).textContent()).toBe(ui.de.saved);
    // One activity at a time: the rating is the next one after the dots.
    await german.getByRole("button", { name: t("live:rating.heading"), exact: true }).tap();
    await german.getByRole("group", { name: t("live:criterion.urgency.label") }).getByText("4", { exact: true }).tap();
    const rate = german.getByRole("button", { name: t("live:rating.submit") });
    await rate.tap();
    await expect.poll(() => statusOf(german, rate).textContent()).toBe(ui.de.saved);
    await expect.poll(() => german.locator(".my-votes").textContent()).toContain(t("live:mine.rating", { criterion: t("live:criterion.urgency.label"), value: 4, max: 5 }));
    expect(await german.locator(".my-votes").textContent()).toContain(t("live:mine.dots", { count: 2 }));
    dotsGiven += 2;
    // The page with everything on it: the item, dots, rating, one's own votes, comments, proposals.
    await check(german, "participant page (de)");

    const arabic = phones.ar;
    await arabic.getByRole("heading", { name: ui.ar.dotsHeading }).waitFor();
    const addArabicDot = arabic.getByRole("button", { name: ui.ar.addDot });
    await addArabicDot.tap();
    await expect.poll(() => statusOf(arabic, addArabicDot).textContent()).toBe(ui.ar.saved);
    expect(await arabic.locator(".dots__remaining").textContent()).toBe(ui.ar.remaining(4));
    dotsGiven += 1;
    await check(arabic, "participant page (ar)");

    for (const phone of [german, arabic]) {
      expect(await notReloaded(phone), "acknowledged in place, without loading the page again").toBe(true);
      expect(new URL(phone.url()).search).toBe("");
    }
    // The console sees the count before anyone else does.
    await expect.poll(() => dotsShown(moderator)).toBe(dotsGiven);
    await check(moderator, "console");
  });

  it("the projector shows the result once the moderator reveals it, the same number as the console", async () => {
    // A second window of the moderator's browser, as on the laptop that drives the projector.
    projector = await moderator.context().newPage();
    collectErrors(projector);
    const projectorWatching = watching(projector);
    await projector.goto(`${server.url}/live/${session.id}/present`);
    await projector.getByRole("heading", { level: 1, name: `${measures.first.code} ${measures.first.title}` }).waitFor();
    expect(await projector.locator(".projector__code strong").textContent()).toBe(session.code);
    // While the room votes, the projector shows how many have voted, not the numbers.
    await projector.getByText(`${t("live:present.voting")} · ${t("live:results.voters", { count: 2 })}`).waitFor();
    expect(await dotsShown(projector)).toBeNull();
    await projectorWatching();
    await markPage(projector);
    await check(projector, "projector while voting");

    await phase("results").click();
    await expect.poll(() => dotsShown(projector)).toBe(dotsGiven);
    expect(await projector.locator(".item-result__total").textContent()).toBe(`${dotsGiven} Punkte, davon 0 auf Papier`);
    expect(await projector.locator(".item-result__counts").textContent()).toContain(t("live:results.voters", { count: 2 }));
    expect(await dotsShown(moderator)).toBe(dotsGiven);
    await check(projector, "projector with the result");
    // The phones see the same result without a reload.
    await expect.poll(() => dotsShown(phones.de)).toBe(dotsGiven);
    await expect.poll(() => dotsShown(phones.ar)).toBe(dotsGiven);
  });

  it("a phone without JavaScript joins by code and gives a dot by a plain form post; the projector shows the new total", async () => {
    // The moderator opens voting again and keeps the result on the screen while the room votes.
    await phase("prioritise").click();
    await expect.poll(() => phase("prioritise").getAttribute("aria-pressed")).toBe("true");
    const shown = moderator.getByRole("group", { name: t("conferences:console.results") }).getByRole("button", { name: t("conferences:console.shown") });
    await shown.click();
    await expect.poll(() => shown.getAttribute("aria-pressed")).toBe("true");
    await expect.poll(() => dotsShown(projector)).toBe(dotsGiven);

    const { page } = await open({ locale: "de-DE", ...phoneDevice, javaScriptEnabled: false });
    // The join pages are the same documents the phones with JavaScript were sent (checked there).
    await join(page, "de", { checkPages: false });
    await page.getByRole("heading", { level: 1, name: `${measures.first.code} ${measures.first.title}` }).waitFor();
    const addDot = page.getByRole("button", { name: ui.de.addDot });
    expect(await statusOf(page, addDot).textContent()).toBe("");
    await addDot.tap();
    // Post, redirect, get: the page comes back with the form's acknowledgement.
    await page.waitForURL(/\/live\/[0-9a-f-]{36}\?saved=dots-add-[0-9a-f-]{36}#dots-add-/);
    expect(await statusOf(page, addDot).textContent()).toBe(ui.de.saved);
    expect(await page.locator(".dots__remaining").textContent()).toBe(ui.de.remaining(4));
    expect(await page.locator(".my-votes").textContent()).toContain(t("live:mine.dots", { count: 1 }));
    dotsGiven += 1;
    await checkWithoutJavaScript(page, "participant page without JavaScript");

    // The projector gets the new total live, without a reload; the console shows the same.
    await expect.poll(() => dotsShown(projector)).toBe(dotsGiven);
    expect(await projector.locator(".item-result__counts").textContent()).toContain(t("live:results.voters", { count: 3 }));
    await expect.poll(() => dotsShown(moderator)).toBe(dotsGiven);
    expect(await notReloaded(projector), "the projector updated in place").toBe(true);
    await projector.reload();
    expect(await dotsShown(projector), "the stored votes give the same total").toBe(dotsGiven);
  });
});

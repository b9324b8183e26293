/**
 * Ten languages in a real browser (issue 10): a Turkish and a Persian participant join and vote on
 * a 360 × 740 phone, a Leichte Sprache participant joins and comments; axe finds nothing on any page
 * visited in de, de-x-ls, tr, ar and fa; the console and the projector are mirrored in Persian;
 * the language switcher works on a phone without JavaScript; "read aloud" speaks on the device only.
 * The moderator's texts in the room's languages (issue 11, decision 046): the Turkish phone reads
 * the conference's title and the item's note in Turkish, the Arabic phone a criterion the moderator
 * named in Arabic, right to left, while the vote stays on the German criterion.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportBarrier } from "../../app/accessibility/reports.server";
import { anonymous } from "../../app/auth/actor";
import { createSession } from "../../app/auth/sessions.server";
import { updateConferenceTexts } from "../../app/conferences/conferences.server";
import { defaultActivities } from "../../app/live/agenda-entries.server";
import { updateActivities } from "../../app/live/setup.server";
import { votes } from "../../db/schema";
import { messagesIn } from "../support/messages";
import { expectAccessible, expectNoHorizontalScroll, launchBrowser, viewports } from "../support/browser";
import { createStaff, recordingDeps, startedSession } from "../support/fixtures";
import { steerAtConsole } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";
import trDemo from "../../db/demo/translations/ziele-und-massnahmen-2022-2023/tr.json";

const phoneSize = { width: 360, height: 740 };
const title = { de: "Zukunftskonferenz Sieker", tr: "Sieker Gelecek Konferansı" };
const note = { de: "Bitte an die Kosten denken.", tr: "Lütfen maliyetleri de düşünün." };
const criterion = { de: "Barrierefreiheit", ar: "إمكانية الوصول" };
let server: TestServer;
let browser: Browser;
let session: Awaited<ReturnType<typeof startedSession>>;
let item: string;
let staffToken: string;
let adminToken: string;
const scriptErrors: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const db = server.database.db;
  const staff = await createStaff(db, "moderator");
  const deps = recordingDeps(db);
  session = await startedSession(deps, staff, {
    measureCodes: ["540-2"],
    languages: ["de", "de-x-ls", "tr", "ar", "fa"],
    title: title.de,
    measureNote: { note: note.de, noteTranslations: { tr: note.tr } },
  });
  item = session.itemIds[0]!;
  await updateConferenceTexts(db, staff, { conferenceId: session.conferenceId, title: title.de, titleTranslations: { tr: title.tr } });
  await updateActivities(deps, staff, {
    agendaItemId: item,
    activities: {
      ...defaultActivities("measure"),
      rating: { criteria: ["urgency", criterion.de], min: 1, max: 5, criterionTranslations: { [criterion.de]: { ar: criterion.ar } } },
    },
  });
  staffToken = (await createSession(db, staff.userId)).token;
  adminToken = (await createSession(db, (await createStaff(db, "admin")).userId)).token;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function phone(locale: string, options: { voices?: string[]; javaScriptEnabled?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale, viewport: phoneSize, javaScriptEnabled: options.javaScriptEnabled ?? true });
  if (options.voices) {
    // A device with these voices; what it is asked to say stays in the page, like a real one's.
    await context.addInitScript((langs: string[]) => {
      const spoken: { text: string; lang: string }[] = [];
      const voices = langs.map((lang) => ({ lang, name: `voice ${lang}`, default: false, localService: true, voiceURI: lang }));
      Object.defineProperty(window, "__spoken", { value: spoken });
      // The real utterance takes only the browser's own voice objects.
      Object.defineProperty(window, "SpeechSynthesisUtterance", {
        value: class {
          voice: unknown = null;
          lang = "";
          constructor(readonly text: string) {}
        },
      });
      Object.defineProperty(window, "speechSynthesis", {
        value: Object.assign(new EventTarget(), {
          getVoices: () => voices,
          cancel: () => {},
          speak: (u: SpeechSynthesisUtterance) => spoken.push({ text: u.text, lang: u.lang }),
        }),
      });
    }, options.voices);
  }
  const page = await context.newPage();
  page.on("pageerror", (error) => scriptErrors.push(error.message));
  return { context, page };
}

/** The moderator's step at the console, where the live session is steered (decision 037). */
async function steer(phase: string) {
  await steerAtConsole(server.url, session.liveSessionId, `mitplan_session=${staffToken}`, { intent: "phase", agendaItemId: item, phase });
}

async function checkPage(page: Page, name: string) {
  await expectAccessible(page, name);
  await expectNoHorizontalScroll(page, name);
}

/** Opens the short link as a scanned QR code would, and joins in the preset or the chosen language. */
async function join(page: Page, expectedPreset: string, language = expectedPreset) {
  await page.goto(`${server.url}/j/${session.joinCode}`);
  expect(await page.locator("#join-language").inputValue(), "preset from the browser's languages").toBe(expectedPreset);
  await checkPage(page, `/j/:code (${expectedPreset})`);
  if (language !== expectedPreset) await page.locator("#join-language").selectOption(language);
  await page.locator(".join-form__submit").click();
  await page.waitForURL(`**/live/${session.liveSessionId}`);
  await page.locator("[data-connection=online]").waitFor();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
}

async function giveDot(page: Page) {
  const remaining = page.locator(".dots__remaining");
  const before = await remaining.textContent();
  await page.locator(`#dots-add-${item} button[type=submit]`).click();
  await expect.poll(() => remaining.textContent()).not.toBe(before);
}

describe("ten languages in the browser", { timeout: 120_000 }, () => {
  const visited: Record<string, Page> = {};

  it("switches language on a 360 px phone without JavaScript, keeping the page", async () => {
    const { context, page } = await phone("de-DE", { javaScriptEnabled: false });
    await page.goto(`${server.url}/plans/ziele-und-massnahmen-2022-2023?q=Kita`);
    expect(await page.locator("#language-select option").count()).toBe(10);
    await expectNoHorizontalScroll(page, "the switcher at 360 px");
    await page.locator("#language-select").selectOption("tr");
    await page.locator(".language-switcher button[type=submit]").click();
    await page.waitForURL(/lng=tr/);
    expect(new URL(page.url()).searchParams.get("q")).toBe("Kita");
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(["tr", "ltr"]);
    await context.close();
  });

  it("passes axe on the start page and the accessibility statement in de, de-x-ls, tr, ar and fa", async () => {
    const { context, page } = await phone("de-DE");
    for (const language of ["de", "de-x-ls", "tr", "ar", "fa"]) {
      for (const path of ["/", "/barrierefreiheit", "/join"]) {
        await page.goto(`${server.url}${path}?lng=${language}`);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
        await checkPage(page, `${path} in ${language}`);
      }
    }
    await context.close();
  });

  it("lets a Turkish participant join (preset from the browser), hear the item read aloud, and vote", async () => {
    const { page } = await phone("tr-TR", { voices: ["tr-TR", "de-DE"] });
    visited.tr = page;
    await join(page, "tr");
    expect(await page.locator(".live-page__session [lang=tr]").textContent()).toBe(title.tr);
    expect(await page.locator(".live-item__note [lang=tr]").textContent()).toBe(note.tr);
    await checkPage(page, "the item in Turkish");
    const requests: string[] = [];
    page.on("request", (request) => requests.push(`${request.url()} ${request.postData() ?? ""}`));
    // The measure has a Turkish draft: a Turkish voice reads its title and summary, on the device.
    await page.locator(".live-item .read-aloud").click();
    const spoken = await page.evaluate(() => (window as unknown as { __spoken: { text: string; lang: string }[] }).__spoken);
    expect(spoken).toHaveLength(1);
    expect(spoken[0]!.lang).toBe("tr-TR");
    const turkish = trDemo.measures["540-2"];
    expect(spoken[0]!.text).toBe(`${turkish.title}. ${turkish.summary}`);
    expect(requests.filter((r) => r.includes(encodeURIComponent(spoken[0]!.text.slice(0, 12))) || r.includes(spoken[0]!.text.slice(0, 12)))).toEqual([]);

    await steer("prioritise");
    await page.locator(`#dots-add-${item}`).waitFor();
    await checkPage(page, "prioritising in Turkish");
    await giveDot(page);
  });

  it("lets a Persian participant join right to left and vote; without a voice there is no read-aloud button", async () => {
    const { page } = await phone("fa-IR");
    visited.fa = page;
    await join(page, "fa");
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await page.locator(`#dots-add-${item}`).waitFor();
    expect(await page.locator(".read-aloud").count()).toBe(0);
    await checkPage(page, "prioritising in Persian");
    await giveDot(page);
  });

  it("lets an Arabic participant rate on a criterion the moderator named in Arabic, right to left; the vote names the German one", async () => {
    const { page } = await phone("ar-SY");
    await join(page, "ar");
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await page.locator('[aria-controls="activity-rating"]').click();
    // The second criterion, the moderator's own; the first is the locale files' "urgency".
    const named = page.locator(`#rating-${item} legend`).nth(1).locator("span");
    expect(await named.textContent()).toBe(criterion.ar);
    expect([await named.getAttribute("lang"), await named.getAttribute("dir")]).toEqual(["ar", "rtl"]);
    await checkPage(page, "rating in Arabic");
    await page.locator("#rating-1-4").check();
    await page.getByRole("button", { name: messagesIn("ar")("live:rating.submit") }).click();
    await expect
      .poll(async () => (await server.database.db.select({ criterion: votes.criterion, value: votes.value }).from(votes)).filter((v) => v.criterion === criterion.de))
      .toEqual([{ criterion: criterion.de, value: 4 }]);
    // One's own votes name it as the rating form did.
    await expect.poll(() => page.locator(".my-votes").textContent()).toContain(criterion.ar);
  });

  it("lets a Leichte Sprache participant join and comment, in larger type", async () => {
    await steer("discuss");
    const { page } = await phone("de-DE", { voices: ["de-DE"] });
    await join(page, "de", "de-x-ls");
    const size = (selector: string) => page.locator(selector).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(await size("main p")).toBeGreaterThanOrEqual(19);
    await checkPage(page, "the item in Leichte Sprache");
    await page.locator("#comment-body").fill("Ich finde das gut.");
    await page.locator("#comment-body").locator("xpath=ancestor::form").locator("button[type=submit]").click();
    await expect.poll(() => page.locator(".comment-list").textContent()).toContain("Ich finde das gut.");
    expect(await page.locator(".comment__body", { hasText: "Ich finde das gut." }).getAttribute("lang")).toBe("de-x-ls");
    await checkPage(page, "after commenting in Leichte Sprache");
    // A comment is read aloud too, by a German voice for Leichte Sprache, on the device.
    const requests: string[] = [];
    page.on("request", (request) => requests.push(`${request.url()} ${request.postData() ?? ""}`));
    await page.locator(".comment", { hasText: "Ich finde das gut." }).locator(".read-aloud").click();
    const spoken = await page.evaluate(() => (window as unknown as { __spoken: { text: string; lang: string }[] }).__spoken);
    expect(spoken.at(-1)).toEqual({ text: "Ich finde das gut.", lang: "de-DE" });
    expect(requests.filter((r) => r.includes("finde") || r.includes(encodeURIComponent("Ich finde")))).toEqual([]);
    expect(scriptErrors, "errors in the browser").toEqual([]);
  });

  it("passes axe on the admins' language and accessibility pages, on a phone, left to right and right to left", async () => {
    // A report with a long word, so the admins' table has rows to scroll.
    await reportBarrier(server.database.db, anonymous, { message: "Die Schrift ist zu klein: Unterstützungsangebotsübersicht", contact: "ein-langer-name@example.org", language: "de" }, { clientIp: "203.0.113.9" });
    const context = await browser.newContext({ viewport: phoneSize });
    await context.addCookies([{ name: "mitplan_session", value: adminToken, url: server.url }]);
    const page = await context.newPage();
    for (const language of ["de", "fa"]) {
      for (const path of ["/admin/languages", "/admin/accessibility"]) {
        await page.goto(`${server.url}${path}?lng=${language}`);
        await checkPage(page, `${path} in ${language}`);
      }
    }
    await context.close();
  });

  it("mirrors the console and the projector in Persian", async () => {
    const context = await browser.newContext({ viewport: viewports.desktop });
    await context.addCookies([{ name: "mitplan_session", value: staffToken, url: server.url }]);
    const page = await context.newPage();
    const box = async (selector: string) => (await page.locator(selector).first().boundingBox())!;
    for (const language of ["de", "fa"]) {
      await page.goto(`${server.url}/live/${session.liveSessionId}/console?lng=${language}`);
      const [brand, side, main] = [await box(".brand"), await box(".console-grid__side"), await box(".console-grid__main")];
      if (language === "fa") {
        expect(brand.x + brand.width, "the brand starts at the right edge").toBeGreaterThan(viewports.desktop.width - 200);
        expect(side.x, "the agenda column sits on the right").toBeGreaterThan(main.x);
        await expectAccessible(page, "the console in Persian");
      } else {
        expect(brand.x).toBeLessThan(200);
        expect(side.x).toBeLessThan(main.x);
      }
      await page.goto(`${server.url}/live/${session.liveSessionId}/present?lng=${language}`);
      const [current, joinBox] = [await box(".projector__item"), await box(".projector__join")];
      if (language === "fa") {
        expect(joinBox.x, "the join box moves to the left").toBeLessThan(current.x);
        await expectAccessible(page, "the projector in Persian");
      } else expect(joinBox.x).toBeGreaterThan(current.x);
    }
    await context.close();
  });

  it("shows results right to left in Persian: bars grow from the right edge on the phone and the projector", async () => {
    await steer("results");
    /**
     * Where the first bar sits in its chart (its gap to the chart's left and right edges), and the
     * point it grows from, as a share of its width (0 its left end, 1 its right end): a bar short
     * of full length must grow from the start edge too.
     */
    const barGaps = (page: Page) =>
      page.locator(".bar-chart__picture").first().evaluate((svg) => {
        const element = svg.querySelector<SVGRectElement>(".bar-chart__bar")!;
        const [chart, bar] = [svg.getBoundingClientRect(), element.getBoundingClientRect()];
        const origin = parseFloat(getComputedStyle(element).transformOrigin) / element.getBBox().width;
        return { left: bar.left - chart.left, right: chart.right - bar.right, origin: Math.round(origin * 100) / 100 };
      });
    const persian = visited.fa!;
    await persian.locator(".item-result .bar-chart__bar").first().waitFor();
    const onPhone = await barGaps(persian);
    expect(onPhone.right, "the phone's bar starts at the right edge").toBeLessThan(1);
    expect(onPhone.left).toBeGreaterThan(10);
    expect(onPhone.origin, "it grows from its right end").toBe(1);
    await checkPage(persian, "the result in Persian");

    const context = await browser.newContext({ viewport: viewports.desktop });
    await context.addCookies([{ name: "mitplan_session", value: staffToken, url: server.url }]);
    const page = await context.newPage();
    for (const language of ["de", "fa"]) {
      await page.goto(`${server.url}/live/${session.liveSessionId}/present?lng=${language}`);
      await page.locator(".item-result .bar-chart__bar").first().waitFor();
      const gaps = await barGaps(page);
      if (language === "fa") expect([gaps.right < 1, gaps.origin], "the projector's bar starts at the right edge").toEqual([true, 1]);
      else expect([gaps.left < 1, gaps.origin], "left to right, it starts at the left edge").toEqual([true, 0]);
    }
    await expectAccessible(page, "the projector's result in Persian");
    await context.close();
  });
});

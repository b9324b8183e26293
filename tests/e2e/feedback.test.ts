/**
 * The pages that tell people what became of their input, in a real browser with axe (WCAG 2.1 AA)
 * and the sideways-scroll check, at phone and desktop width: the public feedback page (German,
 * Arabic right to left and Turkish, measures in the reader's language, a comment and a proposal
 * with their Arabic translations beside the German originals), a participant's own page
 * and its explanation for visitors, and the report.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { saveMachineTranslations, savePersonTranslation } from "../../app/translation/input-translations.server";
import { atEveryWidth, expectAccessible, expectNoHorizontalScroll, launchBrowser, viewports } from "../support/browser";
import { createStaff } from "../support/fixtures";
import { feedbackConference, signInAsPlanner } from "../support/feedback-fixtures";
import { messagesIn } from "../support/messages";
import { testTranslations } from "../support/results-fixtures";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;
let conference: Awaited<ReturnType<typeof feedbackConference>>;
let planner: string;
const scriptErrors: string[] = [];

/** Arabic translations of the German comment a planner answered and of the German proposal to change W-2. */
const arabic = {
  comment: "يجب أن تكون خريطة التعليم رقمية.",
  proposal: { title: "مزيد من المساكن للعائلات", text: "مساكن الحي للعائلات الكبيرة أيضًا." },
};

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  conference = await feedbackConference(server);
  planner = await signInAsPlanner(server.url);
  // One by a language mediator, one by a machine: the page labels each (decision 049).
  const db = server.database.db;
  const { userId } = await createStaff(db, "mediator");
  await savePersonTranslation(db, { kind: "comment", id: conference.comments.relevant }, { language: "ar", title: null, text: arabic.comment, userId });
  const machine = (text: string) => [{ language: "ar" as const, text, engine: "libretranslate" as const, createdAt: new Date() }];
  await saveMachineTranslations(db, { kind: "proposal", id: conference.proposals.change }, machine(arabic.proposal.text), machine(arabic.proposal.title));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
afterEach(() => {
  expect(scriptErrors, "errors in the browser console").toEqual([]);
});

/** A browser with the given cookies (`name=value; name=value`), as a participant's phone or a planner's desk has them. */
async function pageWith(cookies: string, locale = "de-DE"): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: viewports.desktop });
  const pairs = cookies
    .split(";")
    .map((pair) => pair.trim())
    .filter(Boolean);
  await context.addCookies(
    pairs.map((pair) => ({ name: pair.slice(0, pair.indexOf("=")), value: pair.slice(pair.indexOf("=") + 1), url: server.url })),
  );
  const page = await context.newPage();
  page.on("pageerror", (error) => scriptErrors.push(error.message));
  page.on("console", (message) => {
    // The site has no favicon, and the browser asks for one; any other failed load is a bug.
    if (message.type() === "error" && !message.location().url.endsWith("/favicon.ico")) scriptErrors.push(message.text());
  });
  return page;
}

async function check(page: Page, path: string, heading: string) {
  await page.goto(server.url + path);
  await expect.poll(() => page.getByRole("heading", { level: 1, name: heading }).count()).toBe(1);
  await atEveryWidth(page, async (width) => {
    await expectAccessible(page, `${path}, ${viewports[width].width} px`);
    await expectNoHorizontalScroll(page, `${path}, ${viewports[width].width} px`);
  });
}

describe("what became of the input, in the browser", () => {
  it("the feedback page passes axe in German, in Arabic and in Turkish, measures and input in the reader's language", async () => {
    const page = await pageWith("");
    const path = `/conferences/${conference.conferenceId}/feedback`;
    await check(page, path, "Zukunftskonferenz Mitte");
    // The breakdowns fold away; opened, their tables are checked too.
    await page.locator("summary").first().click();
    await expectAccessible(page, `${path}, breakdowns open`);
    await check(page, `${path}?lng=ar`, "Zukunftskonferenz Mitte");
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    // W-1's heading in the Arabic draft, right to left, with the draft note (decision 047).
    const arabicTitle = page.getByRole("heading", { level: 3, name: testTranslations.ar["W-1"] });
    await expect.poll(() => arabicTitle.locator('span[lang="ar"][dir="rtl"]').count()).toBe(1);
    expect(await arabicTitle.textContent()).toContain(messagesIn("ar")("common:content.draft"));
    // The German comment and proposal as written, each with its Arabic translation, right to left and labelled.
    for (const [text, by] of [[arabic.comment, "byPerson"], [arabic.proposal.text, "byMachine"]] as const) {
      const translation = page.locator(".translation", { hasText: text });
      expect(await translation.locator('.translation__text[lang="ar"][dir="rtl"]').count()).toBe(1);
      expect(await translation.locator(".translation__by").textContent()).toBe(messagesIn("ar")(`live:translation.${by}`));
    }
    expect(await page.locator('blockquote[lang="de"][dir="ltr"]', { hasText: "Die Bildungskarte muss digital sein." }).count()).toBe(1);
    await check(page, `${path}?lng=tr`, "Zukunftskonferenz Mitte");
    const turkishTitle = page.getByRole("heading", { level: 3, name: testTranslations.tr["W-1"] });
    await expect.poll(() => turkishTitle.locator('span[lang="tr"]').count()).toBe(1);
    expect(await turkishTitle.textContent()).toContain(messagesIn("tr")("common:content.draft"));
  });

  it("a participant's own page and the explanation for everybody else pass axe", async () => {
    const phone = await pageWith(conference.participantCookie, "en-GB");
    await check(phone, "/my-input", "Your input");
    await expect.poll(() => phone.getByText("We will look at this again in spring.").count()).toBe(1);
    await check(await pageWith("", "en-GB"), "/my-input", "Your input");
  });

  it("the report passes axe and shows each chart's table beside it", async () => {
    const desk = await pageWith(planner);
    await check(desk, `/conferences/${conference.conferenceId}/report`, "Zukunftskonferenz Mitte");
    const table = desk.locator(".bar-chart table").first();
    expect(await table.isVisible()).toBe(true);
    await desk.emulateMedia({ media: "print" });
    expect(await desk.locator(".site-header").isVisible()).toBe(false);
    expect(
      await desk
        .locator(".report .result-item")
        .first()
        .evaluate((e) => getComputedStyle(e).breakBefore),
    ).toBe("page");
  });
});

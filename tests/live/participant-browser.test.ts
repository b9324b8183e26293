/**
 * The participant's phone with JavaScript, in a real browser: join by code, comment, give a dot
 * and rate without a reload (acknowledged in place), keep a vote while offline and send it when
 * back, follow the moderator's steps live; once in German and once in Arabic. Each page on the
 * way is checked with axe and for sideways scrolling at 360 px and at desktop width.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "../../app/auth/sessions.server";
import { atEveryWidth, expectAccessible, expectNoHorizontalScroll, launchBrowser, viewports } from "../support/browser";
import { messagesIn, t } from "../support/messages";
import { createStaff, recordingDeps, startedSession } from "../support/fixtures";
import { steerAtConsole } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;
let session: Awaited<ReturnType<typeof startedSession>>;
let item: string;
let moderatorCookie: string;
const scriptErrors: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const db = server.database.db;
  const staff = await createStaff(db, "moderator");
  session = await startedSession(recordingDeps(db), staff, { measureCodes: ["540-2"], dots: 5 });
  item = session.itemIds[0]!;
  // The moderator steers at the console, so the server's own publisher tells the phones.
  moderatorCookie = `mitplan_session=${(await createSession(db, staff.userId)).token}`;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function phone(locale: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale, viewport: viewports.phone });
  const page = await context.newPage();
  page.on("pageerror", (error) => scriptErrors.push(error.message));
  return { context, page };
}

async function checkPage(page: Page, name: string) {
  await atEveryWidth(page, async (width) => {
    await expectAccessible(page, `${name}, ${viewports[width].width} px`);
    await expectNoHorizontalScroll(page, `${name}, ${viewports[width].width} px`);
  });
  await page.setViewportSize(viewports.phone);
}

async function steer(phase: string) {
  await steerAtConsole(server.url, session.liveSessionId, moderatorCookie, { intent: "phase", agendaItemId: item, phase });
}

/** Joins by typing the code, as someone who cannot scan the QR code would. */
async function join(page: Page, language: string) {
  await page.goto(`${server.url}/join`);
  await checkPage(page, "/join");
  await page.getByRole("textbox").first().fill(session.joinCode.toLowerCase());
  await page.locator(".join-form__submit").click();
  await page.waitForURL(`**/j/${session.joinCode}`);
  await checkPage(page, "/j/:code");
  await page.locator("#join-language").selectOption(language);
  await page.locator(".join-form__submit").click();
  await page.waitForURL(`**/live/${session.liveSessionId}`);
  // Online only once the page watches the session's room (use-live-session.ts), so no event is missed.
  await page.locator("[data-connection=online]").waitFor();
}

// A real browser with axe at two widths per page: slower than the other tests, so more time each.
const ar = messagesIn("ar");

describe("a participant's phone with JavaScript", { timeout: 60_000 }, () => {
  let german: Page;
  let arabic: Page;
  let offline: BrowserContext;

  it("joins in German, and comments without a reload", async () => {
    const { context, page } = await phone("de-DE");
    german = page;
    offline = context;
    await join(page, "de");
    await checkPage(page, "the item in discussion");
    const field = page.getByLabel(t("live:comment.label"));
    await field.fill("Mehr Bänke im Park");
    await expect.poll(() => page.locator("#comment-body-count").textContent()).toBe("18 von 1000 Zeichen");
    await page.getByRole("button", { name: t("live:comment.submit") }).click();
    await expect.poll(() => page.locator(`#comment-${item} [role=status]`).textContent()).toBe("Gespeichert");
    expect(page.url()).toBe(`${server.url}/live/${session.liveSessionId}`);
    expect(await field.inputValue()).toBe("");
    await expect.poll(() => page.locator(".comment-list").textContent()).toContain("Mehr Bänke im Park");
  });

  it("joins in Arabic, right to left, and sees the German comment arrive live", async () => {
    ({ page: arabic } = await phone("ar"));
    await join(arabic, "ar");
    expect(await arabic.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await expect.poll(() => arabic.locator(".comment-list").textContent()).toContain("Mehr Bänke im Park");
    expect(await arabic.locator(".comment__body").first().getAttribute("lang")).toBe("de");
  });

  it("follows the moderator into prioritising, and gives a dot and a rating in place", async () => {
    await steer("prioritise");
    await german.getByRole("heading", { name: t("live:dots.heading") }).waitFor();
    await checkPage(german, "prioritising in German");
    await german.getByRole("button", { name: t("live:dots.add") }).click();
    await expect.poll(() => german.locator(".dots__remaining").textContent()).toBe("4 von 5 Punkten übrig");
    // One activity at a time: rating is the next one after the dots.
    await german.getByRole("button", { name: t("live:rating.heading"), exact: true }).click();
    await german.locator("fieldset", { hasText: t("live:criterion.urgency.label") }).getByText("4", { exact: true }).click();
    await german.getByRole("button", { name: t("live:rating.submit") }).click();
    await expect.poll(() => german.locator(`#rating-${item} [role=status]`).textContent()).toBe("Gespeichert");
    await expect.poll(() => german.locator(".my-votes").textContent()).toContain(t("live:mine.rating", { criterion: t("live:criterion.urgency.label"), value: 4, max: 5 }));

    await arabic.getByRole("heading", { name: ar("live:dots.heading") }).waitFor();
    await checkPage(arabic, "prioritising in Arabic");
    await arabic.getByRole("button", { name: ar("live:dots.add") }).click();
    await expect.poll(() => arabic.locator(`#dots-add-${item} [role=status]`).textContent()).toBe("تم الحفظ");
  });

  it("keeps a dot given offline, says so, and sends it when the connection is back", async () => {
    await german.getByRole("button", { name: t("live:dots.heading"), exact: true }).click();
    await offline.setOffline(true);
    await expect.poll(() => german.locator(".connection-banner").textContent()).toContain(t("live:connection.banner"));
    await german.getByRole("button", { name: t("live:dots.add") }).click();
    await expect
      .poll(() => german.locator(`#dots-add-${item} [role=status]`).textContent())
      .toBe("Wartet auf die Verbindung und wird dann gesendet.");
    await offline.setOffline(false);
    await expect
      .poll(() => german.locator(".dots__remaining").textContent(), { timeout: 30_000 })
      .toBe("3 von 5 Punkten übrig");
    expect(await german.locator(`#dots-add-${item} [role=status]`).textContent()).toBe("Gespeichert");
  });

  it("shows the revealed result on every phone without a reload", async () => {
    await steer("results");
    for (const page of [german, arabic]) {
      await page.locator("#result-title").waitFor();
      await expect.poll(() => page.locator(".item-result__total").textContent()).toMatch(/3/);
    }
    await checkPage(german, "results in German");
    await checkPage(arabic, "results in Arabic");
    expect(scriptErrors, "errors in the browser").toEqual([]);
  });
});

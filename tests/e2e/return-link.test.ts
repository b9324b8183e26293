/**
 * The participant's way back (issue 13), in a real browser with axe at phone and desktop width:
 * join on a phone, take the personal link from the live page, open it in a fresh browser (the
 * in-app browser's cookies are gone), and "my input" shows the same input; there the participant
 * may leave an address for decision mails, since this server can send them.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { postComment } from "../../app/live/comments.server";
import type { Mailer } from "../../app/mail.server";
import { participants } from "../../db/schema";
import { atEveryWidth, expectAccessible, expectNoHorizontalScroll, launchBrowser, viewports } from "../support/browser";
import { t } from "../support/messages";
import { createStaff, recordingDeps, startedSession } from "../support/fixtures";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;
let session: Awaited<ReturnType<typeof startedSession>>;
const scriptErrors: string[] = [];
// Nothing is decided here, so nothing is sent; the server offers the address because it has a mailer.
const mailer: Mailer = { send: () => Promise.reject(new Error("no mail expected")), close: () => undefined };

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ mailer }), launchBrowser()]);
  session = await startedSession(recordingDeps(server.database.db), await createStaff(server.database.db, "moderator"), { title: "Zukunftskonferenz Brackwede" });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
afterEach(() => {
  expect(scriptErrors, "errors in the browser console").toEqual([]);
});

async function freshBrowser(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: "de-DE", viewport: viewports.phone });
  const page = await context.newPage();
  page.on("pageerror", (error) => scriptErrors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error" && !message.location().url.endsWith("/favicon.ico")) scriptErrors.push(message.text());
  });
  return { context, page };
}

async function checkEveryWidth(page: Page, where: string) {
  await atEveryWidth(page, async (width) => {
    await expectAccessible(page, `${where}, ${viewports[width].width} px`);
    await expectNoHorizontalScroll(page, `${where}, ${viewports[width].width} px`);
  });
}

// One journey through three pages at every width with axe: longer than a unit test.
describe("the return link, in the browser", { timeout: 120_000 }, () => {
  it("brings the participant's input into a fresh browser", async () => {
    const inApp = await freshBrowser();
    await inApp.page.goto(`${server.url}/j/${session.joinCode}`);
    await inApp.page.getByLabel(t("live:join.displayName")).fill("Dilan");
    await inApp.page.getByRole("button", { name: t("live:join.submit") }).click();
    await inApp.page.waitForURL(`**/live/${session.liveSessionId}`);
    const [row] = await server.database.db.select().from(participants).where(eq(participants.displayName, "Dilan"));
    const me = { kind: "participant" as const, participantId: row!.id, conferenceId: session.conferenceId, language: "de" };
    await postComment(recordingDeps(server.database.db), me, { agendaItemId: session.itemIds[0]!, body: "Ein Spielplatz am Bahnhof" });

    await inApp.page.getByRole("button", { name: t("feedback:returnLink.fromLive") }).click();
    await inApp.page.getByRole("status").filter({ hasText: t("feedback:returnLink.ready") }).waitFor();
    await inApp.page.getByRole("img", { name: t("feedback:returnLink.qr") }).waitFor();
    const link = await inApp.page.getByRole("textbox", { name: t("feedback:returnLink.label") }).inputValue();
    expect(link).toMatch(new RegExp(`^${server.url}/r/${row!.id}\\.[a-z2-7]{32}$`));
    await checkEveryWidth(inApp.page, "my input with the return link");

    const real = await freshBrowser();
    await real.page.goto(`${server.url}/my-input`);
    expect(await real.page.getByText("Ein Spielplatz am Bahnhof").count()).toBe(0);
    await real.page.goto(link);
    await real.page.getByRole("heading", { level: 1, name: t("feedback:openLink.title") }).waitFor();
    await checkEveryWidth(real.page, "opening the return link");
    await real.page.getByRole("button", { name: t("feedback:openLink.confirm") }).click();
    await real.page.waitForURL(`${server.url}/my-input`);
    await real.page.getByText("Ein Spielplatz am Bahnhof").waitFor();

    // Both browsers now know the participant; the fresh one may leave an address for decision mails.
    await inApp.page.goto(`${server.url}/my-input`);
    await inApp.page.getByText("Ein Spielplatz am Bahnhof").waitFor();
    await real.page.getByRole("button", { name: t("feedback:notify.save") }).click();
    await real.page.getByRole("alert").filter({ hasText: t("feedback:notify.invalidEmail") }).waitFor();
    // The refusal is a 400 by design (bad input changes nothing), which the browser logs; nothing else may be.
    expect(scriptErrors.splice(0)).toEqual(["Failed to load resource: the server responded with a status of 400 (Bad Request)"]);
    await checkEveryWidth(real.page, "my input, address refused");
    await real.page.getByRole("textbox", { name: t("feedback:notify.email") }).fill("dilan@example.org");
    await real.page.getByLabel(/Ich bin einverstanden/).check();
    await real.page.getByRole("button", { name: t("feedback:notify.save") }).click();
    await real.page.getByRole("status").filter({ hasText: t("feedback:notify.saved") }).waitFor();
    await real.page.getByText(t("feedback:notify.current", { email: "dilan@example.org" })).waitFor();
    expect((await server.database.db.select().from(participants).where(eq(participants.id, row!.id)))[0]!.notifyEmail).toBe("dilan@example.org");

    // A new link ends the old one, and the browser that came in through it.
    await inApp.page.getByRole("button", { name: t("feedback:returnLink.make") }).click();
    await inApp.page.getByRole("status").filter({ hasText: t("feedback:returnLink.ready") }).waitFor();
    await real.page.goto(link);
    await real.page.getByRole("heading", { level: 1, name: t("feedback:openLink.invalidTitle") }).waitFor();
    // A dead link is a 404 by design, which the browser logs; nothing else may be.
    expect(scriptErrors.splice(0)).toEqual(["Failed to load resource: the server responded with a status of 404 (Not Found)"]);
    await checkEveryWidth(real.page, "a return link that no longer works");
    await inApp.context.close();
    await real.context.close();
  });
});

/**
 * Deleting one's data in a real browser with axe (WCAG 2.1 AA) at phone and desktop width: join
 * with a district from the list, read "my input", confirm the deletion, and the privacy page.
 */
import type { Browser, Page } from "playwright-core";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { postComment } from "../../app/live/comments.server";
import { participants } from "../../db/schema";
import { atEveryWidth, expectAccessible, expectNoHorizontalScroll, launchBrowser, viewports } from "../support/browser";
import { t } from "../support/messages";
import { createStaff, recordingDeps, startedSession } from "../support/fixtures";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;
let session: Awaited<ReturnType<typeof startedSession>>;
const scriptErrors: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const deps = recordingDeps(server.database.db);
  session = await startedSession(deps, await createStaff(server.database.db, "moderator"), { title: "Zukunftskonferenz Schildesche" });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
afterEach(() => {
  expect(scriptErrors, "errors in the browser console").toEqual([]);
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ locale: "de-DE", viewport: viewports.desktop });
  const page = await context.newPage();
  page.on("pageerror", (error) => scriptErrors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error" && !message.location().url.endsWith("/favicon.ico")) scriptErrors.push(message.text());
  });
  return page;
}

async function checkEveryWidth(page: Page, where: string) {
  await atEveryWidth(page, async (width) => {
    await expectAccessible(page, `${where}, ${viewports[width].width} px`);
    await expectNoHorizontalScroll(page, `${where}, ${viewports[width].width} px`);
  });
}

describe("deleting my data, in the browser", () => {
  it("joins with a district from the list, then deletes the data after confirming", async () => {
    const page = await newPage();
    await page.goto(`${server.url}/j/${session.joinCode}`);
    await page.getByLabel(t("live:join.displayName")).fill("Selin");
    await page.getByLabel(t("live:join.district")).selectOption("Schildesche");
    await checkEveryWidth(page, "join form");
    await page.getByRole("button", { name: t("live:join.submit") }).click();
    await page.waitForURL(`**/live/${session.liveSessionId}`);

    const [row] = await server.database.db.select().from(participants).where(eq(participants.displayName, "Selin"));
    expect(row!.district).toBe("Schildesche");
    const me = { kind: "participant" as const, participantId: row!.id, conferenceId: session.conferenceId, language: "de" };
    await postComment(recordingDeps(server.database.db), me, { agendaItemId: session.itemIds[0]!, body: "Mehr Sitzbänke am Markt" });

    await page.goto(`${server.url}/my-input`);
    await page.getByText("Mehr Sitzbänke am Markt").waitFor();
    await checkEveryWidth(page, "my input");
    await page.getByRole("link", { name: t("feedback:delete.link") }).click();
    await page.getByRole("heading", { level: 3, name: t("feedback:delete.heading") }).waitFor();
    await checkEveryWidth(page, "deletion confirmation");
    await page.getByRole("button", { name: t("feedback:delete.confirm") }).click();
    await page.getByRole("status").filter({ hasText: t("feedback:delete.done") }).waitFor();
    expect(await page.getByText("Mehr Sitzbänke am Markt").count()).toBe(0);
    await checkEveryWidth(page, "my input after deletion");
    expect(await server.database.db.select().from(participants).where(eq(participants.id, row!.id))).toEqual([]);
  });

  it("the privacy page passes axe", async () => {
    const page = await newPage();
    await page.goto(`${server.url}/datenschutz`);
    await page.getByRole("heading", { level: 1, name: t("feedback:privacy.title") }).waitFor();
    await checkEveryWidth(page, "/datenschutz");
  });
});

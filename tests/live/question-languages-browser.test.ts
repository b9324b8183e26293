/**
 * A question in the room's languages (issue 11, docs/decisions/039): the moderator gives the
 * question in German and Turkish on the agenda page; a Turkish phone shows it in Turkish, an
 * Arabic phone (right to left) the German, marked as German content. Each page passes axe.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "../../app/auth/sessions.server";
import { expectAccessible, launchBrowser, viewports } from "../support/browser";
import { createStaff, recordingDeps, startedSession } from "../support/fixtures";
import { steerAtConsole } from "../support/http";
import { messagesIn, t } from "../support/messages";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;
let session: Awaited<ReturnType<typeof startedSession>>;
let moderatorCookie: string;

const german = "Was fehlt in Ihrem Stadtteil?";
const turkish = "Mahallenizde ne eksik?";

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const db = server.database.db;
  const staff = await createStaff(db, "moderator");
  session = await startedSession(recordingDeps(db), staff, { measureCodes: ["540-2"], languages: ["de", "tr", "ar"] });
  moderatorCookie = `mitplan_session=${(await createSession(db, staff.userId)).token}`;
  // A server, its demo catalogue and a chromium: on a shared two-core machine this alone can take a minute.
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function phone(language: string): Promise<Page> {
  const context = await browser.newContext({ locale: language, viewport: viewports.phone });
  const page = await context.newPage();
  await page.goto(`${server.url}/j/${session.joinCode}`);
  await page.locator("#join-language").selectOption(language);
  await page.locator(".join-form__submit").click();
  await page.waitForURL(`**/live/${session.liveSessionId}`);
  await page.locator("[data-connection=online]").waitFor();
  return page;
}

describe("a question in the room's languages", { timeout: 180_000 }, () => {
  it("is given in Turkish on the agenda page; a Turkish phone reads it in Turkish, an Arabic phone in German, marked", async () => {
    const context = await browser.newContext({ locale: "de-DE" });
    await context.addCookies([{ name: "mitplan_session", value: moderatorCookie.split("=")[1]!, url: server.url }]);
    const agenda = await context.newPage();
    await agenda.goto(`${server.url}/live/${session.liveSessionId}/agenda`);
    // Only the conference's languages besides German are offered.
    await expect(agenda.locator('input[name^="question."]').evaluateAll((inputs) => inputs.map((i) => i.getAttribute("name")))).resolves.toContain(
      "question.tr",
    );
    expect(await agenda.locator("#add-question-uk").count()).toBe(0);
    await expectAccessible(agenda, "agenda with the question's languages");
    await agenda.locator("#add-question").fill(german);
    await agenda.locator("#add-question-tr").fill(turkish);
    await agenda.getByRole("button", { name: t("conferences:picker.addQuestion") }).click();
    await agenda.locator(".agenda-list").getByText(german).waitFor();

    const added = (await server.database.db.query.agendaItems.findFirst({ where: (item, { eq }) => eq(item.question, german) }))!;
    expect(added.questionTranslations).toEqual({ tr: turkish });
    await steerAtConsole(server.url, session.liveSessionId, moderatorCookie, { intent: "current", agendaItemId: added.id });

    const tr = await phone("tr");
    await expect.poll(() => tr.locator("#item-title").textContent()).toBe(turkish);
    expect(await tr.locator("#item-title [lang=tr]").count()).toBe(1);
    expect(await tr.getByText(messagesIn("tr")("common:content.inGerman")).count()).toBe(0);
    await expectAccessible(tr, "Turkish phone");

    const ar = await phone("ar");
    expect(await ar.locator("html").getAttribute("dir")).toBe("rtl");
    await expect.poll(() => ar.locator("#item-title").textContent()).toBe(german);
    expect(await ar.locator('#item-title [lang=de][dir=ltr]').count()).toBe(1);
    await ar.getByText(messagesIn("ar")("common:content.inGerman")).waitFor();
    await expectAccessible(ar, "Arabic phone");
  });
});

/**
 * The moderator's texts in the room's languages through the forms, in a real browser (issue 11,
 * docs/decisions/046): a conference created with its description and a Turkish title, its texts
 * changed on its page; an agenda item added with a note and its Turkish translation; a criterion
 * of the moderator's own translated into Arabic once saved. Each form passes axe with its
 * translation fields open.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedInStaff } from "../support/page-client";
import { expectAccessible, launchBrowser } from "../support/browser";
import { t } from "../support/messages";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;
let page: Page;
let conferenceId: string;

const title = { de: "Stadtteilgespräch Baumheide", tr: "Baumheide Mahalle Sohbeti" };

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const moderator = await signedInStaff(server);
  const context = await browser.newContext({ locale: "de-DE" });
  const [name, value] = moderator.cookie.split("=") as [string, string];
  await context.addCookies([{ name, value, url: server.url }]);
  page = await context.newPage();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the moderator's texts in the room's languages", { timeout: 180_000 }, () => {
  it("creates a conference with a description and a Turkish title, and shows the title to a Turkish reader", async () => {
    await page.goto(`${server.url}/conferences?lng=de`);
    await page.getByLabel(t("conferences:create.title")).fill(title.de);
    await page.getByLabel(t("conferences:create.description")).fill("Was brauchen Familien in Baumheide?");
    await page.getByLabel(t("conferences:create.startsAt")).fill("2026-10-05T18:30");
    for (const language of ["Türkçe", "العربية"]) await page.getByRole("checkbox", { name: language }).check();
    await page.locator(".conference-translations summary").click();
    await expectAccessible(page, "the conference form with its translation fields");
    await page.locator("#conference-title-tr").fill(title.tr);
    await page.getByRole("button", { name: t("conferences:create.submit") }).click();
    await page.waitForURL(/\/conferences\/[0-9a-f-]{36}$/);
    conferenceId = /\/conferences\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
    await page.getByRole("heading", { level: 1, name: title.de }).waitFor();
    await page.locator(".conference-description", { hasText: "Was brauchen Familien in Baumheide?" }).waitFor();

    await page.goto(`${server.url}/conferences/${conferenceId}?lng=tr`);
    const heading = page.getByRole("heading", { level: 1, name: title.tr });
    expect(await heading.getAttribute("lang")).toBe("tr");
    await expectAccessible(page, "the conference page in Turkish");
  });

  it("takes a Turkish description on the conference page, with fields only for the languages the conference offers", async () => {
    await page.goto(`${server.url}/conferences/${conferenceId}?lng=de`);
    const form = page.locator("#conference-texts-title").locator("xpath=..");
    await form.locator(".conference-translations summary").click();
    expect(await form.locator("#conference-texts-description-uk").count()).toBe(0);
    expect(await form.locator("#conference-texts-description-ar").getAttribute("dir")).toBe("rtl");
    await form.locator("#conference-texts-description-tr").fill("Baumheide'deki aileler neye ihtiyaç duyuyor?");
    await form.getByRole("button", { name: t("conferences:texts.save") }).click();
    await expect.poll(() => form.locator("[role=status]").textContent()).toBe(t("conferences:texts.saved"));
    await page.goto(`${server.url}/conferences/${conferenceId}?lng=tr`);
    await page.locator('.conference-description [lang="tr"]', { hasText: "Baumheide'deki aileler" }).waitFor();
  });

  it("adds a question with a note in German and Turkish, and translates a criterion of the moderator's own into Arabic", async () => {
    await page.goto(`${server.url}/conferences/${conferenceId}?lng=de`);
    await page.getByLabel(t("conferences:sessions.title")).fill("Abendrunde");
    await page.getByRole("button", { name: t("conferences:sessions.create") }).click();
    await page.waitForURL(/\/live\/[0-9a-f-]{36}\/agenda$/);

    const question = page.locator("#add-question").locator("xpath=ancestor::form");
    await question.locator(".note-fields summary").click();
    await page.locator("#add-question").fill("Was fehlt?");
    await page.locator("#add-question-note").fill("Denken Sie an Kinder und Ältere.");
    await page.locator("#add-question-note-tr").fill("Çocukları ve yaşlıları düşünün.");
    expect(await page.locator("#add-question-note-ar").getAttribute("dir")).toBe("rtl");
    await expectAccessible(page, "the agenda page with the note's fields");
    await page.getByRole("button", { name: t("conferences:picker.addQuestion") }).click();
    await page.locator(".agenda-item__note", { hasText: "Denken Sie an Kinder und Ältere." }).waitFor();
    const item = (await server.database.db.query.agendaItems.findFirst({ where: (row, { eq }) => eq(row.question, "Was fehlt?") }))!;
    expect([item.note, item.noteTranslations]).toEqual(["Denken Sie an Kinder und Ältere.", { tr: "Çocukları ve yaşlıları düşünün." }]);

    // A criterion of the moderator's own gets its fields once saved.
    const entry = page.locator(".agenda-item", { has: page.locator(`[id="item-${item.id}"]`) });
    await entry.locator(".activities summary").click();
    const activities = entry.locator(".activities-form");
    await activities.getByRole("checkbox", { name: t("conferences:activities.rating") }).check();
    await activities.getByLabel(t("conferences:activities.criteria")).fill("Dringlichkeit\nBarrierefreiheit");
    await activities.getByRole("button", { name: t("conferences:activities.save") }).click();
    const arabic = page.locator(`#activities-${item.id}-criterion-0-ar`);
    await arabic.waitFor();
    expect(await page.locator(`#activities-${item.id}-criterion-0-tr`).count()).toBe(1);
    await arabic.fill("إمكانية الوصول");
    await expectAccessible(page, "the activities form with a criterion's fields");
    await activities.getByRole("button", { name: t("conferences:activities.save") }).click();
    await expect
      .poll(async () => (await server.database.db.query.agendaItems.findFirst({ where: (row, { eq }) => eq(row.id, item.id) }))!.activities.rating)
      .toEqual({ criteria: ["urgency", "Barrierefreiheit"], min: 1, max: 5, criterionTranslations: { Barrierefreiheit: { ar: "إمكانية الوصول" } } });
  });
});

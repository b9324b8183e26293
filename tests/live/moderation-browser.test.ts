/**
 * Pre-moderation, paper entries and a ranking of chosen measures in real browsers at issue 13's sizes, with axe: a 1366×800
 * console, 360×740 phones and a 1920×1080 projector (its document one screen high); the ranking also on an Arabic phone,
 * its measures and result in Arabic.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../../app/auth/actor";
import { createSession } from "../../app/auth/sessions.server";
import { loadItems } from "../../app/live/items.server";
import { setCurrentItem, setPhase } from "../../app/live/steer.server";
import { votes } from "../../db/schema";
import deConferences from "../../locales/de/conferences.json";
import arDemo from "../../db/demo/translations/ziele-und-massnahmen-2022-2023/ar.json";
import arLive from "../../locales/ar/live.json";
import deLive from "../../locales/de/live.json";
import { expectAccessible, launchBrowser, roomScreens as sizes } from "../support/browser";
import { createStaff, recordingDeps, startedSession } from "../support/fixtures";
import { joinByLink, steerAtConsole } from "../support/http";
import { messagesIn } from "../support/messages";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;
let session: Awaited<ReturnType<typeof startedSession>>;
let staffToken: string;
let staff: StaffActor;
const contexts: BrowserContext[] = [];
const scriptErrors: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const db = server.database.db;
  staff = await createStaff(db, "moderator");
  session = await startedSession(recordingDeps(db), staff, { measureCodes: ["540-2"] });
  staffToken = (await createSession(db, staff.userId)).token;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(size: { width: number; height: number }, cookies: { name: string; value: string }[], locale = "de-DE") {
  const context = await browser.newContext({ viewport: size, locale });
  contexts.push(context);
  await context.addCookies(cookies.map((c) => ({ ...c, url: server.url })));
  const page = await context.newPage();
  page.on("pageerror", (error) => scriptErrors.push(error.message));
  return page;
}

async function openLive(page: Page, path: string) {
  await page.goto(`${server.url}${path}`);
  await page.locator("[data-connection=online]").waitFor();
  return page;
}

async function phone(language: string): Promise<Page> {
  const { cookie } = await joinByLink(server.url, session.joinCode, { language });
  const cookies = cookie.split(/;\s*/).map((pair) => {
    const [name, ...value] = pair.split("=");
    return { name: name!, value: value.join("=") };
  });
  return openLive(await open(sizes.phone, cookies, language), `/live/${session.liveSessionId}`);
}

const staffPage = (size: { width: number; height: number }, path: string) =>
  open(size, [{ name: "mitplan_session", value: staffToken }]).then((page) => openLive(page, path));

const fill = (text: string, values: Record<string, string | number>) =>
  Object.entries(values).reduce((out, [name, value]) => out.replaceAll(`{{${name}}}`, String(value)), text);

describe("pre-moderation on the console, the phones and the projector", { timeout: 120_000 }, () => {
  it("holds a comment back from the wall and other phones until the moderator approves it", async () => {
    const consolePage = await staffPage(sizes.console, `/live/${session.liveSessionId}/console`);
    const on = consolePage.getByRole("button", { name: deConferences.console.premoderationOn });
    await on.click();
    await expect.poll(() => on.getAttribute("aria-pressed")).toBe("true");

    const [author, neighbour] = [await phone("de"), await phone("ar")];
    const projector = await staffPage(sizes.projector, `/live/${session.liveSessionId}/present`);
    await author.getByText(deLive.comment.premoderated).waitFor();
    await author.getByLabel(deLive.comment.label).fill("Mehr Schatten am Spielplatz");
    await author.getByRole("button", { name: deLive.comment.submit }).click();
    const mine = author.locator(".comment", { hasText: "Mehr Schatten am Spielplatz" });
    await mine.getByText(deLive.comment.awaiting).waitFor();
    await expectAccessible(author, "phone, own comment waiting for approval");

    const queued = consolePage.locator(".moderation-entry", { hasText: "Mehr Schatten am Spielplatz" });
    await queued.getByText(deConferences.comments.awaiting).waitFor();
    await consolePage.getByText(fill(deConferences.comments.waitingCount, { count: 1 })).waitFor();
    await expectAccessible(consolePage, "console, a comment waiting for approval");
    expect(await neighbour.getByText("Mehr Schatten am Spielplatz").count()).toBe(0);
    expect(await projector.locator(".projector__wall").getByText("Mehr Schatten am Spielplatz").count()).toBe(0);

    await queued.getByRole("button", { name: deConferences.comments.approve }).click();
    await neighbour.getByText("Mehr Schatten am Spielplatz").waitFor();
    await projector.locator(".projector__wall").getByText("Mehr Schatten am Spielplatz").waitFor();
    await expect.poll(() => mine.getByText(deLive.comment.awaiting).count()).toBe(0);
    expect(await projector.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(sizes.projector.height);
    await expectAccessible(projector, "projector, an approved comment on the wall");
  });
});

describe("paper entries on the console at 1366×800", { timeout: 120_000 }, () => {
  it("lists what was entered, says when a correction is off the scale, corrects and withdraws", async () => {
    const page = await staffPage(sizes.console, `/live/${session.liveSessionId}/console`);
    const form = page.locator(`#paper-${session.itemIds[0]}-kind`).locator("xpath=ancestor::form");
    await form.getByLabel(deConferences.paper.kind).selectOption("rating");
    await form.getByLabel(deConferences.paper.value, { exact: true }).fill("4");
    await form.getByLabel(deConferences.paper.weight).fill("3");
    await form.getByRole("button", { name: deConferences.paper.submit }).click();
    const batch = page.locator(".paper-batches .moderation-entry").first();
    await batch.waitFor();
    expect(await batch.locator(".paper-batch__what").textContent()).toContain("Wert 4, 3 Stimmzettel");

    await batch.getByText(deConferences.paper.batchActions, { exact: true }).click();
    const value = batch.getByLabel(deConferences.paper.value, { exact: true });
    await value.fill("12");
    await batch.getByRole("button", { name: deConferences.paper.correctSubmit }).click();
    await expect.poll(() => value.getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page, "console, a correction off the scale");
    await value.fill("5");
    await batch.getByRole("button", { name: deConferences.paper.correctSubmit }).click();
    await batch.getByText(deConferences.paper.corrected).waitFor();
    await expect.poll(() => page.locator(".paper-batches .paper-batch__what").first().textContent()).toContain("5");

    await page.locator(".paper-batches .moderation-entry").first().getByRole("button", { name: deConferences.paper.withdraw }).click();
    await expect.poll(() => page.locator(".paper-batches").count()).toBe(0);
    expect(scriptErrors, "errors in the browser").toEqual([]);
  });
});

describe("the presenter keys on the console steer the projector", { timeout: 120_000 }, () => {
  it("hides and shows the projector's join panel by Q on the console, and reveals results by R", async () => {
    const consolePage = await staffPage(sizes.console, `/live/${session.liveSessionId}/console`);
    const projector = await staffPage(sizes.projector, `/live/${session.liveSessionId}/present`);
    const panel = projector.locator(".projector__join");
    await panel.waitFor();
    await consolePage.keyboard.press("q");
    await panel.waitFor({ state: "detached" });
    const toggle = consolePage.getByRole("button", { name: deConferences.console.joinPanel });
    await expect.poll(() => toggle.getAttribute("aria-pressed")).toBe("false");
    await toggle.click();
    await panel.waitFor();

    const shown = consolePage.getByRole("button", { name: deConferences.console.shown });
    expect(await shown.getAttribute("aria-pressed")).toBe("false");
    await consolePage.keyboard.press("r");
    await expect.poll(() => shown.getAttribute("aria-pressed")).toBe("true");
    await projector.locator(".projector--results").waitFor();
    await consolePage.keyboard.press("r");
    await expect.poll(() => shown.getAttribute("aria-pressed")).toBe("false");
    expect(await consolePage.getByText(fill(deConferences.console.screenShortcuts, { reveal: "R", joinPanel: "Q" })).count()).toBe(1);
    await expectAccessible(consolePage, "console with the presenter keys");
    expect(scriptErrors, "errors in the browser").toEqual([]);
  });
});

describe("a ranking of chosen measures, set up on the agenda and ranked on a phone", { timeout: 120_000 }, () => {
  it("puts three measures up for ranking from the agenda form, and a 360×740 phone ranks them", async () => {
    // The agenda page has no connection badge to wait for; its forms work before and after hydration alike.
    const agenda = await open(sizes.console, [{ name: "mitplan_session", value: staffToken }]);
    await agenda.goto(`${server.url}/live/${session.liveSessionId}/agenda`);
    const form = agenda.locator("section", { has: agenda.getByRole("heading", { name: deConferences.picker.rankingHeading }) });
    await form.getByLabel(deConferences.picker.rankingQuestionLabel).fill("Was soll zuerst umgesetzt werden?");
    const measures = form.getByRole("group", { name: deConferences.picker.rankingMeasures });
    for (const code of ["540-2", "510-2", "500-1"]) await measures.locator(`input[value="${code}"]`).check();
    await expectAccessible(agenda, "agenda, a ranking being set up");
    await form.getByRole("button", { name: deConferences.picker.addRanking }).click();
    await agenda.locator("#agenda-title ~ *").getByText("Was soll zuerst umgesetzt werden?").first().waitFor();
    const ranking = (await loadItems(server.database.db, session.liveSessionId)).find((i) => i.kind === "ranking")!;
    // In the order the form lists them (the catalogue's), which the phones start from.
    const listed = ranking.rankedMeasures!.map((m) => m.code);
    expect([...listed].sort()).toEqual(["500-1", "510-2", "540-2"]);

    const deps = recordingDeps(server.database.db);
    await setCurrentItem(deps, staff, { liveSessionId: session.liveSessionId, agendaItemId: ranking.id });
    await setPhase(deps, staff, { agendaItemId: ranking.id, phase: "prioritise" });
    const page = await phone("de");
    await page.getByRole("heading", { name: deLive.ranking.heading }).waitFor();
    const list = page.locator(".ranking-list__item");
    await expect.poll(() => list.count()).toBe(3);
    await expect.poll(() => list.first().textContent()).toContain(listed[0]);
    // The last from last to first place, by its own "up" buttons.
    for (const at of [2, 1]) await list.nth(at).getByRole("button", { name: deLive.ranking.up }).click();
    await expect.poll(() => list.first().textContent()).toContain(listed[2]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(sizes.phone.width);
    await expectAccessible(page, "phone, ranking chosen measures");
    await page.getByRole("button", { name: deLive.ranking.submit }).click();
    await page.getByText(deLive.mine.ranking).waitFor();
    const ballot = await server.database.db.select().from(votes).where(eq(votes.agendaItemId, ranking.id));
    expect(ballot.sort((a, b) => a.value - b.value).map((v) => v.criterion)).toEqual([listed[2], listed[0], listed[1]]);
    await expectAccessible(page, "phone, a ranking saved");

    // An Arabic phone (decision 049): the same measures in the demo's Arabic drafts, right to left,
    // the draft note under the list; then the result, revealed live, names its bars in Arabic too.
    const arabic = await phone("ar");
    const arabicTitle = (code: string) => arDemo.measures[code as keyof typeof arDemo.measures].title;
    await arabic.getByRole("heading", { name: arLive.ranking.heading }).waitFor();
    const arabicList = arabic.locator(".ranking-list__item");
    await expect.poll(() => arabicList.count()).toBe(3);
    for (const code of listed) expect(await arabicList.locator('span[lang="ar"][dir="rtl"]', { hasText: arabicTitle(code) }).count()).toBe(1);
    const draft = messagesIn("ar")("common:content.draft");
    await arabic.locator("form p.muted", { hasText: draft }).waitFor();
    expect(await arabic.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(sizes.phone.width);
    await expectAccessible(arabic, "Arabic phone, ranking chosen measures");
    await arabic.getByRole("button", { name: arLive.ranking.submit }).click();
    await arabic.getByText(arLive.mine.ranking).waitFor();
    // Through the console, so the change reaches the phone as an event.
    await steerAtConsole(server.url, session.liveSessionId, `mitplan_session=${staffToken}`, { intent: "phase", agendaItemId: ranking.id, phase: "results" });
    const chart = arabic.locator("#result-title ~ .item-result");
    await chart.locator(".bar-chart").waitFor();
    expect(await chart.locator('th[scope="row"][lang="ar"][dir="rtl"]').count()).toBe(3);
    await chart.locator("p.muted", { hasText: draft }).waitFor();
    await expectAccessible(arabic, "Arabic phone, the ranking's result");
    expect(scriptErrors, "errors in the browser").toEqual([]);
  });
});

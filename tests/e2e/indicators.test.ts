/**
 * Indicators that show progress (decision 043) in a real browser: a workshop on the
 * Lebenslagenbericht closed with a satisfaction poll (1–10); the planner records its mean as the
 * value of measure 540-3's indicator from the measure page, finds it in the plan's progress
 * overview filtered by unit, reads it right to left in Arabic, and opens the implementation
 * report. Every page is checked with axe and for sideways scrolling at phone and desktop width.
 */
import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createConference } from "../../app/conferences/conferences.server";
import { addAgendaItems, createLiveSession, startLiveSession, updateActivities } from "../../app/live/setup.server";
import { closeLiveSession } from "../../app/results/close.server";
import { setPhase } from "../../app/live/steer.server";
import { castVote } from "../../app/live/votes.server";
import { atEveryWidth, expectAccessible, expectNoHorizontalScroll, launchBrowser, viewports } from "../support/browser";
import { createStaff, joinAs, recordingDeps } from "../support/fixtures";
import { messagesIn, t } from "../support/messages";
import { startTestServer, type TestServer } from "../support/server";

const planSlug = "ziele-und-massnahmen-2022-2023";
const measurePath = `/plans/${planSlug}/measures/540-3`;
const sessionTitle = "Werkstatt Lebenslagenbericht";
const ar = messagesIn("ar");

let server: TestServer;
let browser: Browser;
let page: Page;
const scriptErrors: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  // The workshop, straight through the domain: four answers 8, 7, 6, 9, a mean of 7.5.
  const deps = recordingDeps(server.database.db);
  const moderator = await createStaff(server.database.db, "moderator");
  const conference = await createConference(deps.db, moderator, {
    planSlug,
    kind: "workshop",
    title: "Werkstatt zum Lebenslagenbericht",
    startsAt: "2026-11-20T15:00:00Z",
    place: "Neues Rathaus",
    district: "Mitte",
    languages: ["de"],
  });
  const session = await createLiveSession(deps.db, moderator, { conferenceId: conference.id, title: sessionTitle, dotsPerParticipant: 5 });
  const { ids } = await addAgendaItems(deps, moderator, {
    liveSessionId: session.id,
    entries: [{ kind: "question", question: "Wie zufrieden sind Sie mit der Beteiligung?" }],
  });
  const poll = ids[0]!;
  await updateActivities(deps, moderator, {
    agendaItemId: poll,
    activities: { comments: false, dots: null, rating: null, scale: { min: 1, max: 10, label: null }, ranking: false },
  });
  const { joinCode } = await startLiveSession(deps, moderator, { liveSessionId: session.id });
  await setPhase(deps, moderator, { agendaItemId: poll, phase: "prioritise" });
  for (const value of [8, 7, 6, 9]) {
    await castVote(deps, await joinAs(deps, joinCode), { kind: "scale", clientId: randomUUID(), agendaItemId: poll, value });
  }
  await closeLiveSession(deps, moderator, { liveSessionId: session.id });

  const context = await browser.newContext({ locale: "de-DE", viewport: viewports.desktop });
  page = await context.newPage();
  page.on("pageerror", (error) => scriptErrors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") scriptErrors.push(message.text());
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(() => {
  expect(scriptErrors, "errors in the browser console").toEqual([]);
});

/** axe and the sideways-scroll check at both widths: slow on pages as long as the whole catalogue's, hence the tests' own timeouts. */
async function checkPage(name: string) {
  await atEveryWidth(page, async (width) => {
    await expectAccessible(page, `${name}, ${viewports[width].width} px`);
    await expectNoHorizontalScroll(page, `${name}, ${viewports[width].width} px`);
  });
}

describe("indicators that show progress", () => {
  it("a planner records the poll's mean as 540-3's indicator value from the measure page", { timeout: 90_000 }, async () => {
    await page.goto(`${server.url}/login`);
    await page.getByLabel(t("auth:login.email")).fill("planner@mitplan.example");
    await page.getByLabel(t("auth:login.password")).fill("mitplan-demo-planner");
    await page.getByRole("button", { name: t("auth:login.submit") }).click();
    await page.getByRole("link", { name: t("decisions:nav.inbox"), exact: true }).waitFor();
    await page.goto(`${server.url}${measurePath}`);
    await page.getByRole("heading", { level: 2, name: t("progress:measure.heading") }).waitFor();
    // 540-3's first indicator bundles three targets and its third says "je 3": shown, not judged;
    // its second ("10 Umweltprojekte") is judged, and has no value yet.
    expect(await page.getByText(t("progress:explained.notJudged")).count()).toBe(2);
    expect(await page.getByText(t("progress:explained.noData")).count()).toBe(1);
    await checkPage("measure page before");

    const result = page.getByLabel(t("progress:record.result"), { exact: true });
    expect(await result.locator("option").first().textContent()).toContain(`${sessionTitle} – Wie zufrieden sind Sie mit der Beteiligung?`);
    expect(await result.locator("option").first().textContent()).toContain(t("progress:record.mean", { mean: "7,5", count: 4 }));
    await page.getByLabel(t("progress:record.indicator"), { exact: true }).selectOption("1");
    await page.getByLabel(t("catalogue:revise.reason"), { exact: false }).fill("Mentimeter-Abfrage der Werkstatt zum Lebenslagenbericht");
    await page.getByRole("button", { name: t("progress:record.submit") }).click();
    await page.getByRole("status").filter({ hasText: t("progress:record.saved") }).waitFor();

    const table = page.getByRole("table", { name: t("progress:values.caption", { number: 1 }) });
    await table.getByRole("cell", { name: "7,5", exact: true }).waitFor();
    await table.getByRole("link", { name: sessionTitle }).waitFor();
    expect(await table.textContent()).toContain(t("progress:values.meanOf", { count: 4 }));
    await page.getByRole("img", { name: /7,5/ }).waitFor();
    await checkPage("measure page with the value");
  });

  it("finds it in the plan's progress overview, filtered by unit without JavaScript's help", { timeout: 90_000 }, async () => {
    await page.goto(`${server.url}/plans/${planSlug}/progress`);
    await page.getByRole("heading", { level: 1, name: new RegExp(t("progress:page.heading")) }).waitFor();
    await page.getByLabel(t("catalogue:filter.unit")).selectOption("540");
    await page.getByRole("button", { name: t("catalogue:filter.apply") }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("unit")).toBe("540");
    const row = page.getByRole("row").filter({ hasText: "540-3" }).first();
    await row.getByText("7,5").waitFor();
    expect(await row.textContent()).toContain(t("progress:status.notJudged"));
    // Every row is unit 540's.
    for (const header of await page.getByRole("rowheader").allTextContents()) expect(header).toMatch(/^540-/);
    await checkPage("progress overview");
  });

  it("reads the overview and the measure's chart right to left in Arabic", { timeout: 90_000 }, async () => {
    await page.goto(`${server.url}/plans/${planSlug}/progress?unit=540&lng=ar`);
    await page.getByRole("heading", { level: 1, name: new RegExp(ar("progress:page.heading")) }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await checkPage("progress overview in Arabic");
    await page.goto(`${server.url}${measurePath}`);
    await page.getByRole("heading", { level: 2, name: ar("progress:measure.heading") }).waitFor();
    await checkPage("measure page in Arabic");
    await page.goto(`${server.url}${measurePath}?lng=de`);
  });

  it("opens the implementation report with the measure that moved", { timeout: 90_000 }, async () => {
    await page.goto(`${server.url}/plans/${planSlug}/report`);
    await page.getByRole("heading", { level: 2, name: t("progress:report.movedHeading") }).waitFor();
    const moved = page.getByRole("table", { name: t("progress:report.movedCaption") });
    const row = moved.getByRole("row").filter({ hasText: "540-3" });
    expect(await row.textContent()).toContain("Mentimeter-Abfrage der Werkstatt zum Lebenslagenbericht");
    await page.getByRole("heading", { level: 3, name: /540-3/ }).waitFor();
    await checkPage("implementation report");
  });
});

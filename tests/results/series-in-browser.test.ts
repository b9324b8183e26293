/**
 * A planner's short journey through a conference series in a real browser: start a recurring
 * series with the form, let a conference join it from the conference form, and read its results
 * over time; the series pages are accessible (axe, WCAG 2.1 AA) left to right and right to left.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../../app/auth/actor";
import { createSeries } from "../../app/conferences/series.server";
import type { LiveDeps } from "../../app/live/events";
import { addAgendaItems, createLiveSession, startLiveSession } from "../../app/live/setup.server";
import { setPhase } from "../../app/live/steer.server";
import { atEveryWidth, expectAccessible, expectNoHorizontalScroll, launchBrowser, signedInPage } from "../support/browser";
import { t } from "../support/messages";
import { joinedParticipant, signedInStaff } from "../support/page-client";
import { voter } from "../support/results-fixtures";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;
let page: Page;
let deps: LiveDeps;
let planner: StaffActor;
let districtSeries = "";

beforeAll(async () => {
  server = await startTestServer();
  deps = { db: server.database.db, publish: () => {} };
  const signedIn = await signedInStaff(server, "planner");
  planner = { kind: "staff", userId: signedIn.userId, role: "planner", email: "", displayName: "" };
  districtSeries = (await createSeries(server.database.db, planner, { planSlug: "ziele-und-massnahmen-2022-2023", kind: "district", title: "Stadtteilgespräche 2027" })).id;
  browser = await launchBrowser();
  page = await signedInPage(browser, server.url, signedIn.cookie);
  // The server loads the demo catalogue first; on the shared two-core machine that can take a while.
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server.close();
});

describe("a conference series in the browser", () => {
  it("is started, joined by a conference, and shows each measure's rank per conference", async () => {
    await page.goto(`${server.url}/series?lng=de`);
    await page.getByLabel(t("results:series.create.title")).fill("Zukunftskonferenz jährlich");
    await page.getByRole("button", { name: t("results:series.create.submit") }).click();
    await page.waitForURL(/\/series\/[0-9a-f-]{36}/);
    const seriesPath = new URL(page.url()).pathname;
    await page.getByText(t("results:series.noConferences")).waitFor();

    await page.goto(`${server.url}/conferences?lng=de`);
    await page.getByLabel(t("conferences:create.title")).fill("Zukunftskonferenz 2027");
    await page.getByLabel(t("conferences:create.startsAt")).fill("2027-03-01T18:00");
    await page.getByLabel(t("conferences:create.series")).selectOption({ label: "Zukunftskonferenz jährlich" });
    await page.getByRole("button", { name: t("conferences:create.submit") }).click();
    await page.waitForURL(/\/conferences\/[0-9a-f-]{36}$/);
    const conferenceId = new URL(page.url()).pathname.split("/").pop()!;

    // One session, one measure, one person's two dots: rank 1, 100 % of the dots.
    const session = await createLiveSession(deps.db, planner, { conferenceId, title: "Runde 1", dotsPerParticipant: 5 });
    const { ids } = await addAgendaItems(deps, planner, { liveSessionId: session.id, entries: [{ kind: "measure", measureCode: "540-2" }] });
    await setPhase(deps, planner, { agendaItemId: ids[0]!, phase: "prioritise" });
    const { joinCode } = await startLiveSession(deps, planner, { liveSessionId: session.id });
    await voter(deps).dots((await joinedParticipant(deps, joinCode)).actor, ids[0]!, 2);

    await page.goto(`${server.url}${seriesPath}?lng=de`);
    const table = page.getByRole("table", { name: t("results:series.overTimeTable") });
    await table.getByRole("columnheader", { name: /Zukunftskonferenz 2027/ }).waitFor();
    const row = table.getByRole("row", { name: /540-2/ });
    await expect.poll(() => row.textContent()).toContain(t("results:series.rank", { rank: "1" }));
    expect(await row.textContent()).toContain(t("results:series.first"));
    expect(await row.textContent()).toContain(t("results:series.people", { count: 1 }));

    for (const lng of ["de", "ar"]) {
      for (const path of [seriesPath, `/series/${districtSeries}`, "/series"]) {
        await page.goto(`${server.url}${path}?lng=${lng}`);
        await atEveryWidth(page, async (width) => {
          await expectAccessible(page, `${path} (${lng}, ${width})`);
          await expectNoHorizontalScroll(page, `${path} (${lng}, ${width})`);
        });
      }
    }
  }, 180_000);
});

/**
 * The combined ranking of a two-step prioritisation in a real browser: its page and the report's
 * section are accessible (axe, WCAG 2.1 AA) left to right and right to left, at a phone's and a
 * laptop's width, and the wide goal table scrolls in its own box, never the page.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { addTeamMember } from "../../app/conferences/team.server";
import { atEveryWidth, expectAccessible, expectNoHorizontalScroll, launchBrowser, signedInPage } from "../support/browser";
import { createStaff, recordingDeps } from "../support/fixtures";
import { signedInStaff } from "../support/page-client";
import { startTestServer, type TestServer } from "../support/server";
import { votedTwoStep } from "../support/two-step-fixtures";

let server: TestServer;
let browser: Browser;
let page: Page;
let conferenceId = "";

beforeAll(async () => {
  server = await startTestServer();
  const db = server.database.db;
  const moderator = await createStaff(db, "moderator");
  ({ conferenceId } = await votedTwoStep(recordingDeps(db), moderator, await createStaff(db, "planner")));
  const planner = await signedInStaff(server, "planner");
  await addTeamMember(db, moderator, { conferenceId, email: planner.email });
  browser = await launchBrowser();
  page = await signedInPage(browser, server.url, planner.cookie);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server.close();
});

describe("the combined ranking in the browser", () => {
  it.each(["de", "ar"])("is accessible and fits the screen in %s, on its page and in the report", async (language) => {
    for (const path of [`/conferences/${conferenceId}/prioritisation`, `/conferences/${conferenceId}/report`]) {
      await page.goto(`${server.url}${path}?lng=${language}`);
      await atEveryWidth(page, async (width) => {
        await expectNoHorizontalScroll(page, `${path} (${language}, ${width})`);
        await expectAccessible(page, `${path} (${language}, ${width})`);
      });
    }
  });
});

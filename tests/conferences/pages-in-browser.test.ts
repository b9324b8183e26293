/**
 * The moderator pages in a real browser: accessible (axe, WCAG 2.1 AA) and without sideways
 * scrolling on a phone and a laptop, left to right and right to left; and with JavaScript, a
 * command goes through without a reload and a participant's comment arrives on the console live.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io as connect } from "socket.io-client";
import type { LiveDeps } from "../../app/live/events";
import { addAgendaItems, createLiveSession, startLiveSession } from "../../app/live/setup.server";
import { createConference } from "../../app/conferences/conferences.server";
import { atEveryWidth, expectAccessible, expectNoHorizontalScroll, launchBrowser } from "../support/browser";
import { t } from "../support/messages";
import { startTestServer, type TestServer } from "../support/server";
import { joinedParticipant, signedInStaff } from "../support/page-client";

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let deps: LiveDeps;
const ids = { conference: "", session: "", items: [] as string[], code: "" };

beforeAll(async () => {
  server = await startTestServer();
  deps = { db: server.database.db, publish: () => {} };
  const moderator = await signedInStaff(server);
  const actor = { kind: "staff", userId: moderator.userId, role: "moderator", email: "", displayName: "" } as const;
  const conference = await createConference(server.database.db, actor, {
    planSlug: "ziele-und-massnahmen-2022-2023",
    kind: "workshop",
    title: "Workshop Baumheide",
    startsAt: "2026-11-20T17:00:00Z",
    place: "Familienzentrum",
    languages: ["de", "en", "ar"],
  });
  const session = await createLiveSession(server.database.db, actor, {
    conferenceId: conference.id,
    title: "Abendrunde",
    dotsPerParticipant: 5,
  });
  const clusterKey = "arbeitslosigkeit-verringern-fokussierung-auf-jugendliche";
  const { ids: items } = await addAgendaItems(deps, actor, {
    liveSessionId: session.id,
    entries: [
      { kind: "measure", measureCode: "540-2" },
      { kind: "cluster", clusterKey },
      { kind: "question", question: "Was fehlt?" },
    ],
  });
  const { joinCode } = await startLiveSession(deps, actor, { liveSessionId: session.id });
  Object.assign(ids, { conference: conference.id, session: session.id, items, code: joinCode });

  browser = await launchBrowser();
  context = await browser.newContext();
  const [name, value] = moderator.cookie.split("=") as [string, string];
  await context.addCookies([{ name, value, url: server.url }]);
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server.close();
});

async function postCommentAs(cookie: string, body: string) {
  const socket = connect(server.url, { transports: ["websocket"], extraHeaders: { cookie }, forceNew: true });
  try {
    const reply = await socket.timeout(5_000).emitWithAck("comment:post", { agendaItemId: ids.items[0]!, body });
    expect(reply).toMatchObject({ ok: true });
  } finally {
    socket.disconnect();
  }
}

const pages = () => [
  "/conferences",
  `/conferences/${ids.conference}`,
  `/live/${ids.session}/agenda`,
  `/live/${ids.session}/console`,
];

describe("the moderator pages in a browser", () => {
  it.each(["de", "ar"])("are accessible and fit a phone and a laptop (%s)", async (lng) => {
    for (const path of pages()) {
      await page.goto(`${server.url}${path}?lng=${lng}`);
      await atEveryWidth(page, async (width) => {
        await expectAccessible(page, `${path} (${lng}, ${width})`);
        await expectNoHorizontalScroll(page, `${path} (${lng}, ${width})`);
      });
    }
  });

  it("changes the phase without a reload, and shows a participant's comment as it comes", async () => {
    await page.goto(`${server.url}/live/${ids.session}/console?lng=de`);
    await page.getByText(t("conferences:connection.online")).waitFor();
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    await page.getByRole("button", { name: t("conferences:phase.prioritise") }).click();
    await expect
      .poll(() => page.getByRole("button", { name: t("conferences:phase.prioritise") }).getAttribute("aria-pressed"))
      .toBe("true");

    // The participant comments through the server's socket, so the event takes the real way to the console.
    const participant = await joinedParticipant(deps, ids.code);
    await postCommentAs(participant.cookie, "Bitte auch samstags öffnen");
    await page.getByText("Bitte auch samstags öffnen").waitFor();

    // The actions sit in a menu, and the reason is asked only once hiding is chosen.
    await page.getByText(t("conferences:comments.actions"), { exact: true }).click();
    await page.getByText(t("conferences:moderation.hideStart"), { exact: true }).click();
    await page.getByLabel(t("conferences:moderation.reason")).fill("Werbung");
    await page.getByRole("button", { name: t("conferences:moderation.hide") }).click();
    await page.getByText(t("conferences:moderation.hiddenLabel")).waitFor();
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await expectAccessible(page, "console after moderation");
  });

  it("keeps a comment that arrives while the page reloads its data after a command", async () => {
    await page.goto(`${server.url}/live/${ids.session}/console?lng=de`);
    await page.getByText(t("conferences:connection.online")).waitFor();
    // Hold the revalidation back until the comment has been committed and shown, so the loader's
    // answer is older than what the socket already brought.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let read = () => {};
    const loaderRead = new Promise<void>((resolve) => (read = resolve));
    await page.route(/\/console\.data/, async (route) => {
      if (route.request().method() !== "GET") return route.continue();
      const response = await route.fetch();
      read();
      await held;
      await route.fulfill({ response });
    });
    try {
      const revalidated = page.waitForResponse((r) => /\/console\.data/.test(r.url()) && r.request().method() === "GET");
      await page.getByRole("button", { name: t("conferences:phase.discuss") }).click();
      await loaderRead;
      const participant = await joinedParticipant(deps, ids.code);
      await postCommentAs(participant.cookie, "Mehr Bänke im Park");
      const shown = page.locator(".moderation-entry__body", { hasText: "Mehr Bänke im Park" });
      await shown.waitFor();
      release();
      await revalidated;
      await expect.poll(() => page.getByRole("button", { name: t("conferences:phase.discuss") }).getAttribute("aria-pressed")).toBe("true");
      // Two frames: React has rendered the revalidated answer before the count is read.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      expect(await shown.count()).toBe(1);
    } finally {
      release();
      await page.unrouteAll({ behavior: "wait" });
    }
  });

  it("shows a question added on the agenda page in the console of another window at once, and its removal", async () => {
    const consoleWindow = await context.newPage();
    try {
      await consoleWindow.goto(`${server.url}/live/${ids.session}/console?lng=de`);
      await consoleWindow.getByText(t("conferences:connection.online")).waitFor();
      await page.goto(`${server.url}/live/${ids.session}/agenda?lng=de`);
      await page.getByText(t("conferences:connection.online")).waitFor();

      await page.getByLabel(t("conferences:picker.questionLabel"), { exact: true }).fill("Wer fehlt noch?");
      await page.getByRole("button", { name: t("conferences:picker.addQuestion") }).click();
      const onConsole = consoleWindow.locator(".console-agenda__title", { hasText: "Wer fehlt noch?" });
      await onConsole.waitFor();
      await page.getByRole("heading", { level: 3, name: /Wer fehlt noch\?/ }).waitFor();
      await expectAccessible(page, "agenda page, live");

      await page.getByRole("button", { name: `${t("conferences:agenda.remove")}${t("conferences:agenda.itemNumber", { number: 4 })}` }).click();
      await onConsole.waitFor({ state: "detached" });
    } finally {
      await consoleWindow.close();
    }
  });

  it("counts down a timer in the browser and stops it", async () => {
    await page.goto(`${server.url}/live/${ids.session}/console?lng=de`);
    await page.getByLabel(t("conferences:timer.minutes")).fill("2");
    await page.getByRole("button", { name: t("conferences:timer.start") }).click();
    // The countdown now comes back from the server for the whole room: allow the round trip and a tick.
    await expect.poll(() => page.getByRole("timer").textContent(), { timeout: 5_000 }).toMatch(/^01:5\d$/);
    await expect.poll(() => page.locator("[aria-live=polite]").textContent()).toBe(t("conferences:timer.minutesLeft", { count: 2 }));
    await page.getByRole("button", { name: t("conferences:timer.stop") }).click();
    await page.getByRole("timer").waitFor({ state: "detached" });
  });

  it("creates a conference with JavaScript and follows the redirect to its page", async () => {
    await page.goto(`${server.url}/conferences?lng=de`);
    await page.getByLabel(t("conferences:create.title")).fill("Stadtteilgespräch Sennestadt");
    await page.getByLabel(t("conferences:create.startsAt")).fill("2026-10-05T18:30");
    await page.getByRole("radio", { name: t("conferences:kind.district_talk") }).check();
    await page.getByRole("checkbox", { name: "English" }).check();
    await page.getByRole("button", { name: t("conferences:create.submit") }).click();
    await page.waitForURL(/\/conferences\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { level: 1, name: "Stadtteilgespräch Sennestadt" }).waitFor();
    expect(await page.locator("dd").first().textContent()).toContain("18:30");
  });
});

/**
 * The Integrationskonzept's two-step prioritisation in real browsers (issue 12, decision 051), with
 * axe on every page: a moderator creates the conference from the template; participants in two
 * working groups give dots at the same time, each group in its own session with its own join
 * code; the steering group rates goals on the four criteria, reading beside each goal what the
 * working groups made of its measures; the combined ranking names the goals first with their
 * measures' results, and its export carries it.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../../app/auth/actor";
import { createSession } from "../../app/auth/sessions.server";
import { listLiveSessions, type LiveSessionSummary } from "../../app/live/queries.server";
import { expectAccessible, launchBrowser, roomScreens as sizes } from "../support/browser";
import { createStaff } from "../support/fixtures";
import { messagesIn, t } from "../support/messages";
import { roomPages } from "../support/room-pages";
import { startTestServer, type TestServer } from "../support/server";

const conferenceTitle = "Gewichtung und Priorisierung der Oberziele";
const tr = messagesIn("tr");

let server: TestServer;
let browser: Browser;
let moderator: StaffActor;
let token = "";
let conferenceId = "";
let sessions: { elementarbereich: LiveSessionSummary; schule: LiveSessionSummary; steering: LiveSessionSummary };
const scriptErrors: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  moderator = await createStaff(server.database.db, "moderator");
  token = (await createSession(server.database.db, moderator.userId)).token;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(() => {
  expect(scriptErrors.splice(0), "errors in the browser").toEqual([]);
});

const screens = () => roomPages(browser, server.url, scriptErrors);
const staffPage = () => screens().open(sizes.console, [{ name: "mitplan_session", value: token }], "de-DE");
const openLive = (page: Page, path: string) => screens().openLive(page, path);
const phone = (joinCode: string, liveSessionId: string, language: "de" | "tr") => screens().phone(sizes.phone, { joinCode, liveSessionId }, language);

/** Starts a session from its agenda page and returns its join code. */
async function start(page: Page, liveSessionId: string): Promise<string> {
  await page.goto(`${server.url}/live/${liveSessionId}/agenda`);
  await page.getByRole("button", { name: t("conferences:agenda.start") }).click();
  const code = page.locator(".join-panel .join-code");
  await code.waitFor();
  return ((await code.textContent()) ?? "").trim();
}

const phaseButton = (console: Page, name: "prioritise" | "results") =>
  console.getByRole("group", { name: t("conferences:console.phase"), exact: true }).getByRole("button", { name: t(`conferences:phase.${name}`), exact: true });

async function prioritise(console: Page) {
  await phaseButton(console, "prioritise").click();
  await expect.poll(() => phaseButton(console, "prioritise").getAttribute("aria-pressed")).toBe("true");
}

async function nextItem(console: Page, heading: string) {
  await console.getByRole("button", { name: t("conferences:console.nextItem") }).click();
  await console.locator(".current-item", { hasText: heading }).waitFor();
}

async function closeSession(console: Page) {
  await console.getByText(t("conferences:close.summary")).click();
  await console.getByLabel(t("conferences:close.confirm")).check();
  await console.getByRole("button", { name: t("conferences:close.submit") }).click();
  await console.getByText(t("conferences:console.closedNotice")).waitFor();
}

/** Gives `count` dots to the phone's current item and waits for each to be saved. */
async function giveDots(page: Page, language: "de" | "tr", count: number) {
  const say = messagesIn(language);
  const add = page.getByRole("button", { name: say("live:dots.add") });
  await add.waitFor();
  for (let i = 0; i < count; i++) {
    const before = await page.locator(".dots__remaining").textContent();
    await add.click();
    await expect.poll(() => page.locator(".dots__remaining").textContent()).not.toBe(before);
  }
}

/** Rates the phone's current goal on the four criteria (1–5) in one go. */
async function rate(page: Page, values: Record<"urgency" | "influence" | "impact" | "feasibility", number>) {
  for (const [criterion, value] of Object.entries(values)) {
    await page.getByRole("group", { name: tr(`live:criterion.${criterion}.label`), exact: true }).getByText(String(value), { exact: true }).click();
  }
  const submit = page.getByRole("button", { name: tr("live:rating.submit") });
  await submit.click();
  await expect.poll(() => page.locator("form", { has: submit }).getByRole("status").textContent()).toBe(tr("live:form.saved"));
}

describe("the two-step prioritisation", { timeout: 180_000 }, () => {
  it("a moderator creates the Integrationskonzept's two-step conference from the template", async () => {
    const page = await staffPage();
    await page.goto(`${server.url}/conferences`);
    await page.getByRole("heading", { level: 1, name: t("conferences:list.title") }).waitFor();
    await page.getByLabel(t("conferences:create.plan")).selectOption("integrationskonzept");
    await page.getByRole("radio", { name: t("conferences:create.methods.two_step") }).check();
    await page.getByLabel(t("conferences:create.goalsNamedFirst")).fill("2");
    await page.getByRole("radio", { name: t("conferences:kind.workshop") }).check();
    await page.getByLabel(t("conferences:create.title")).fill(conferenceTitle);
    await page.getByLabel(t("conferences:create.startsAt")).fill("2026-12-10T16:00");
    await page.getByRole("checkbox", { name: "Türkçe" }).check();
    await expectAccessible(page, "conference form with the method");
    await page.getByRole("button", { name: t("conferences:create.submit") }).click();
    await page.waitForURL(/\/conferences\/[0-9a-f-]{36}$/);
    conferenceId = page.url().split("/").pop()!;

    await page.getByRole("heading", { level: 3, name: t("conferences:twoStep.working_groupHeading") }).waitFor();
    await page.getByRole("heading", { level: 3, name: t("conferences:twoStep.steering_groupHeading") }).waitFor();
    await page.getByText(t("conferences:twoStep.intro", { limit: 2 })).waitFor();
    expect(await page.getByRole("heading", { level: 4, name: "Teilprojektgruppe Elementarbereich" }).count()).toBe(1);
    await expectAccessible(page, "two-step conference page");

    const list = await listLiveSessions(server.database.db, moderator, conferenceId);
    expect(list).toHaveLength(10);
    sessions = {
      elementarbereich: list.find((s) => s.title === "Teilprojektgruppe Elementarbereich")!,
      schule: list.find((s) => s.title === "Teilprojektgruppe Schule")!,
      steering: list.find((s) => s.step === "steering_group")!,
    };
    expect(sessions.elementarbereich.itemCount).toBe(12);
    expect(sessions.schule.itemCount).toBe(4);
    expect(sessions.steering.itemCount).toBe(16);
  });

  it("participants in two working groups give dots at the same time, each group with its own join code", async () => {
    const [elementarbereich, schule] = await Promise.all([staffPage(), staffPage()]);
    const codes = [await start(elementarbereich, sessions.elementarbereich.id), await start(schule, sessions.schule.id)];
    expect(codes[0]).not.toBe(codes[1]);
    await Promise.all([
      openLive(elementarbereich, `/live/${sessions.elementarbereich.id}/console`),
      openLive(schule, `/live/${sessions.schule.id}/console`),
    ]);
    const [a, b] = await Promise.all([
      phone(codes[0]!, sessions.elementarbereich.id, "de"),
      phone(codes[1]!, sessions.schule.id, "tr"),
    ]);
    await Promise.all([prioritise(elementarbereich), prioritise(schule)]);
    // Both rooms vote at once: IK-1.1 gets 3 dots, IK-4.1 (Schule) 2.
    await Promise.all([giveDots(a, "de", 3), giveDots(b, "tr", 2)]);
    await expectAccessible(b, "Turkish working-group phone");
    await expect.poll(() => elementarbereich.locator(".item-result__total").textContent()).toMatch(/^3 /);
    await expect.poll(() => schule.locator(".item-result__total").textContent()).toMatch(/^2 /);

    // The Elementarbereich's second measure gets one dot: it ranks behind the first.
    await nextItem(elementarbereich, "IK-1.2");
    await prioritise(elementarbereich);
    await giveDots(a, "de", 1);
    await expect.poll(() => elementarbereich.locator(".item-result__total").textContent()).toMatch(/^1 /);
    await expectAccessible(elementarbereich, "working group's console");
    await Promise.all([closeSession(elementarbereich), closeSession(schule)]);
  });

  it("the steering group rates goals, reading beside each what the working groups made of its measures", async () => {
    const console = await staffPage();
    const code = await start(console, sessions.steering.id);
    await openLive(console, `/live/${sessions.steering.id}/console`);
    await console.locator(".current-item", { hasText: "1. Steigerung der Sprachkompetenz" }).waitFor();
    // The console shows the goal's measures with the working group's figures.
    const figure = console.locator(".goal-measures li", { hasText: "IK-1.1" });
    expect(await figure.textContent()).toContain(t("live:goal.figure", { group: "Teilprojektgruppe Elementarbereich", rank: 1, of: 12, dots: 3, mean: "–" }));
    await expectAccessible(console, "steering group's console");

    const member = await phone(code, sessions.steering.id, "tr");
    await member.getByRole("heading", { level: 1, name: "1. Steigerung der Sprachkompetenz" }).waitFor();
    await member.getByText(tr("live:facts.measures")).click();
    const onPhone = member.locator(".live-item__measures li", { hasText: "IK-1.2" });
    expect(await onPhone.textContent()).toContain(tr("live:goal.figure", { group: "Teilprojektgruppe Elementarbereich", rank: 2, of: 12, dots: 1, mean: "–" }));
    await prioritise(console);
    await rate(member, { urgency: 5, influence: 4, impact: 5, feasibility: 4 });
    await expectAccessible(member, "steering group's phone (tr)");

    await nextItem(console, "2. Steigerung der Leistungsfähigkeit");
    await prioritise(console);
    await member.getByRole("heading", { level: 1, name: /^2\. Steigerung der Leistungsfähigkeit/ }).waitFor();
    await rate(member, { urgency: 2, influence: 2, impact: 1, feasibility: 3 });

    await nextItem(console, "3. Steigerung der Erziehungskompetenz");
    await prioritise(console);
    await member.getByRole("heading", { level: 1, name: "3. Steigerung der Erziehungskompetenz der Eltern" }).waitFor();
    await rate(member, { urgency: 4, influence: 3, impact: 3, feasibility: 3 });
    await closeSession(console);
  });

  it("the combined ranking names the goals first with their measures' results, and the export carries it", async () => {
    const page = await staffPage();
    await page.goto(`${server.url}/conferences/${conferenceId}`);
    await page.getByRole("link", { name: t("conferences:twoStep.rankingLink") }).click();
    await page.waitForURL(`**/conferences/${conferenceId}/prioritisation`);
    const goals = page.getByRole("table", { name: t("results:twoStep.goalTable") });
    await goals.waitFor();
    // Goal 1: (5 + 4 + 5 + 4) / 4 = 4.5; goal 3: (4 + 3 + 3 + 3) / 4 = 3.25; goal 2: (2 + 2 + 1 + 3) / 4 = 2.
    const rows = goals.locator("tbody tr");
    const cells = async (n: number) => (await rows.nth(n).locator("td, th").allTextContents()).map((c) => c.trim());
    const [first, second, third] = [await cells(0), await cells(1), await cells(2)];
    expect([first[0], first[3], first.at(-1)]).toEqual(["1", "4,5", t("results:twoStep.namedFirst")]);
    expect(first[1]).toContain("Steigerung der Sprachkompetenz");
    expect([second[0], second[3], second.at(-1)]).toEqual(["2", "3,25", t("results:twoStep.namedFirst")]);
    expect(second[1]).toContain("Steigerung der Erziehungskompetenz der Eltern");
    expect([third[0], third[3], third.at(-1)]).toEqual(["3", "2", "–"]);
    expect(await cells(3).then((c) => c[0])).toBe(t("results:twoStep.unranked"));
    // Under goal 1, its measures as the Elementarbereich's working group left them.
    const measures = page.getByRole("table", { name: t("results:twoStep.measureTable", { goal: 1 }) });
    const measure = (await measures.locator("tr", { hasText: "IK-1.1" }).locator("td, th").allTextContents()).map((c) => c.trim());
    expect(measure.slice(1, 3)).toEqual(["Elementarbereich", "3"]);
    expect(measure.at(-1)).toBe(t("results:twoStep.rankOf", { rank: 1, total: 12 }));
    await expectAccessible(page, "combined ranking");

    const download = await page.request.get(`${server.url}/conferences/${conferenceId}/export.csv?dataset=prioritisation`);
    expect(download.status()).toBe(200);
    const lines = (await download.text()).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    const sprachkompetenz = lines.filter((line) => line.includes("Steigerung der Sprachkompetenz"));
    expect(sprachkompetenz.length).toBeGreaterThan(1);
    expect(lines.find((line) => line.includes("IK-1.1"))).toMatch(/^1;/);
    expect(lines.find((line) => line.includes("IK-1.1"))).toContain(";Elementarbereich;");
  });
});

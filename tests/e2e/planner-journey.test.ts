/**
 * The planner's side in a real browser, as issue 5 asks: after a session (set up through the
 * domain: two participants propose new measures, the moderator closes it) a planner signs in,
 * opens the inbox from the header, accepts one proposal as a new measure and declines the other
 * with a reason; the plan page then lists the new measure in the new revision; and the
 * participant who proposed it reads the outcome on their own page (/my-input). Every page on the
 * way is checked with axe. The steps share one browser and run in order.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../../app/auth/actor";
import { submitProposal } from "../../app/live/proposals.server";
import { closeLiveSession } from "../../app/results/close.server";
import { setPhase } from "../../app/live/steer.server";
import { joinedParticipant } from "../support/page-client";
import { messagesIn, t } from "../support/messages";
import { expectAccessible, expectNoHorizontalScroll, launchBrowser, viewports } from "../support/browser";
import { createStaff, recordingDeps, startedSession } from "../support/fixtures";
import { voter } from "../support/results-fixtures";
import { startTestServer, type TestServer } from "../support/server";

const planSlug = "ziele-und-massnahmen-2022-2023";
const accepted = { title: "Sprachcafé im Quartier", code: "540-5", reason: "Das Sprachcafé startet im Herbst im Stadtteilzentrum." };
const declined = { title: "Ein Freibad auf dem Marktplatz", reason: "Dafür fehlen auf dem Marktplatz Platz und Wasseranschluss." };

let server: TestServer;
let browser: Browser;
let planner: Page;
let participant: Page;
let participantCookie: string;
const scriptErrors: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const deps = recordingDeps(server.database.db);
  const moderator: StaffActor = await createStaff(server.database.db, "moderator");
  const session = await startedSession(deps, moderator);
  const author = await joinedParticipant(deps, session.joinCode);
  const other = await joinedParticipant(deps, session.joinCode);
  participantCookie = author.cookie;
  await submitProposal(deps, author.actor, {
    liveSessionId: session.liveSessionId,
    kind: "new_measure",
    title: accepted.title,
    body: "Ein wöchentliches Sprachcafé für Nachbarinnen und Nachbarn.",
  });
  await submitProposal(deps, other.actor, {
    liveSessionId: session.liveSessionId,
    kind: "new_measure",
    title: declined.title,
    body: "Im Sommer ein Becken mitten in der Stadt.",
  });
  // A few dots on the first measure, so the results page has a chart and a (suppressed) breakdown.
  await setPhase(deps, moderator, { agendaItemId: session.itemIds[0]!, phase: "prioritise" });
  await voter(deps).dots(author.actor, session.itemIds[0]!, 3);
  await voter(deps).dots(other.actor, session.itemIds[0]!, 2);
  await closeLiveSession(deps, moderator, { liveSessionId: session.liveSessionId });

  const open = async () => {
    const context = await browser.newContext({ locale: "de-DE", viewport: viewports.desktop });
    // Well inside the test's own time limit, so a step that never happens is named in the failure.
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    page.on("pageerror", (error) => scriptErrors.push(`${page.url()}: ${error.message}`));
    page.on("console", (message) => {
      // The browser reports a missing favicon as a failed load; anything else is a bug.
      if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
        scriptErrors.push(`${page.url()}: ${message.text()}`);
      }
    });
    return page;
  };
  [planner, participant] = await Promise.all([open(), open()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(() => {
  expect(scriptErrors, "errors in the browser").toEqual([]);
});

/** axe on the page as it is, and no sideways scrolling on a phone. */
async function checkPage(page: Page, name: string) {
  await expectAccessible(page, name);
  await page.setViewportSize(viewports.phone);
  await expectAccessible(page, `${name}, phone`);
  await expectNoHorizontalScroll(page, `${name}, phone`);
  await page.setViewportSize(viewports.desktop);
}

/** The decide form's reason field: "Begründung auf <language> (Pflichtfeld | freiwillig)". */
const reasonLabel = (language: string, mark: "requiredMark" | "optionalMark") =>
  `${t("decisions:decide.reasonIn")} ${t(`conferences:language.${language}`)} ${t(`decisions:decide.${mark}`)}`;
const version = (version: number, number: number) => t("catalogue:history.revision", { version, number });

describe("a planner answers a session's proposals", () => {
  it("signs in and opens the inbox from the header", async () => {
    await planner.goto(`${server.url}/login`);
    await planner.getByLabel(t("auth:login.email")).fill("planner@mitplan.example");
    await planner.getByLabel(t("auth:login.password")).fill("mitplan-demo-planner");
    await planner.getByRole("button", { name: t("auth:login.submit") }).click();
    await planner.getByRole("link", { name: t("decisions:nav.inbox"), exact: true }).click();
    await expect.poll(() => planner.url()).toBe(`${server.url}/inbox`);
    await planner.getByRole("heading", { level: 1, name: t("decisions:inbox.title") }).waitFor();
    await planner.getByRole("heading", { level: 3, name: t("decisions:inbox.proposals", { count: 2 }) }).waitFor();
    await checkPage(planner, "inbox");
  });

  it("reads the plan's results, in German and right to left in Arabic", async () => {
    await planner.getByRole("link", { name: t("decisions:inbox.resultsLink") }).click();
    await planner.getByRole("heading", { level: 2, name: t("results:plan.byMeasure") }).waitFor();
    await planner.getByRole("img", { name: /Soziales Miteinander in den Quartieren stärken: 100/ }).waitFor();
    // Two people in one group: the cell says too small, never how many.
    expect(await planner.getByRole("cell", { name: t("results:plan.suppressed", { count: 5 }) }).count()).toBeGreaterThan(0);
    await checkPage(planner, "plan results");
    await planner.goto(`${server.url}/plans/${planSlug}/results?lng=ar`);
    await planner.getByRole("heading", { level: 2, name: messagesIn("ar")("results:plan.byMeasure") }).waitFor();
    expect(await planner.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await checkPage(planner, "plan results in Arabic");
    await planner.goto(`${server.url}/inbox?lng=de`);
  });

  it("accepts one proposal as a new measure and sees the new revision", async () => {
    await planner.getByRole("link", { name: accepted.title }).click();
    await planner.getByRole("heading", { level: 1, name: t("decisions:decide.title") }).waitFor();
    await checkPage(planner, "decide page");
    // A proposal for a new measure preselects that outcome and suggests its title.
    expect(await planner.getByRole("radio", { name: t("decisions:option.acceptNew.label") }).isChecked()).toBe(true);
    const details = planner.getByRole("group", { name: t("decisions:option.acceptNew.details") });
    expect(await details.getByLabel(t("catalogue:field.title")).inputValue()).toBe(accepted.title);
    await details.getByLabel("Code").fill(accepted.code);
    await details.getByLabel(t("catalogue:field.objective")).fill("Begegnung und Sprache im Quartier");
    await planner.getByLabel(reasonLabel("de", "requiredMark")).fill(accepted.reason);
    // The proposal's own words are in the new measure's fields already.
    expect(await details.getByLabel(t("catalogue:field.actions")).inputValue()).toBe("Ein wöchentliches Sprachcafé für Nachbarinnen und Nachbarn.");
    // Every label in the page's language: Arabic is "Arabisch" here, not "العربية".
    await planner.getByLabel(reasonLabel("ar", "optionalMark")).fill("يبدأ المقهى اللغوي في الخريف.");
    await planner.getByRole("button", { name: t("decisions:decide.submit") }).click();

    await planner.getByRole("status").filter({ hasText: t("decisions:decide.saved") }).waitFor();
    await planner.getByRole("heading", { level: 3, name: t("decisions:outcome.accepted.done") }).waitFor();
    await checkPage(planner, "decided proposal");
    await planner.getByRole("link", { name: t("decisions:decision.revision", { number: 2 }) }).click();
    await planner.getByRole("heading", { level: 1, name: `${t("catalogue:history.title")}: ${accepted.code} ${accepted.title}` }).waitFor();
    expect(await planner.getByRole("listitem").filter({ hasText: version(1, 2) }).textContent()).toContain(accepted.reason);
    await checkPage(planner, "measure history");
  });

  it("finds the new measure on the plan page, in the new revision", async () => {
    await planner.goto(`${server.url}/plans/${planSlug}`);
    await planner
      .getByText(t("catalogue:plan.revision", { number: 2, date: "" }).trim())
      .first()
      .waitFor();
    await planner.getByRole("link", { name: new RegExp(accepted.title) }).click();
    await planner.getByRole("heading", { level: 1, name: accepted.title }).waitFor();
    expect(await planner.getByText(t("catalogue:measure.revision", { version: 1, number: 2, date: "" }).trim()).count()).toBe(1);
    await checkPage(planner, "new measure");
  });

  it("changes the maturity twice; the history's choice always shows the versions its table compares", async () => {
    await planner.goto(`${server.url}/plans/${planSlug}/measures/${accepted.code}/history`);
    const form = planner.locator("form", { has: planner.locator("#maturity-reason") });
    const compared = async () => ({
      from: await planner.locator("#diff-from option:checked").textContent(),
      to: await planner.locator("#diff-to option:checked").textContent(),
      columns: await planner.locator(".diff-table thead th").allTextContents(),
    });
    for (const [level, name, from, to] of [
      ["B", t("catalogue:maturity.B"), version(1, 2), version(2, 3)],
      ["C", t("catalogue:maturity.C"), version(2, 3), version(3, 4)],
    ] as const) {
      await form.getByLabel(t("catalogue:maturity.label")).selectOption(level);
      await form.getByLabel(t("catalogue:revise.reason")).fill(`Stand der Umsetzung: ${level}`);
      await form.getByRole("button", { name: t("catalogue:revise.saveMaturity") }).click();
      await planner.getByRole("status").filter({ hasText: t("catalogue:revise.saved.maturity") }).waitFor();
      await expect.poll(compared).toEqual({ from, to, columns: [t("catalogue:history.field"), from, to] });
      // The maturity by its name, not its letter.
      expect(await planner.locator(".diff-table .diff-after").first().textContent()).toBe(name);
    }
    await checkPage(planner, "measure history after two changes");
  });

  it("declines the other proposal with a reason", async () => {
    await planner.goto(`${server.url}/inbox`);
    await planner.getByRole("heading", { level: 3, name: t("decisions:inbox.proposals", { count: 1 }) }).waitFor();
    await planner.getByRole("link", { name: declined.title }).click();
    await planner.getByRole("radio", { name: t("decisions:option.declined.label") }).check();
    await planner.getByLabel(reasonLabel("de", "requiredMark")).fill(declined.reason);
    await planner.getByRole("button", { name: t("decisions:decide.submit") }).click();
    await planner.getByRole("heading", { level: 3, name: t("decisions:outcome.declined.done") }).waitFor();
    expect(await planner.getByText(declined.reason).count()).toBe(1);
    await checkPage(planner, "declined proposal");
    await planner.getByRole("link", { name: t("decisions:decide.backToInbox") }).click();
    await planner.getByText(t("decisions:inbox.noProposals")).waitFor();
    // The measure the room gave dots to still waits for its answer.
    await planner.getByRole("heading", { level: 3, name: t("decisions:inbox.results", { count: 1 }) }).waitFor();
    await checkPage(planner, "inbox without proposals");
    await planner.getByRole("link", { name: /540-2 Soziales Miteinander/ }).click();
    await planner.getByRole("heading", { level: 2, name: t("decisions:input.heading.result") }).waitFor();
    await checkPage(planner, "decide page for a result");
  });

  it("shows the participant who proposed it what became of it", async () => {
    const [name, value] = participantCookie.split("=") as [string, string];
    await participant.context().addCookies([{ name, value, url: server.url }]);
    await participant.goto(`${server.url}/my-input`);
    const entry = participant.getByRole("listitem").filter({ hasText: accepted.title });
    await entry.getByText(t("feedback:outcome.accepted"), { exact: true }).waitFor();
    expect(await entry.textContent()).toContain(accepted.reason);
    expect(await entry.getByRole("link", { name: new RegExp(accepted.code) }).count()).toBe(1);
    // The other participant's proposal is theirs, not this one's.
    expect(await participant.getByText(declined.title).count()).toBe(0);
    await checkPage(participant, "my input");
  });
});

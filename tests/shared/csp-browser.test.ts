/**
 * The Content-Security-Policy in a real browser: the participant's phone and the moderator's
 * console load, hydrate and follow each other live with not one violation reported.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordingDeps, startedSession } from "../support/fixtures";
import { t } from "../support/messages";
import { launchBrowser } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";
import { signedInStaff } from "../support/page-client";

let server: TestServer;
let browser: Browser;
let session: Awaited<ReturnType<typeof startedSession>>;
let moderatorCookie: string;
const problems: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const moderator = await signedInStaff(server);
  const actor = { kind: "staff", userId: moderator.userId, role: "moderator", email: "", displayName: "" } as const;
  session = await startedSession(recordingDeps(server.database.db), actor, { measureCodes: ["540-2"], dots: 5 });
  moderatorCookie = moderator.cookie;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A page that reports every CSP violation, script error and console error into `problems`. */
async function open(context: BrowserContext, name: string): Promise<Page> {
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`${name}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`${name}: ${error.message}`));
  return page;
}

describe("the security policy in a browser", { timeout: 90_000 }, () => {
  it("lets the phone and the console run and update each other live, with no violation", async () => {
    const staffContext = await browser.newContext({ locale: "de-DE" });
    const [name, value] = moderatorCookie.split("=") as [string, string];
    await staffContext.addCookies([{ name, value, url: server.url }]);
    const console = await open(staffContext, "console");
    await console.goto(`${server.url}/live/${session.liveSessionId}/console?lng=de`);
    await console.getByText(t("conferences:connection.online")).waitFor();

    const phone = await open(await browser.newContext({ locale: "de-DE" }), "phone");
    await phone.goto(`${server.url}/j/${session.joinCode}`);
    await phone.locator("#join-language").selectOption("de");
    await phone.locator(".join-form__submit").click();
    await phone.waitForURL(`**/live/${session.liveSessionId}`);
    await phone.locator("[data-connection=online]").waitFor();

    // Phone to console, over the socket the policy's connect-src allows.
    await phone.getByLabel(t("live:comment.label")).fill("Mehr Licht im Park");
    await phone.getByRole("button", { name: t("live:comment.submit") }).click();
    await console.getByText("Mehr Licht im Park").waitFor();
    // Console to phone.
    await console.getByRole("button", { name: t("conferences:phase.prioritise") }).click();
    await phone.getByRole("heading", { name: t("live:dots.heading") }).waitFor();

    expect(problems, "CSP violations and errors in the browser").toEqual([]);
  });
});

import type { Browser, Page } from "playwright-core";
import { joinByLink } from "./http";

type Size = { width: number; height: number };
type Cookie = { name: string; value: string };

/**
 * The screens of the people in a room, each in a browser context of its own (its own cookies) at
 * its screen's size. Script errors land in `errors`, which the test file's afterEach fails on.
 */
export function roomPages(browser: Browser, origin: string, errors: string[]) {
  async function open(size: Size, cookies: Cookie[], locale: string): Promise<Page> {
    const context = await browser.newContext({ viewport: size, locale });
    // Well inside a step's time limit, so a step that never happens is named in the failure.
    context.setDefaultTimeout(20_000);
    await context.addCookies(cookies.map((c) => ({ ...c, url: origin })));
    const page = await context.newPage();
    page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
    return page;
  }

  /** Opens a live page and waits until it watches the session; marks it, so a reload would show. */
  async function openLive(page: Page, path: string): Promise<Page> {
    await page.goto(`${origin}${path}`);
    await page.locator("[data-connection=online]").waitFor();
    await page.evaluate(() => ((window as { notReloaded?: boolean }).notReloaded = true));
    return page;
  }

  /** A participant's phone: joined by the session's link as `language`, on its live page. */
  async function phone(size: Size, { joinCode, liveSessionId }: { joinCode: string; liveSessionId: string }, language: string): Promise<Page> {
    const { cookie } = await joinByLink(origin, joinCode, { language });
    const cookies = cookie.split(/;\s*/).map((pair) => {
      const [name, ...value] = pair.split("=");
      return { name: name!, value: value.join("=") };
    });
    return openLive(await open(size, cookies, language), `/live/${liveSessionId}`);
  }

  return { open, openLive, phone };
}

export const notReloaded = (page: Page) => page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded === true);

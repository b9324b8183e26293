import { AxeBuilder } from "@axe-core/playwright";
import { chromium, type Browser, type Page } from "playwright-core";
import { expect, inject } from "vitest";

/** The widths every page is checked at: a small phone and a laptop. */
export const viewports = {
  phone: { width: 360, height: 780 },
  desktop: { width: 1280, height: 900 },
} as const;

/** The room's screens as issue 13 measured them: a phone, the moderator's laptop, two projectors. */
export const roomScreens = {
  phone: { width: 360, height: 740 },
  console: { width: 1366, height: 800 },
  projector: { width: 1920, height: 1080 },
  smallProjector: { width: 1280, height: 720 },
} as const;

/** One headless chromium per test file; open pages from it and close it in afterAll. */
export async function launchBrowser(): Promise<Browser> {
  // The global setup found (or installed) it before the first test: tests/support/find-browser.ts.
  return chromium.launch({
    executablePath: inject("chromiumPath"),
    args: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A page of a fresh context signed in with a staff member's session cookie (`name=value`). */
export async function signedInPage(browser: Browser, origin: string, cookie: string): Promise<Page> {
  const context = await browser.newContext();
  const [name, value] = cookie.split("=") as [string, string];
  await context.addCookies([{ name, value, url: origin }]);
  return context.newPage();
}

const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * Runs axe (WCAG 2.0 and 2.1, levels A and AA) on the page as it is now and fails the test with
 * one line per violation: rule, impact, the elements it found, and what to do about it.
 * The same rules run either way; two settings only make each run cheaper (about half the time
 * on the report pages): axe runs in the page itself instead of gathering its results in an extra
 * blank page (legacy mode: frames of the page's own origin are still checked, frames of another
 * origin would not be; no page of ours has any frame), and it details violations only, the one
 * result the test reads.
 */
export async function expectAccessible(page: Page, where = page.url()): Promise<void> {
  // options() replaces what withTags() set, so it comes first.
  const { violations } = await new AxeBuilder({ page })
    .options({ resultTypes: ["violations"] })
    .withTags(wcagTags)
    .setLegacyMode(true)
    .analyze();
  const found = violations.map((violation) => {
    const targets = violation.nodes.map((node) => {
      const summary = node.failureSummary?.replace(/\s+/g, " ").trim();
      return `    - ${node.target.join(" ")}${summary ? ` (${summary})` : ""}`;
    });
    return [`${violation.id} [${violation.impact ?? "?"}]: ${violation.help} <${violation.helpUrl}>`, ...targets].join(
      "\n",
    );
  });
  expect(found, `axe found accessibility problems on ${where}:\n${found.join("\n")}`).toEqual([]);
}

/** Runs `check` at the phone width and then at the desktop width, leaving the page at desktop width. */
export async function atEveryWidth(page: Page, check: (width: keyof typeof viewports) => Promise<void>) {
  for (const width of ["phone", "desktop"] as const) {
    await page.setViewportSize(viewports[width]);
    await check(width);
  }
}

/** Fails when the page is wider than the viewport: content that only shows by scrolling sideways. */
export async function expectNoHorizontalScroll(page: Page, where = page.url()): Promise<void> {
  const overflow = await page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const outside = (box: DOMRect) => box.width > 0 && (box.right > viewport + 1 || box.left < -1);
    const hidden = (element: Element | null) => Boolean(element?.closest(".visually-hidden, .skip-link"));
    const describe = (element: Element, text: string) =>
      `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(" ").join(".")}` : ""}` +
      (text ? ` "${text.trim().slice(0, 50)}"` : "");
    const wide: string[] = [];
    for (const element of document.querySelectorAll("body *")) {
      if (!hidden(element) && outside(element.getBoundingClientRect())) wide.push(describe(element, ""));
    }
    // Text can spill out of a box that fits, e.g. a long word in a narrow heading.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (hidden(node.parentElement)) continue;
      range.selectNodeContents(node);
      if ([...range.getClientRects()].some(outside)) wide.push(describe(node.parentElement!, node.textContent ?? ""));
    }
    return { scrollWidth: document.documentElement.scrollWidth, viewport, wide: wide.slice(0, 5) };
  });
  expect(
    overflow.scrollWidth,
    `${where} scrolls sideways at ${overflow.viewport}px; too wide: ${overflow.wide.join(", ")}`,
  ).toBeLessThanOrEqual(overflow.viewport);
}

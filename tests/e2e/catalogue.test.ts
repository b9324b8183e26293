/**
 * The public catalogue in a real browser: a reader who arrives in German switches to English,
 * finds a measure with the filter form (keyboard only), reads it, switches to Arabic, and hits
 * a dead link. Every page on the way is checked with axe and for sideways scrolling, at a
 * 360 px phone and at desktop width. The steps share one browser page and run in order.
 */
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  atEveryWidth,
  expectAccessible,
  expectNoHorizontalScroll,
  launchBrowser,
  viewports,
} from "../support/browser";
import { messagesIn, t } from "../support/messages";
import { startTestServer, type TestServer } from "../support/server";
import arDemo from "../../db/demo/translations/ziele-und-massnahmen-2022-2023/ar.json";
import enDemo from "../../db/demo/translations/ziele-und-massnahmen-2022-2023/en.json";

const demoTranslations = { ar: arDemo, en: enDemo };

const plan = "/plans/ziele-und-massnahmen-2022-2023";
const planTitle = "Ziele und Maßnahmen für ein Soziales Bielefeld 2022/2023";
const measureTitle = "Soziales Miteinander in den Quartieren stärken";
/** The demo's draft translations of 540-2 (db/demo/translations): title and summary only. */
const translated = (language: "en" | "ar") => demoTranslations[language].measures["540-2"];

let server: TestServer;
let browser: Browser;
let page: Page;
const scriptErrors: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const context = await browser.newContext({ locale: "de-DE", viewport: viewports.desktop });
  page = await context.newPage();
  page.on("pageerror", (error) => scriptErrors.push(error.message));
  page.on("console", (message) => {
    // The browser reports the deliberate 404 responses as failed loads; anything else is a bug.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
      scriptErrors.push(message.text());
    }
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(() => {
  expect(scriptErrors, "errors in the browser console").toEqual([]);
});

const root = () =>
  page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

const heading = (name: string, level = 1) => page.getByRole("heading", { level, name, exact: true });

/** axe and the sideways-scroll check, at the phone width and at desktop width. */
async function checkPage(name: string) {
  await atEveryWidth(page, async (width) => {
    await expectAccessible(page, `${name}, ${viewports[width].width} px`);
    await expectNoHorizontalScroll(page, `${name}, ${viewports[width].width} px`);
  });
}

/** The text of an element as it appears on screen, read from left to right. */
const shownLeftToRight = (locator: Locator) =>
  locator.evaluate((element) => {
    const text = element.firstChild!;
    const range = document.createRange();
    return [...(text.textContent ?? "")]
      .map((character, i) => {
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        return { character, left: range.getBoundingClientRect().left };
      })
      .sort((a, b) => a.left - b.left)
      .map(({ character }) => character)
      .join("");
  });

/** WCAG contrast ratio of two CSS colours as getComputedStyle gives them ("rgb(r, g, b)"). */
function contrast(first: string, second: string): number {
  const luminance = (color: string) => {
    const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((part) => {
      const channel = Number(part) / 255;
      return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  };
  const [light, dark] = [luminance(first), luminance(second)].sort((a, b) => b - a) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Where keyboard focus is now, and how it is drawn. */
const focused = () =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const backgroundOf = (start: Element | null) => {
      for (let box = start; box; box = box.parentElement) {
        const background = getComputedStyle(box).backgroundColor;
        if (background !== "rgba(0, 0, 0, 0)" && background !== "transparent") return background;
      }
      return "rgb(255, 255, 255)";
    };
    return {
      tag: element.tagName.toLowerCase(),
      id: element.id,
      className: element.className,
      text: (element.textContent ?? "").trim().slice(0, 60),
      outlineStyle: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth),
      outlineColor: style.outlineColor,
      // The outline is drawn outside the element, so it has to stand out from what is behind it.
      behind: backgroundOf(element.parentElement),
      color: style.color,
      background: backgroundOf(element),
      inViewport: (() => {
        const box = element.getBoundingClientRect();
        return box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth;
      })(),
    };
  });

/** Tabs through the whole page and fails on a focus stop that draws no focus indicator. */
async function expectVisibleFocusOnEveryStop(name: string) {
  await page.locator("body").focus();
  const seen: string[] = [];
  for (let stop = 0; stop < 60; stop++) {
    await page.keyboard.press("Tab");
    const now = await focused();
    if (!now) break;
    const label = `${now.tag}${now.id ? `#${now.id}` : ""} "${now.text}"`;
    if (seen.includes(label)) break;
    seen.push(label);
    expect(now.outlineStyle, `${name}: no focus outline on ${label}`).not.toBe("none");
    expect(now.outlineWidth, `${name}: focus outline too thin on ${label}`).toBeGreaterThanOrEqual(2);
    expect(
      contrast(now.outlineColor, now.behind),
      `${name}: focus outline ${now.outlineColor} on ${now.behind} is hard to see on ${label}`,
    ).toBeGreaterThanOrEqual(3);
    // axe sees elements without focus only, and reports 1:1 text (white on white) as "needs review".
    expect(
      contrast(now.color, now.background),
      `${name}: text ${now.color} on ${now.background} is hard to read on focused ${label}`,
    ).toBeGreaterThanOrEqual(4.5);
    expect(now.inViewport, `${name}: focused ${label} is scrolled out of view`).toBe(true);
  }
  return seen;
}

const en = messagesIn("en");

describe("the public catalogue in a browser", () => {
  it("opens the home page in German, the browser's language", async () => {
    const response = await page.goto(`${server.url}/`);
    expect(response?.status()).toBe(200);
    expect(await root()).toEqual({ lang: "de", dir: "ltr" });
    await heading(t("common:home.title")).waitFor();
    await checkPage("home page");
  });

  it("switches to English with the language switcher", async () => {
    await page.getByRole("combobox", { name: t("common:nav.language") }).selectOption({ label: "English" });
    await page.getByRole("button", { name: t("common:nav.languageSubmit") }).click();
    await heading(en("common:home.title")).waitFor();
    expect(await root()).toEqual({ lang: "en", dir: "ltr" });
    // The switcher shows the language the page is in.
    expect(await page.getByRole("combobox", { name: en("common:nav.language") }).inputValue()).toBe("en");
    await checkPage("home page in English");
  });

  it("follows the link to the plan's catalogue", async () => {
    await page.getByRole("link", { name: planTitle, exact: true }).click();
    await page.waitForURL(`**${plan}`);
    await heading(planTitle).waitFor();
    expect(await root()).toEqual({ lang: "en", dir: "ltr" });
    expect(await page.getByRole("status").textContent()).toBe(en("catalogue:plan.shown", { shown: 39, count: 39 }));
    await checkPage("plan page");
  });

  it("filters the catalogue with the keyboard alone", async () => {
    await page.getByRole("searchbox", { name: en("catalogue:filter.search") }).focus();
    await page.keyboard.type("540-2");
    await page.keyboard.press("Enter");
    await page.waitForURL(/[?&]q=540-2/);
    await page.getByRole("status").filter({ hasText: en("catalogue:plan.shown", { shown: 1, count: 39 }) }).waitFor();
    const rows = page.getByRole("main").locator(".measure-list > li");
    expect(await rows.count()).toBe(1);
    // The English reader gets the demo's English draft, marked as not yet reviewed.
    expect(await rows.first().textContent()).toContain(translated("en").title);
    expect(await rows.first().textContent()).toContain(en("common:content.draft"));
    expect(await page.getByRole("searchbox", { name: en("catalogue:filter.search") }).inputValue()).toBe("540-2");
    await checkPage("filtered plan page");
  });

  it("opens the measure and shows its fields", async () => {
    await page.getByRole("link", { name: translated("en").title, exact: true }).click();
    await page.waitForURL(`**${plan}/measures/540-2`);
    await heading(translated("en").title).waitFor();
    expect(await page.getByText(translated("en").summary, { exact: true }).getAttribute("lang")).toBe("en");
    expect(await page.getByText(en("common:content.draft")).count()).toBe(1);
    for (const field of ["situation", "objective", "actions", "steps", "stakeholders", "indicators", "dataSources"].map((f) => en(`catalogue:measure.${f}`))) {
      expect(await heading(field, 2).count(), field).toBe(1);
    }
    const facts = await page.locator(".facts").textContent();
    expect(facts).toContain(en("catalogue:measure.unit"));
    expect(facts).toContain("540 Büro für Integrierte Sozialplanung und Prävention");
    // The draft translates title and summary; each field it leaves out is German, and says so.
    for (const field of ["situation", "objective", "actions", "steps", "stakeholders"]) {
      const section = page.locator(`section:has(> h2#field-${field})`);
      expect(await section.getByText(en("common:content.inGerman")).count(), field).toBe(1);
      expect(await section.locator('div[lang="de"]').count(), field).toBe(1);
    }
    await checkPage("measure page");
  });

  it("reads the measure in Arabic, right to left", async () => {
    await page.getByRole("combobox", { name: en("common:nav.language") }).selectOption({ label: "العربية" });
    await page.getByRole("button", { name: en("common:nav.languageSubmit") }).click();
    await heading(messagesIn("ar")("catalogue:measure.situation"), 2).waitFor();
    expect(await root()).toEqual({ lang: "ar", dir: "rtl" });
    // The title is the Arabic draft, right to left; the objective it leaves out is German:
    // marked as such, and laid out left to right inside the page.
    const title = heading(translated("ar").title).locator('[lang="ar"]');
    expect(await title.evaluate((element) => getComputedStyle(element).direction)).toBe("rtl");
    const objective = page.locator('section:has(> h2#field-objective) div[lang="de"]');
    expect(await objective.evaluate((element) => getComputedStyle(element).direction)).toBe("ltr");
    await page.locator("section:has(> h2#field-objective)").getByText(messagesIn("ar")("common:content.inGerman")).waitFor();
    // Right to left, "540-2" next to Arabic text would show as "2-540" unless it is isolated.
    expect(await shownLeftToRight(page.locator(".eyebrow strong"))).toBe("540-2");
    await checkPage("measure page in Arabic");
  });

  it("answers a dead link with a 404 page in the reader's language", async () => {
    const arabic = await page.goto(`${server.url}${plan}/measures/999-9`);
    expect(arabic?.status()).toBe(404);
    expect(await root()).toEqual({ lang: "ar", dir: "rtl" });
    await heading(messagesIn("ar")("common:error.notFoundTitle")).waitFor();
    await checkPage("404 page in Arabic");

    const english = await page.goto(`${server.url}/irgendwo/anders?lng=en`);
    expect(english?.status()).toBe(404);
    await heading(en("common:error.notFoundTitle")).waitFor();
    await checkPage("404 page");
  });

  it("wraps long German words instead of scrolling sideways on a phone", async () => {
    await page.setViewportSize(viewports.phone);
    for (const path of [
      `${plan}/measures/500-3?lng=de`,
      "/plans/integrationskonzept?lng=en",
      "/plans/integrationskonzept/measures/IK-10.4?lng=ar",
    ]) {
      await page.goto(server.url + path);
      await expectNoHorizontalScroll(page, path);
    }
  });

  it("offers a skip link as the first Tab stop, which moves focus to the main content", async () => {
    for (const width of ["phone", "desktop"] as const) {
      await page.setViewportSize(viewports[width]);
      await page.goto(`${server.url}${plan}?lng=de`);
      await page.keyboard.press("Tab");
      const first = await focused();
      expect(first?.className).toBe("skip-link");
      expect(first?.text).toBe("Zum Inhalt springen");
      expect(first?.inViewport, "the skip link shows when it has focus").toBe(true);
      expect(contrast(first!.color, first!.background), "the skip link's text is readable").toBeGreaterThanOrEqual(4.5);
      await expectAccessible(page, `plan page with the skip link showing, ${viewports[width].width} px`);
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => document.activeElement?.id === "main");
      // The next Tab continues inside the content, not back in the header.
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => Boolean(document.activeElement?.closest("main")))).toBe(true);
    }
  });

  it("still hydrates when keys are pressed while a slow phone loads the page", async () => {
    type Hydration = { __remixRouter?: { state: { initialized: boolean } }; stillTheSamePage?: boolean };
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 6 });
    try {
      await page.setViewportSize(viewports.phone);
      for (let round = 0; round < 3; round++) {
        await page.goto(`${server.url}${plan}?lng=de`);
        for (let press = 0; press < 4; press++) await page.keyboard.press("Tab");
        await page.waitForFunction(() => (window as Hydration).__remixRouter?.state.initialized === true, null, {
          timeout: 15_000,
        });
      }
    } finally {
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
      await cdp.detach();
    }
    // Hydrated: a link is followed in the page, without loading a new document.
    await page.evaluate(() => ((window as Hydration).stillTheSamePage = true));
    await page.getByRole("link", { name: measureTitle, exact: true }).click();
    await heading(measureTitle).waitFor();
    expect(await page.evaluate(() => (window as Hydration).stillTheSamePage)).toBe(true);
  });

  it("draws a visible focus outline on every link, button and field", async () => {
    await page.setViewportSize(viewports.desktop);
    await page.goto(`${server.url}${plan}?lng=de&q=540-2`);
    const stops = await expectVisibleFocusOnEveryStop("filtered plan page");
    expect(stops.some((stop) => stop.startsWith("button"))).toBe(true);
    expect(stops.some((stop) => stop.startsWith("select"))).toBe(true);
    expect(stops.some((stop) => stop.includes(measureTitle))).toBe(true);

    await page.setViewportSize(viewports.phone);
    await page.goto(`${server.url}${plan}/measures/540-2?lng=ar`);
    const measureStops = await expectVisibleFocusOnEveryStop("measure page in Arabic");
    expect(measureStops.length).toBeGreaterThan(5);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDemoPlan } from "../../app/demo/demo-data.server";
import { createSession } from "../../app/auth/sessions.server";
import { addAgendaItems } from "../../app/live/setup.server";
import { createStaff, recordingDeps, startedSession } from "../support/fixtures";
import { post } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
const plan = "/plans/ziele-und-massnahmen-2022-2023";

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function page(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(server.url + path, { headers });
  return { status: response.status, html: await response.text(), headers: response.headers };
}

const htmlTag = (html: string) => /<html[^>]*>/.exec(html)?.[0] ?? "";

describe("public catalogue pages", () => {
  it("serves the home page with the plans, in German by default", async () => {
    const { status, html } = await page("/");
    expect(status).toBe(200);
    expect(htmlTag(html)).toBe('<html lang="de" dir="ltr">');
    expect(html).toContain("Pläne und Konzepte");
    expect(html).toContain("Ziele und Maßnahmen für ein Soziales Bielefeld 2022/2023");
    expect(html).toContain("Corona-Aktionsplan");
    expect(html).toContain("Zurzeit ist keine Konferenz angekündigt.");
  });

  it("names its icon, and answers /favicon.ico with it instead of a 404", async () => {
    const { html } = await page("/");
    expect(html).toContain('<link rel="icon" type="image/svg+xml" href="/favicon.svg"/>');
    const icon = await page("/favicon.svg");
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    expect(icon.html).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    const legacy = await fetch(`${server.url}/favicon.ico`, { redirect: "manual" });
    expect(legacy.status).toBe(301);
    expect(legacy.headers.get("location")).toBe("/favicon.svg");
  });

  it("lists every measure of the 2022/2023 catalogue with its code, in de and en", async () => {
    const file = readDemoPlan("ziele-und-massnahmen-2022-2023.json") as { measures: { code: string }[] };
    for (const lng of ["de", "en"]) {
      const { status, html } = await page(`${plan}?lng=${lng}`);
      expect(status).toBe(200);
      expect(htmlTag(html)).toBe(`<html lang="${lng}" dir="ltr">`);
      for (const { code } of file.measures) {
        expect(html).toContain(`<span class="measure-row__code">${code}</span>`);
      }
    }
    expect((await page(`${plan}?lng=en`)).html).toContain("Filter measures");
  });

  it("shows a measure with every field the source has", async () => {
    const { status, html } = await page(`${plan}/measures/Jobcenter-1?lng=en`);
    expect(status).toBe(200);
    for (const heading of [
      "Situation / problem analysis",
      "Objective",
      "Action(s) to reach the objective",
      "Implementation steps",
      "Indicators and target values",
      "Data sources",
    ]) {
      expect(html).toContain(`>${heading}</h2>`);
    }
    expect(html).toContain("Jugendliche in den Ausbildungsmarkt integrieren.");
    expect(html).toContain("Content in German");
    const german = await page(`${plan}/measures/Jobcenter-1?lng=de`);
    expect(german.html).toContain(">Ausgangslage / Problemanalyse</h2>");
  });

  it("shows where a measure was discussed, each conference linking to its results, without figures for the public", async () => {
    const before = await page(`${plan}/measures/540-2`);
    expect(before.html).toContain('id="field-participation"');
    expect(before.html).toContain("Die Maßnahme wurde noch in keiner Konferenz behandelt.");
    const moderator = await createStaff(server.database.db, "moderator");
    const session = await startedSession(recordingDeps(server.database.db), moderator, { measureCodes: ["540-2"], title: "Zukunftskonferenz Sieker" });
    const { html } = await page(`${plan}/measures/540-2`);
    expect(html).toContain(`href="/conferences/${session.conferenceId}/feedback"><span lang="de" dir="ltr">Zukunftskonferenz Sieker</span></a>`);
    // The figures are for staff who view results (tests/results/series.test.ts); the public has the feedback page.
    expect(html).not.toContain("series-figures");
    expect((await page(`${plan}/measures/510-2`)).html).toContain("Die Maßnahme wurde noch in keiner Konferenz behandelt.");
    // Among a ranking's measures counts as discussed too.
    await addAgendaItems(recordingDeps(server.database.db), moderator, {
      liveSessionId: session.liveSessionId,
      entries: [{ kind: "ranking", question: "Was zuerst?", measureCodes: ["540-2", "510-2"] }],
    });
    expect((await page(`${plan}/measures/510-2`)).html).toContain(`href="/conferences/${session.conferenceId}/feedback"`);
  });

  it("shows a cluster's figures with their history, and planners change them with a reason", async () => {
    const corona = "/plans/corona-aktionsplan-2021";
    const before = await page(corona);
    expect(before.status).toBe(200);
    expect(before.html).toContain("<summary>Verlauf von Reifegrad und Budget</summary>");
    // The page data carries the catalogue's messages: look for the form, not its words.
    expect(before.html).not.toContain('name="budget"');
    const planner = await createStaff(server.database.db, "planner");
    const cookie = `mitplan_session=${(await createSession(server.database.db, planner.userId)).token}`;
    expect((await page(corona, { cookie })).html).toContain('name="budget"');
    const refused = await post(server.url, corona, { formId: "cluster-sprachfoerderung", key: "sprachfoerderung", maturity: "", budget: "12,345", reason: "Test" }, cookie);
    expect(refused.status).toBe(400);
    const saved = await post(server.url, corona, { formId: "cluster-sprachfoerderung", key: "sprachfoerderung", maturity: "A", budget: "80.000", reason: "Haushalt 2022" }, cookie);
    expect(saved.status).toBe(200);
    const after = (await page(corona)).html;
    expect(after).toMatch(/Budget: 80\.000,00\s€/);
    expect(after).toContain("Haushalt 2022");
  });

  it("renders right-to-left in Arabic", async () => {
    const { status, html } = await page(`${plan}/measures/540-2?lng=ar`);
    expect(status).toBe(200);
    expect(htmlTag(html)).toBe('<html lang="ar" dir="rtl">');
    expect(html).toContain("الوضع الراهن / تحليل المشكلة");
  });

  it("remembers a chosen language in a cookie and otherwise follows Accept-Language", async () => {
    const chosen = await page("/?lng=en");
    const cookie = chosen.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^lng=/);
    const next = await page("/", { cookie: cookie.split(";")[0]! });
    expect(htmlTag(next.html)).toBe('<html lang="en" dir="ltr">');
    const browser = await page("/", { "accept-language": "ar-SY,ar;q=0.9,en;q=0.5" });
    expect(htmlTag(browser.html)).toBe('<html lang="ar" dir="rtl">');
  });

  it("filters the catalogue by a GET form that works without JavaScript", async () => {
    const { html } = await page(`${plan}?q=540-2`);
    expect(html).toContain("1 von 39 Maßnahmen");
  });

  it("answers an unknown plan, measure or address with a 404 page in the reader's language", async () => {
    const unknownPlan = await page("/plans/gibt-es-nicht?lng=en");
    expect(unknownPlan.status).toBe(404);
    expect(unknownPlan.html).toContain("Page not found");
    const unknownMeasure = await page(`${plan}/measures/999-9`);
    expect(unknownMeasure.status).toBe(404);
    expect(unknownMeasure.html).toContain("Seite nicht gefunden");
    const unknownPath = await page("/irgendwo/anders?lng=ar");
    expect(unknownPath.status).toBe(404);
    expect(unknownPath.html).toContain("الصفحة غير موجودة");
    expect(unknownPath.html).not.toMatch(/at .*\.js:\d+/);
  });
});

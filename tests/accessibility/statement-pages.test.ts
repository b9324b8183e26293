import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityReports } from "../../db/schema";
import easyAccessibility from "../../locales/de-x-ls/accessibility.json";
import { sessionCookie } from "../auth/helpers";
import { createStaff } from "../support/fixtures";
import { get, post } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let adminCookie: string;
beforeAll(async () => {
  server = await startTestServer();
  adminCookie = await sessionCookie(server.database.db, (await createStaff(server.database.db, "admin")).userId);
});
afterAll(() => server.close());

const easyAbout = easyAccessibility.about;
const reports = async () => server.database.db.select().from(accessibilityReports);

describe("the accessibility statement", () => {
  it("is linked from every page's footer and names the conciliation body", async () => {
    for (const path of ["/", "/join", "/plans/ziele-und-massnahmen-2022-2023", "/diese-seite-gibt-es-nicht"]) {
      const { text } = await get(server.url, path);
      expect(text, path).toMatch(/<footer[\s\S]*href="\/barrierefreiheit"[\s\S]*<\/footer>/);
    }
    const { status, text } = await get(server.url, "/barrierefreiheit");
    expect(status).toBe(200);
    expect(text).toContain("Erklärung zur Barrierefreiheit");
    expect(text).toContain('href="https://www.schlichtungsstelle-bgg.de"');
    expect(text).toContain("Die Kontaktstelle wird gerade benannt.");
    // What is not yet accessible, each with its reason (§12b BGG).
    const notYet = text.match(/Was ist noch nicht barrierefrei\?<\/h2><ul>([\s\S]*?)<\/ul>/)?.[1] ?? "";
    expect(notYet.match(/<li>[^<]*Grund: [^<]+<\/li>/g)).toHaveLength(4);
  });

  it("is summed up on the start page in Leichte Sprache, which every other language links to, beside the sign-language slot", async () => {
    const easy = (await get(server.url, "/?lng=de-x-ls")).text;
    for (const part of ["what", "how", "statement"] as const) expect(easy).toContain(easyAbout[part]);
    expect(easy).toContain(easyAbout.signHeading);
    expect(easy).not.toContain('href="/?lng=de-x-ls"');
    for (const language of ["de", "tr", "fa"]) expect((await get(server.url, `/?lng=${language}`)).text).toContain('href="/?lng=de-x-ls" hrefLang="de-x-ls"');
  });

  it("takes a report without JavaScript, in the reader's language, and shows it to admins", async () => {
    const sent = await post(server.url, "/barrierefreiheit?lng=ar", { message: "لا أستطيع قراءة الرسم البياني", contact: "a@example.org", language: "ar" }, "lng=ar");
    expect(sent.status).toBe(200);
    expect(sent.text).toContain("شكرًا لك. وصلتنا رسالتك.");
    const { text } = await get(server.url, "/admin/accessibility", adminCookie);
    expect(text).toContain('lang="ar" dir="rtl" class="report-message">لا أستطيع قراءة الرسم البياني');
    expect(text).toContain("a@example.org");
  });

  it("refuses an empty report with a translated reason and keeps what was typed", async () => {
    const before = (await reports()).length;
    const refused = await post(server.url, "/barrierefreiheit?lng=en", { message: " ", contact: "0521 1234", language: "en" }, "lng=en");
    expect(refused.status).toBe(400);
    expect(refused.text).toContain("Please write a message.");
    expect(refused.text).toContain('value="0521 1234"');
    expect((await reports()).length).toBe(before);
  });
});

describe("the admin's accessibility settings", () => {
  it("put the sign-language video beside the start page's text and the contact in the statement", async () => {
    expect((await get(server.url, "/")).text).toContain("Das Video in Deutscher Gebärdensprache folgt bald.");
    const refused = await post(server.url, "/admin/accessibility", { signVideoUrl: "http://insecure.example/v", contactName: "", contactEmail: "", contactPhone: "" }, adminCookie);
    expect(refused.status).toBe(400);
    expect(refused.text).toContain("Bitte geben Sie eine Adresse an, die mit https:// beginnt.");
    const saved = await post(
      server.url,
      "/admin/accessibility",
      { signVideoUrl: "https://video.example/dgs", contactName: "Büro für Barrierefreiheit", contactEmail: "barrierefrei@example.org", contactPhone: "0521 51-0" },
      adminCookie,
    );
    expect(saved.status).toBe(200);
    expect((await get(server.url, "/")).text).toMatch(/href="https:\/\/video\.example\/dgs"[^>]*>Video in Deutscher Gebärdensprache ansehen/);
    const statement = (await get(server.url, "/barrierefreiheit")).text;
    expect(statement).toContain("Büro für Barrierefreiheit");
    expect(statement).toContain('href="mailto:barrierefrei@example.org"');
    expect(statement).toContain('href="tel:0521510"');
  });

  it("lists the ten languages and which await a native speaker's review", async () => {
    const { text } = await get(server.url, "/admin/languages", adminCookie);
    for (const code of ["de", "de-x-ls", "en", "tr", "ar", "kmr", "uk", "ru", "pl", "fa"]) expect(text).toContain(`<code>${code}</code>`);
    expect(text).toMatch(/<code>de<\/code><\/td><td>geprüft<\/td>/);
    expect(text).toMatch(/<code>ar<\/code><\/td><td>wartet auf Prüfung<\/td>/);
  });
});

/**
 * What a conference's pages offer and what a phone is sent (issue 10, docs/decisions/021 and 026):
 * the join form, the phone's switcher and the projector offer the conference's languages, each
 * named in itself; a page carries its own language's messages only; the scripts are the same
 * files in every language, hold no language's messages but the error page's German, and the
 * languages' own code on the phone stays within 2 KB gzipped.
 */
import { gzipSync } from "node:zlib";
import path from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { languages, type Language } from "../../app/i18n/config";
import { resources } from "../../app/i18n/resources.server";
import { sessionCookie } from "../auth/helpers";
import { createStaff, recordingDeps, startedSession } from "../support/fixtures";
import { get, joinByLink, post } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";

const root = path.resolve(import.meta.dirname, "../..");
let server: TestServer;
let session: Awaited<ReturnType<typeof startedSession>>;
let staffCookie: string;
let participantCookie: string;
const phonePage = () => `/live/${session.liveSessionId}`;

beforeAll(async () => {
  server = await startTestServer();
  const { db } = server.database;
  const moderator = await createStaff(db, "moderator");
  session = await startedSession(recordingDeps(db), moderator, { languages: ["de", "tr", "fa"] });
  staffCookie = await sessionCookie(db, moderator.userId);
  participantCookie = (await joinByLink(server.url, session.joinCode, { language: "tr" })).cookie;
});
afterAll(() => server.close());

const nameOf = (language: Language) => (resources[language].common.meta as { name: string }).name;
/** The options of the select with this id, as `code name` pairs, and the one selected. */
function select(html: string, id: string) {
  const start = html.indexOf(`<select id="${id}"`);
  expect(start, `a select #${id}`).toBeGreaterThan(-1);
  const body = html.slice(start, html.indexOf("</select>", start));
  const options = [...body.matchAll(/<option value="([^"]*)" lang="([^"]*)"( selected="")?>([^<]*)<\/option>/g)];
  for (const [, value, lang] of options) expect(lang, "each option marked with its language").toBe(value);
  return { options: options.map((m) => `${m[1]} ${m[4]}`), selected: options.find((m) => m[3])?.[1] };
}
const named = (...codes: Language[]) => codes.map((code) => `${code} ${nameOf(code)}`);

describe("a conference's languages", () => {
  it("are what the join form offers, each named in itself, preset from the browser; the switcher narrows to them", async () => {
    const persian = await get(server.url, `/j/${session.joinCode}`, "", { "accept-language": "fa-IR,de;q=0.5" });
    expect(persian.html).toContain('<html lang="fa" dir="rtl"');
    expect(select(persian.html, "join-language")).toEqual({ options: named("de", "tr", "fa"), selected: "fa" });
    expect(select(persian.html, "language-select").options).toEqual(named("de", "tr", "fa"));

    // A browser in a language the conference does not offer reads the page in it, and is offered the conference's first.
    const russian = await get(server.url, `/j/${session.joinCode}`, "", { "accept-language": "ru" });
    expect(russian.html).toContain('<html lang="ru" dir="ltr"');
    expect(select(russian.html, "join-language")).toEqual({ options: named("de", "tr", "fa"), selected: "de" });
    expect(select(russian.html, "language-select").options).toEqual(named("de", "tr", "ru", "fa"));
  });

  it("refuses to join in a language the conference does not offer, and joins no one", async () => {
    const refused = await post(server.url, `/j/${session.joinCode}?lng=tr`, { language: "ru" }, "lng=tr");
    expect(refused.status).toBe(400);
    expect(refused.text).toContain((resources.tr.live.error as Record<string, string>).languageNotOffered);
    expect(refused.response.headers.getSetCookie().some((c) => c.startsWith("mitplan_participant="))).toBe(false);
  });

  it("are the phone's, the projector's and the public feedback page's languages; pages outside the conference offer all ten", async () => {
    const phone = await get(server.url, phonePage(), participantCookie);
    expect(phone.html).toContain('<html lang="tr" dir="ltr"');
    expect(select(phone.html, "language-select")).toEqual({ options: named("de", "tr", "fa"), selected: "tr" });

    const projector = await get(server.url, `${phonePage()}/present?lng=fa`, staffCookie);
    expect(projector.html).toContain('<html lang="fa" dir="rtl"');
    const list = projector.text.match(/<p class="projector__languages">([\s\S]*?)<\/p>/)?.[1] ?? "";
    for (const code of ["de", "tr", "fa"] as const) expect(list).toContain(`<span lang="${code}" dir="${code === "fa" ? "rtl" : "ltr"}">${nameOf(code)}</span>`);
    expect(list).not.toContain(nameOf("ar"));
    expect(select(projector.html, "language-select").options).toEqual(named("de", "tr", "fa"));

    // Anyone may read the feedback page: its participants come back to it in their language.
    const feedback = await get(server.url, `/conferences/${session.conferenceId}/feedback?lng=tr`);
    expect(feedback.html).toContain('<html lang="tr" dir="ltr"');
    expect(select(feedback.html, "language-select")).toEqual({ options: named("de", "tr", "fa"), selected: "tr" });

    const catalogue = await get(server.url, "/plans/ziele-und-massnahmen-2022-2023?lng=fa");
    expect(select(catalogue.html, "language-select").options).toEqual(named(...languages));
  });
});

/** Texts of the phone's messages that only this language has (names and shared words left out). */
function ownTexts(language: Language): string[] {
  const texts = (lng: Language) =>
    Object.values(resources[lng].live).flatMap((group) => (typeof group === "object" ? Object.values(group) : [group])).filter((t): t is string => typeof t === "string");
  const others = new Set(languages.filter((l) => l !== language).flatMap(texts));
  return texts(language).filter((text) => text.length >= 20 && !others.has(text));
}
/** The page's data as a browser reads it: JSON escapes undone. */
const unescaped = (code: string) =>
  code
    .replace(/\\u\{([0-9a-f]+)\}/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/\\u([0-9a-f]{4})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\\x([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\\"/g, '"');

describe("what a phone is sent", () => {
  it("is its own language's messages, none of another's", async () => {
    for (const language of languages) {
      const { html } = await get(server.url, `${phonePage()}?lng=${language}`, participantCookie);
      const page = unescaped(html);
      expect(ownTexts(language).filter((text) => !page.includes(text)), `${language}'s own messages`).toEqual([]);
      for (const other of languages.filter((l) => l !== language)) {
        expect(ownTexts(other).filter((text) => page.includes(text)), `${other}'s messages on the ${language} page`).toEqual([]);
      }
    }
  });

  it("is the same scripts in every language, with no language's messages in them but the error page's German", async () => {
    const scriptsOf = async (language: Language) => {
      const { html } = await get(server.url, `${phonePage()}?lng=${language}`, participantCookie);
      return [...new Set([...html.matchAll(/(?:src|href)="(\/build\/[^"]+\.js)"/g)].map((m) => m[1]!))].sort();
    };
    const scripts = await scriptsOf("de");
    expect(scripts.length).toBeGreaterThan(3);
    for (const language of languages) expect(await scriptsOf(language), language).toEqual(scripts);
    const code = unescaped((await Promise.all(scripts.map(async (s) => (await fetch(server.url + s)).text()))).join("\n"));
    // A message would be a string of its own; German words inside the error page's German texts are not one.
    for (const language of languages) {
      expect(ownTexts(language).filter((text) => code.includes(`"${text}"`)), `${language}'s messages in the scripts`).toEqual([]);
    }
    expect(code, "the error page's German").toContain(`"${(resources.de.common.error as Record<string, string>).notFoundTitle}"`);
  });

  it("grows by at most 2 KB gzipped for the languages: the switcher, read aloud and language names", async () => {
    const entry = [
      'export { LanguageSwitcher } from "./app/components/language-switcher";',
      'export { ReadAloud } from "./app/components/read-aloud";',
      'export { LanguageName } from "./app/i18n/language-name";',
      'export { directionOf, intlLocaleOf, languages } from "./app/i18n/config";',
    ].join("\n");
    // What the pages share anyway (React, Remix, the translator and its provider) is not the languages' cost.
    const shared = ["react", "react/jsx-runtime", "@remix-run/react", "*/translate", "*/provider", "*/parts"];
    const bundle = await build({
      stdin: { contents: entry, resolveDir: root, loader: "ts" },
      bundle: true,
      minify: true,
      format: "esm",
      jsx: "automatic",
      external: shared,
      write: false,
      logLevel: "silent",
    });
    const gzipped = gzipSync(bundle.outputFiles[0]!.contents, { level: 9 }).length;
    expect(gzipped).toBeLessThanOrEqual(2048);
  });
});

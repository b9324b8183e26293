/** `npm run i18n:check` against broken copies of the locales: each kind of gap fails it, by name. */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);
let dir: string;
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

type Tree = { [key: string]: string | boolean | Tree };

/** A copy of the locales with one file changed; the check's answer on it. */
async function checkWith(language: string, namespace: string, change: (tree: Tree) => void) {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "locales-"));
  fs.cpSync(path.join(root, "locales"), dir, { recursive: true, filter: (src) => !src.endsWith(".ts") });
  const file = path.join(dir, language, `${namespace}.json`);
  const tree = JSON.parse(fs.readFileSync(file, "utf8")) as Tree;
  change(tree);
  fs.writeFileSync(file, JSON.stringify(tree));
  try {
    await run("npx", ["tsx", "locales/check.ts"], { cwd: root, env: { ...process.env, LOCALES_DIR: dir } });
    return "";
  } catch (error) {
    return (error as { stderr: string }).stderr;
  }
}

const node = (tree: Tree, key: string) => tree[key] as Tree;

describe("the locale check", { timeout: 60_000 }, () => {
  it("passes on the locales as they are", async () => {
    expect(await checkWith("de", "common", () => {})).toBe("");
  });

  it("fails for a missing key", async () => {
    expect(await checkWith("en", "common", (t) => delete node(t, "nav").home)).toContain('locales/en lacks "common:nav.home"');
  });

  it("fails for a missing plural form the language's rules ask for", async () => {
    const out = await checkWith("ar", "common", (t) => delete node(t, "home").measureCount_few);
    expect(out).toContain('locales/ar lacks "common:home.measureCount_few"');
  });

  it("fails for a key only one language has, and a plural form a language cannot use", async () => {
    expect(await checkWith("ar", "common", (t) => (node(t, "nav").extra = "زائد"))).toContain('locales/ar has "common:nav.extra", which German does not have');
    expect(await checkWith("en", "common", (t) => (node(t, "home").measureCount_few = "{{count}} few"))).toContain("which its plural rules do not use");
  });

  it("fails for an interpolation variable that differs from German", async () => {
    const out = await checkWith("en", "common", (t) => (node(t, "home").publishedOn = "As of {{day}}"));
    expect(out).toContain('locales/en "common:home.publishedOn" uses {day}, German {date}');
  });

  it("fails for a German or English text standing in for another language's, and for a language without its review state", async () => {
    const out = await checkWith("ar", "common", (t) => (node(t, "error").notFoundTitle = "Seite nicht gefunden"));
    expect(out).toContain('locales/ar "common:error.notFoundTitle" is the German text');
    const english = await checkWith("tr", "live", (t) => (node(t, "comment").submit = "Send comment"));
    expect(english).toContain('locales/tr "live:comment.submit" is the English text');
    expect(await checkWith("en", "common", (t) => delete node(t, "meta").reviewed)).toContain("locales/en/common.json lacks meta.reviewed");
  });
});

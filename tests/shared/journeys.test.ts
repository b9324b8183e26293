import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

/** The naming vitest.config.ts's `journeys` globs select (tests/e2e/, or *browser.test.ts). */
const namedAsJourney = (file: string) => file.startsWith("tests/e2e/") || file.endsWith("browser.test.ts");

describe("browser journeys", () => {
  it("are named so the PostgreSQL pass can leave them to the PGlite pass", () => {
    const testFiles = readdirSync(path.join(root, "tests"), { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".test.ts"))
      .map((file) => path.posix.join("tests", file.split(path.sep).join("/")));
    const opensBrowser = testFiles.filter((file) => /support\/browser["']/.test(readFileSync(path.join(root, file), "utf8")));
    expect(opensBrowser.length).toBeGreaterThan(5);
    expect(opensBrowser.filter((file) => !namedAsJourney(file))).toEqual([]);
  });
});

import { defineConfig } from "vitest/config";

/**
 * Browser journeys: a real chromium against a whole server. They prove pages and flows, not the
 * database engine, so CI runs them once (in the PGlite pass) and skips them in the PostgreSQL
 * pass with JOURNEYS=skip (docs/decisions/032). tests/shared/journeys.test.ts holds every test
 * file that opens a browser to this naming.
 */
export const journeys = ["tests/e2e/**/*.test.ts", "tests/**/*browser.test.ts"];

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts", "tests/**/*.test.tsx"],
    exclude: ["**/node_modules/**", ...(process.env.JOURNEYS === "skip" ? journeys : [])],
    environment: "node",
    globalSetup: ["tests/support/global-setup.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

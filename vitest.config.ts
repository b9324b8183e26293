import { availableParallelism } from "node:os";
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
    // Most files wait on a browser, a server or a database, not on the CPU: two at once even on
    // a 2-core machine (vitest's default there is one), more where there are more cores.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

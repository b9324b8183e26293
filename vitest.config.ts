import { defineConfig } from "vitest/config";

/**
 * Browser journeys: a real chromium against a whole server. They prove pages and flows, not the
 * database engine, so CI runs them once (in the PGlite pass) and skips them in the PostgreSQL
 * pass with JOURNEYS=skip (docs/decisions/032). tests/shared/journeys.test.ts holds every test
 * file that opens a browser to this naming.
 */
export const journeys = ["tests/e2e/**/*.test.ts", "tests/**/*browser.test.ts"];

const common = { environment: "node", pool: "forks", testTimeout: 30_000, hookTimeout: 60_000 } as const;

/**
 * Two projects run one after the other (docs/decisions/035): the command, socket and page
 * files two at a time, since each has its own database and server on port 0 and mostly waits on
 * them; then the journeys one at a time, since two chromiums side by side starve each other's pages.
 */
export default defineConfig({
  test: {
    globalSetup: ["tests/support/global-setup.ts"],
    projects: [
      {
        test: {
          ...common,
          name: "commands",
          include: ["tests/**/*.test.ts", "tests/**/*.test.tsx"],
          exclude: ["**/node_modules/**", ...journeys],
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      ...(process.env.JOURNEYS === "skip"
        ? []
        : [
            {
              test: {
                ...common,
                name: "journeys",
                include: journeys,
                maxWorkers: 1,
                // One process for all of them (docs/decisions/054): each file still starts its own
                // server, database and chromium, but the app's modules load once, not per file.
                isolate: false,
                sequence: { groupOrder: 1 },
              },
            },
          ]),
    ],
  },
});

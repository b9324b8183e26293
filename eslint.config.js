import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// Rooms by domain (docs/decisions/020): a room may use db/, the shared pieces (components, i18n,
// errors, forms) and the rooms below it, never one above it, a route or the socket layer; and it
// reads only its own tables; other rooms' data comes through their functions.
// translation sits right above auth: any room may translate its content (machine translation, the
// translations of participants' input), and translation needs nobody's data but its own (decision 042).
const rooms = ["auth", "translation", "catalogue", "conferences", "live", "results", "decisions", "feedback", "accessibility", "demo"];
const tablesOf = {
  auth: ["users", "authSessions", "rateLimits", "staffRole", "participants", "retentionSettings"],
  translation: ["machineTranslations", "commentTranslations", "proposalTranslations", "translationKind"],
  catalogue: ["plans", "planRevisions", "units", "sections", "clusters", "goals", "measures", "measureTranslations", "measureVersions", "indicators", "indicatorValues", "maturity"],
  conferences: ["conferences", "conferenceKind", "conferenceTeamMembers", "conferenceSeries", "seriesKind"],
  live: ["liveSessions", "agendaItems", "comments", "commentSupports", "votes", "proposals", "liveSessionStatus", "prioritisationStep", "agendaItemKind", "phase", "votingState", "participantGroup", "voteKind", "voteSource", "proposalKind", "AgendaActivities",
    // The vote triggers keep the tallies; the live result reads them (decision 027).
    "itemTallies", "answerTallies", "itemVoters", "latestAnswers"],
  // The vote trigger keeps the breakdown cells; only the results read them (decision 038).
  results: ["resultSnapshots", "breakdownCells", "dotHoldings", "indicatorValueSources"],
  decisions: ["decisions", "decisionReasons", "decisionOutcome", "decisionInputs", "decisionMails"],
  feedback: [],
  accessibility: ["siteSettings", "accessibilityReports"],
  demo: [],
};
const allTables = Object.values(tablesOf).flat();
const upward = (i) => [...rooms.slice(i + 1), "routes", "root"].join("|");
const layering = (room, i) => ({
  regex: `^(\\.\\./)+(.*/)?(${upward(i)})(/|$)|realtime/`,
  message: `the ${room} room may not import a room above it, a route or realtime/`,
});
const foreignTables = (room) => ({
  regex: "db/schema(/index)?$",
  importNames: allTables.filter((t) => !tablesOf[room].includes(t)),
  message: "another room's table: call that room's functions instead",
});
const roomRules = rooms.map((room, i) => ({
  files: [`app/${room}/**/*.{ts,tsx}`],
  rules: { "no-restricted-imports": ["error", { patterns: [layering(room, i), foreignTables(room)] }] },
}));
const lowerRules = [
  { files: ["db/**/*.ts"], rules: { "no-restricted-imports": ["error", { patterns: [{ regex: "^\\.\\./(app|realtime)|^\\.\\./\\.\\./(app|realtime)", message: "db/ is the bottom layer" }] }] } },
  { files: ["app/components/**/*.{ts,tsx}", "app/i18n/**/*.{ts,tsx}", "app/errors.ts", "app/csv.ts", "app/text.ts", "app/forms.server.ts", "app/files.server.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ regex: `(^|/)(${rooms.filter((r) => r !== "auth").join("|")}|routes|realtime)(/|$)`, message: "shared pieces may not import a domain room" }] }] } },
];

export default tseslint.config(
  { ignores: ["build/", "public/build/", "data/", "node_modules/", ".cache/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.strict.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  ...roomRules,
  ...lowerRules,
  {
    files: ["**/*.js"],
    languageOptions: { globals: globals.node },
  },
);

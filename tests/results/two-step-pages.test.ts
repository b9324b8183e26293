/**
 * The combined ranking's page and the report's section over HTTP against the real server (needs
 * `npm run build`): the two-step prioritisation of tests/support/two-step-fixtures.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addTeamMember } from "../../app/conferences/team.server";
import { createStaff, recordingDeps } from "../support/fixtures";
import { demoPlanner, signInAsPlanner } from "../support/feedback-fixtures";
import { getPage as get, joinByLink } from "../support/http";
import { eq } from "drizzle-orm";
import { liveSessions } from "../../db/schema";
import { sessionCookie } from "../auth/helpers";
import { startTestServer, type TestServer } from "../support/server";
import { votedTwoStep } from "../support/two-step-fixtures";

let server: TestServer;
let planner: string;
let conferenceId: string;
let participantCookie: string;

beforeAll(async () => {
  server = await startTestServer();
  const db = server.database.db;
  const moderator = await createStaff(db, "moderator");
  const voted = await votedTwoStep(recordingDeps(db), moderator, await createStaff(db, "planner"));
  conferenceId = voted.conferenceId;
  await addTeamMember(db, moderator, { conferenceId, email: demoPlanner.email });
  planner = await signInAsPlanner(server.url);
  const [running] = await db.select({ code: liveSessions.joinCode }).from(liveSessions).where(eq(liveSessions.id, voted.sessions.training));
  participantCookie = (await joinByLink(server.url, running!.code!, { language: "de" })).cookie;
});
afterAll(() => server.close());

const path = () => `/conferences/${conferenceId}/prioritisation`;

describe("the combined ranking's page", () => {
  it("shows the goals ranked with the limit, the tie across it, each criterion and the named-first badge, in tables with captions", async () => {
    const { status, text } = await get(server.url, path(), planner);
    expect(status).toBe(200);
    expect(text).toContain('<li aria-current="page">Rangfolge beider Schritte</li>');
    expect(text).toContain("An erster Stelle werden 2 Ziele genannt.");
    expect(text).toContain("Auf Rang 2 liegen mehrere Ziele gleichauf, über die Grenze hinaus. Alle sind markiert: 3 statt 2.");
    expect(text).toContain("Einige Sitzungen laufen noch.");
    expect(text).toContain("<caption");
    expect(text).toContain("Oberziele nach der Bewertung der Lenkungsgruppe</caption>");
    expect(text).toMatch(/<th scope="col">Dringlichkeit<\/th>/);
    expect(text).toContain('<span lang="de" dir="ltr">Erfolgreicher Verlauf des Übergangs Schule → Ausbildung → Beschäftigung/Arbeit</span>');
    // ziel-5's row: rank 1, score 4,5, two raters, named first.
    expect(text).toMatch(/<tr><td>1<\/td><th scope="row"><a href="#goal-ziel-5">Ziel 5:(<!-- -->)? <span lang="de" dir="ltr">[^<]+<\/span><\/a><\/th><td lang="de" dir="ltr">Ausbildung<\/td><td>4,5<\/td>(<td>4,5<\/td>){4}<td>2<\/td><td><span class="badge">an erster Stelle<\/span><\/td><\/tr>/);
    expect(text).toContain("<td>nicht bewertet</td>");
    expect(text).toContain("Maßnahmen zum Ziel 4 in den Teilprojektgruppen</caption>");
    expect(text).toContain("<td>2 von 4</td>");
    expect(text).toContain("(läuft noch, jetzt gezählt)");
    expect(text).not.toMatch(/<[^>]+style=/);
  });

  it("links to the report's section and the export, and reads in the reader's language", async () => {
    const { text } = await get(server.url, `${path()}?lng=en`, planner);
    expect(text).toContain(`href="/conferences/${conferenceId}/report#prioritisation"`);
    expect(text).toContain(`href="/conferences/${conferenceId}/export.csv?dataset=prioritisation"`);
    expect(text).toContain("2 goals are named first.");
    expect(text).toContain("<td>4.5</td>");
    const arabic = await get(server.url, `${path()}?lng=ar`, planner);
    expect(arabic.html).toContain('<html lang="ar" dir="rtl"');
    expect(arabic.text).toContain("يُذكر هدفان في المقدمة.");
  });

  it("is refused to staff off the team and to participants, and sends anonymous visitors to sign in", async () => {
    const stranger = await sessionCookie(server.database.db, (await createStaff(server.database.db, "planner")).userId);
    expect((await get(server.url, path(), stranger)).status).toBe(403);
    expect((await get(server.url, path(), participantCookie)).status).toBe(403);
    const anonymous = await get(server.url, path());
    expect([anonymous.status, anonymous.location?.startsWith("/login")]).toEqual([302, true]);
    expect((await get(server.url, "/conferences/00000000-0000-4000-8000-000000000000/prioritisation", planner)).status).toBe(404);
  });
});

describe("the report's section", () => {
  it("carries the ranking for paper, of closed sessions only", async () => {
    const { status, text } = await get(server.url, `/conferences/${conferenceId}/report`, planner);
    expect(status).toBe(200);
    expect(text).toContain('<section aria-labelledby="prioritisation-title" id="prioritisation" class="two-step">');
    expect(text).toContain("Auf Rang 2 liegen mehrere Ziele gleichauf");
    expect(text).toContain("(läuft noch)</td>");
    expect(text).not.toContain("jetzt gezählt");
  });
});

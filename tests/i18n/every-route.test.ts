/**
 * Every route in every language (docs/decisions/021): the page carries the language's `lang` and
 * `dir` and the footer's link to the accessibility statement, and no message is missing. The
 * pages' translator reports a missing key on the console (app/i18n/translate.tsx); any such
 * report fails the test, as does a bare key in the text.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { anonymous } from "../../app/auth/actor";
import { issueParticipantToken, participantToken } from "../../app/auth/participants.server";
import { issueReturnLink } from "../../app/auth/return-links.server";
import { routePermissions } from "../../app/auth/route-permissions";
import { directionOf, languages } from "../../app/i18n/config";
import { postComment } from "../../app/live/comments.server";
import { joinLiveSession } from "../../app/live/join.server";
import { submitProposal } from "../../app/live/proposals.server";
import { sessionCookie } from "../auth/helpers";
import { createStaff, recordingDeps, startedSession } from "../support/fixtures";
import { get } from "../support/http";
import { samplePaths, sampleSeries, sampleTwoStep, type RouteFixture } from "../support/route-samples";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let fixture: RouteFixture;
let adminCookie: string;
let participantCookie: string;
const missing: string[] = [];

beforeAll(async () => {
  server = await startTestServer();
  const { db } = server.database;
  const deps = recordingDeps(db);
  const moderator = await createStaff(db, "moderator");
  const session = await startedSession(deps, moderator);
  const { secret, secretHash } = issueParticipantToken();
  const joined = await joinLiveSession(deps, anonymous, { code: session.joinCode, language: "de" }, { secretHash, clientIp: "198.51.100.9" });
  const participant = { kind: "participant" as const, participantId: joined.participantId, conferenceId: joined.conferenceId, language: "de" };
  const proposal = await submitProposal(deps, participant, { liveSessionId: session.liveSessionId, kind: "new_measure", title: "Idee", body: "Text" });
  const comment = await postComment(deps, participant, { agendaItemId: session.itemIds[0]!, body: "Ein Kommentar" });
  const { token: returnToken } = await issueReturnLink(db, participant, { conferenceId: session.conferenceId });
  const seriesId = await sampleSeries(db, await createStaff(db, "planner"));
  const twoStepConferenceId = await sampleTwoStep(db, moderator);
  fixture = { ...session, proposalId: proposal.id, commentId: comment.id, returnToken, seriesId, twoStepConferenceId };
  adminCookie = await sessionCookie(db, (await createStaff(db, "admin")).userId);
  participantCookie = `mitplan_participant=${participantToken(joined.participantId, secret)}`;
  const report = console.error.bind(console);
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    if (typeof args[0] === "string" && args[0].startsWith("missing message:")) missing.push(args[0]);
    else report(...args);
  });
});
afterAll(async () => {
  vi.restoreAllMocks();
  await server.close();
});

const withLanguage = (url: string, language: string) => `${url}${url.includes("?") ? "&" : "?"}lng=${language}`;
/** What i18next shows for a key it cannot find: the dotted key itself, alone in an element. */
const bareKey = />\s*([a-z][A-Za-z]*(?:\.[A-Za-z0-9_]+)+)\s*</;
/** The same in a CSV file: a cell that is nothing but a dotted key. */
const csvBareKey = /(^|[;,"\n])([a-z][A-Za-z]*(?:\.[A-Za-z0-9_]+)+)(?=[;,"\r\n])/m;

describe.each(languages)("in %s", (language) => {
  it.each(Object.keys(routePermissions))("%s renders every message, with the language's lang and dir", async (id) => {
    const url = withLanguage(samplePaths[id]!(fixture), language);
    const cookie = routePermissions[id as keyof typeof routePermissions].loader === "vote.cast" ? participantCookie : adminCookie;
    missing.length = 0;
    const page = await get(server.url, url, cookie);
    expect(page.status, url).toBeLessThan(id === "routes/$" ? 500 : 400);
    const type = page.response.headers.get("content-type") ?? "";
    // A spreadsheet's headings and words are translated on the server, where a missing message shows as its key.
    if (type.startsWith("text/csv")) expect(page.text.match(csvBareKey)?.[2], url).toBeUndefined();
    if (!type.startsWith("text/html")) return;
    expect(page.html, url).toContain(`<html lang="${language}" dir="${directionOf(language)}"`);
    // The accessibility statement is one link away from every page (§12b BGG, issue 10).
    expect(page.text, url).toMatch(/<footer[\s\S]*href="\/barrierefreiheit"[\s\S]*<\/footer>/);
    expect(missing, url).toEqual([]);
    expect(page.text.match(bareKey)?.[1], url).toBeUndefined();
  });
});

/** Error pages a route's loader throws (not only the catch-all's 404) keep the page's language. */
const errorPages = [
  { status: 404, path: () => `/live/00000000-0000-4000-8000-000000000000/present`, cookie: () => adminCookie },
  { status: 403, path: () => "/admin/users", cookie: () => participantCookie },
];

describe.each(languages)("error pages in %s", (language) => {
  it.each(errorPages)("a $status renders every message, with the language's lang and dir", async ({ status, path, cookie }) => {
    missing.length = 0;
    const page = await get(server.url, withLanguage(path(), language), cookie());
    expect(page.status).toBe(status);
    expect(page.html).toContain(`<html lang="${language}" dir="${directionOf(language)}"`);
    expect(page.text).toContain('class="page error-page"');
    expect(missing).toEqual([]);
    expect(page.text.match(bareKey)?.[1]).toBeUndefined();
  });
});

it("has a sample path for every route", async () => {
  const build = (await import(pathToFileURL(path.resolve(import.meta.dirname, "../../build/index.js")).href)) as ServerBuild;
  const routeIds = Object.keys(build.routes).filter((id) => id !== "root").sort();
  expect(Object.keys(samplePaths).sort()).toEqual(routeIds);
});

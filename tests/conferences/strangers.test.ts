/** Unknown ids, signed-out visitors, participants and other sites get nothing from the moderator pages. */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LiveDeps } from "../../app/live/events";
import { startedSession } from "../support/fixtures";
import { startTestServer, type TestServer } from "../support/server";
import { client, joinedParticipant, signedInStaff, staffActorOf } from "../support/page-client";

let server: TestServer;
let moderator: Awaited<ReturnType<typeof signedInStaff>>;
let browser: ReturnType<typeof client>;
let deps: LiveDeps;
const ids = { conference: "", session: "", code: "" };

beforeAll(async () => {
  server = await startTestServer();
  deps = { db: server.database.db, publish: () => {} };
  moderator = await signedInStaff(server);
  browser = client(server, moderator.cookie);
  const session = await startedSession(deps, staffActorOf(moderator));
  Object.assign(ids, { conference: session.conferenceId, session: session.liveSessionId, code: session.joinCode });
});
afterAll(() => server.close());

const agenda = () => `/live/${ids.session}/agenda`;
const consolePath = () => `/live/${ids.session}/console`;

describe("unknown ids and strangers", () => {
  const unknown = randomUUID();

  it("answers unknown or malformed ids with the not-found page", async () => {
    for (const path of [
      `/conferences/${unknown}`,
      "/conferences/nicht-da",
      `/live/${unknown}/agenda`,
      "/live/kaputt/console",
    ]) {
      const page = await browser.get(path);
      expect(page.status, path).toBe(404);
      expect(page.html, path).toContain("Seite nicht gefunden");
    }
    expect((await browser.post(`/live/${unknown}/console`, { intent: "close", confirm: "yes" })).status).toBe(404);
  });

  it("sends an anonymous visitor to sign in and refuses a participant", async () => {
    const anonymous = client(server);
    for (const path of ["/conferences", `/conferences/${ids.conference}`, agenda(), consolePath()]) {
      const page = await anonymous.get(path);
      expect(page.status, path).toBe(302);
      expect(page.location, path).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
    }
    const posted = await anonymous.post(consolePath(), { intent: "close", confirm: "yes" });
    expect(posted.location).toMatch(/^\/login/);

    // The session is running, so the participant has a cookie of this very conference.
    const participant = client(server, (await joinedParticipant(deps, ids.code)).cookie);
    for (const path of ["/conferences", `/conferences/${ids.conference}`, agenda(), consolePath()]) {
      expect((await participant.get(path)).status, path).toBe(403);
    }
    expect((await participant.post(consolePath(), { intent: "close", confirm: "yes" })).status).toBe(403);
    expect((await participant.post(`/conferences/${ids.conference}`, { title: "Meine Sitzung" })).status).toBe(403);
  });

  it("refuses a post from another site", async () => {
    const response = await fetch(`${server.url}/conferences?index`, {
      method: "POST",
      headers: {
        Cookie: moderator.cookie,
        Origin: "https://evil.example",
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: "title=x",
      redirect: "manual",
    });
    expect(response.status).toBe(403);
  });
});

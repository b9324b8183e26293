/**
 * A browser that joins two conferences keeps both identities (issue 9, point 17): over HTTP the
 * way a phone without JavaScript does it, and over a real socket.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setPhase } from "../../app/live/steer.server";
import { createStaff, recordingDeps, startedSession } from "../support/fixtures";
import { cookiesFrom, get, post } from "../support/http";
import { connectLiveClient } from "../support/live-clients";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let first: Awaited<ReturnType<typeof startedSession>>;
let second: Awaited<ReturnType<typeof startedSession>>;

beforeAll(async () => {
  server = await startTestServer();
  const deps = recordingDeps(server.database.db);
  const moderator = await createStaff(server.database.db, "moderator");
  first = await startedSession(deps, moderator, { title: "Zukunftskonferenz Heepen" });
  second = await startedSession(deps, moderator, { title: "Stadtteilgespräch Senne" });
  await setPhase(deps, moderator, { agendaItemId: first.itemIds[0]!, phase: "prioritise" });
});
afterAll(() => server.close());

/** Joins by the short link with the cookies the browser already has. */
async function join(code: string, cookie: string, fields: Record<string, string> = { language: "de" }) {
  const joined = await post(server.url, `/j/${code}`, fields, cookie);
  expect(joined.status).toBe(302);
  return { cookie: cookiesFrom(joined.response, cookie), setCookie: joined.response.headers.getSetCookie() };
}

const participantRows = async (conferenceId: string) =>
  (await server.database.db.query.participants.findMany({ where: (p, { eq }) => eq(p.conferenceId, conferenceId) })).length;

describe("several conferences from one browser", () => {
  let cookie: string;

  beforeAll(async () => {
    ({ cookie } = await join(first.joinCode, ""));
    ({ cookie } = await join(second.joinCode, cookie));
  });

  it("keeps the first conference's identity when joining a second, and my-input shows both", async () => {
    expect(/mitplan_participant=([^;]*)/.exec(cookie)![1]!.split("~")).toHaveLength(2);
    const mine = await get(server.url, "/my-input", cookie);
    expect(mine.status).toBe(200);
    expect(mine.text).toContain("Zukunftskonferenz Heepen");
    expect(mine.text).toContain("Stadtteilgespräch Senne");
    expect(mine.text).toMatch(/<h2 id="conference-[^"]+"[^>]*>Stadtteilgespräch Senne<\/h2>[\s\S]*<h2 id="conference-[^"]+"[^>]*>Zukunftskonferenz Heepen<\/h2>/);
  });

  it("opens each conference's session as that conference's participant", async () => {
    for (const session of [first, second]) {
      const page = await get(server.url, `/live/${session.liveSessionId}`, cookie);
      expect(page.status).toBe(200);
    }
  });

  it("recognises a return to the first conference, whichever identity comes first", async () => {
    const before = await participantRows(first.conferenceId);
    const again = await join(first.joinCode, cookie, { language: "en" });
    expect(again.setCookie.some((c) => c.startsWith("mitplan_participant="))).toBe(false);
    expect(await participantRows(first.conferenceId)).toBe(before);
  });

  it("votes over a socket in the first conference although the newest identity is the second's", async () => {
    const client = await connectLiveClient(server.url, first.liveSessionId, "phone", cookie);
    try {
      expect(client.state.me?.participantId).toBeTruthy();
      const reply = await client.socket
        .timeout(5_000)
        .emitWithAck("vote:cast", { kind: "dots", clientId: randomUUID(), agendaItemId: first.itemIds[0]!, value: 1 });
      expect(reply).toMatchObject({ ok: true });
    } finally {
      client.socket.disconnect();
    }
  });
});

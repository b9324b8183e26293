import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { comments, participants, proposals } from "../../db/schema";
import { createStaff, recordingDeps, startedSession } from "../support/fixtures";
import { get, hiddenFields, joinByLink, post } from "../support/http";
import { connectLiveClient } from "../support/live-clients";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let session: Awaited<ReturnType<typeof startedSession>>;
let page: string;
const plan = "/plans/ziele-und-massnahmen-2022-2023";

beforeAll(async () => {
  server = await startTestServer();
  const moderator = await createStaff(server.database.db, "moderator");
  session = await startedSession(recordingDeps(server.database.db), moderator, { measureCodes: ["540-2"] });
  page = `/live/${session.liveSessionId}`;
});
afterAll(() => server.close());

describe("NUL bytes in an address", () => {
  const addresses = () => [
    "/plans/x?q=%00",
    `${plan}?q=%00`,
    `${plan}?q=a%00b&cluster=%00`,
    `${plan}?unit=%00`,
    "/plans/%00",
    `${plan}/measures/%00`,
    `${plan}/measures/540-2/history?from=%00`,
    `${plan}/export.csv?x=%00`,
    "/join?code=%00",
    "/j/%00",
    `/j/${session.joinCode}?language=%00`,
    "/login?redirectTo=%00",
    "/live/%00",
    `${page}?saved=%00`,
    "/conferences/%00",
    "/conferences/%00/feedback",
    "/my-input?x=%00",
    "/?q=%00",
    "/build/%00.js",
  ];

  it("get a 400 with a translated message, never a server error", async () => {
    for (const address of addresses()) {
      const answer = await get(server.url, address);
      expect(answer.status, address).toBe(400);
      expect(answer.html, address).toContain("Diese Adresse enthält Zeichen, die nicht erlaubt sind.");
      expect(answer.response.headers.get("x-content-type-options"), address).toBe("nosniff");
    }
    const english = await get(server.url, "/plans/x?q=%00", "", { "accept-language": "en" });
    expect(english.html).toContain("This address contains characters that are not allowed.");
  });

  it("are refused in form posts too", async () => {
    const answer = await post(server.url, "/login?redirectTo=%00", { email: "a@b.de", password: "x" });
    expect(answer.status).toBe(400);
  });
});

describe("bad text in forms", () => {
  const join = (fields: Record<string, string>) => post(server.url, `/j/${session.joinCode}`, { language: "de", ...fields });

  it("refuses a display name or district with NUL or bidi overrides, translated, and stores nothing", async () => {
    const before = (await server.database.db.select().from(participants)).length;
    for (const fields of [{ displayName: "a\u0000b" }, { district: "Mitte\u0000" }, { displayName: "\u0000" }] as Record<string, string>[]) {
      const refused = await join(fields);
      expect(refused.status, JSON.stringify(fields)).toBe(400);
      expect(refused.text).toContain("Dieser Text enthält unsichtbare Steuerzeichen.");
    }
    const reversed = await join({ displayName: "Ali\u202Egnp.exe" });
    expect(reversed.status).toBe(400);
    expect(reversed.text).toContain("Dieser Text enthält Zeichen, die die Schreibrichtung umkehren.");
    expect(await server.database.db.select().from(participants)).toHaveLength(before);
  });

  it("stores a name made only of zero-width characters as no name", async () => {
    const joined = await join({ displayName: "\u200B\u200B\u200D" });
    expect(joined.status).toBe(302);
    const names = (await server.database.db.select({ name: participants.displayName }).from(participants)).map((p) => p.name);
    expect(names).not.toContain("\u200B\u200B\u200D");
  });

  it("refuses comments and proposals with NUL or made only of zero-width characters", async () => {
    const { cookie } = await joinByLink(server.url, session.joinCode, { language: "de", displayName: "Jonas" });
    const html = (await get(server.url, page, cookie)).html;
    const comment = hiddenFields(html, `comment-${session.itemIds[0]}`);
    const proposal = hiddenFields(html, "proposal");
    const nul = await post(server.url, page, { ...comment, body: "Mehr\u0000Bänke" }, cookie);
    expect(nul.status).toBe(400);
    expect(nul.text).toContain("Dieser Text enthält unsichtbare Steuerzeichen.");
    const invisible = await post(server.url, page, { ...comment, body: "\u200B\u200B" }, cookie);
    expect(invisible.status).toBe(400);
    expect(invisible.text).toContain("Bitte prüfen Sie Ihre Eingaben.");
    for (const fields of [{ title: "\u200B", body: "Text" }, { title: "Bänke", body: "a\u0000" }, { title: "a\u202Eb", body: "Text" }] as Record<string, string>[]) {
      const refused = await post(server.url, page, { ...proposal, kind: "new_measure", ...fields }, cookie);
      expect(refused.status, JSON.stringify(fields)).toBe(400);
    }
    expect(await server.database.db.select().from(comments)).toHaveLength(0);
    expect(await server.database.db.select().from(proposals)).toHaveLength(0);
  });

  it("answers a sign-in with NUL in its fields without a server error", async () => {
    for (const fields of [{ email: "a\u0000@b.de", password: "x" }, { email: "a@b.de", password: "x\u0000" }, { email: "a@b.de", password: "x", redirectTo: "/\u0000" }] as Record<string, string>[]) {
      const answer = await post(server.url, "/login", fields);
      expect(answer.status, JSON.stringify(fields)).toBeLessThan(500);
    }
  });
});

describe("bad text over the socket", () => {
  it("is refused with the same translated reason, and nothing reaches the other screens", async () => {
    const { cookie } = await joinByLink(server.url, session.joinCode, { language: "de" });
    const client = await connectLiveClient(server.url, session.liveSessionId, "phone", cookie);
    try {
      const post = (body: string) => client.socket.timeout(5_000).emitWithAck("comment:post", { agendaItemId: session.itemIds[0]!, body });
      expect(await post("Mehr\u0000Bänke")).toMatchObject({ ok: false, error: { code: "invalid", messageKey: "common:validation.controlCharacters" } });
      expect(await post("\u202Egnp.exe")).toMatchObject({ ok: false, error: { code: "invalid", messageKey: "common:validation.bidiControls" } });
      expect(await post("\u200B\u2060")).toMatchObject({ ok: false, error: { code: "invalid", fields: { body: "common:validation.required" } } });
      expect(client.events.filter((e) => e.type === "comment.added")).toEqual([]);
    } finally {
      client.socket.disconnect();
    }
  });
});

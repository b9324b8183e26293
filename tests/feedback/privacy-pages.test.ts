/**
 * Deleting one's data over HTTP as a phone without JavaScript does it, the public privacy page and
 * the admins' retention setting (issue 9, point 16).
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postComment } from "../../app/live/comments.server";
import { comments, participants } from "../../db/schema";
import { createSession } from "../../app/auth/sessions.server";
import { makeUser, sessionCookie } from "../auth/helpers";
import { connectLiveClient, until } from "../support/live-clients";
import { createStaff, recordingDeps, startedSession } from "../support/fixtures";
import { cookiesFrom, get, post } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let moderatorId: string;
let first: Awaited<ReturnType<typeof startedSession>>;
let second: Awaited<ReturnType<typeof startedSession>>;

beforeAll(async () => {
  server = await startTestServer();
  const deps = recordingDeps(server.database.db);
  const moderator = await createStaff(server.database.db, "moderator");
  moderatorId = moderator.userId;
  first = await startedSession(deps, moderator, { title: "Zukunftskonferenz Brackwede" });
  second = await startedSession(deps, moderator, { title: "Stadtteilgespräch Dornberg" });
});
afterAll(() => server.close());

async function join(code: string, cookie: string, fields: Record<string, string>) {
  const joined = await post(server.url, `/j/${code}`, fields, cookie);
  expect(joined.status).toBe(302);
  return cookiesFrom(joined.response, cookie);
}
const participantIdIn = async (conferenceId: string, displayName: string) =>
  (await server.database.db.select().from(participants).where(eq(participants.conferenceId, conferenceId))).find((p) => p.displayName === displayName)?.id;

describe("deleting my data on /my-input", () => {
  it("asks first, then deletes one conference's data and keeps the other identity", async () => {
    let cookie = await join(first.joinCode, "", { language: "de", displayName: "Mira", district: "Brackwede" });
    cookie = await join(second.joinCode, cookie, { language: "de", displayName: "Mira" });
    const participantId = (await participantIdIn(first.conferenceId, "Mira"))!;
    const me = { kind: "participant" as const, participantId, conferenceId: first.conferenceId, language: "de" };
    const comment = await postComment(recordingDeps(server.database.db), me, { agendaItemId: first.itemIds[0]!, body: "Bitte mehr Licht im Park" });

    // A phone and the moderator's console watch the session over real sockets.
    const observerCookie = await join(first.joinCode, "", { language: "de" });
    const staffCookie = `mitplan_session=${(await createSession(server.database.db, moderatorId)).token}`;
    const screens = [
      await connectLiveClient(server.url, first.liveSessionId, "phone", observerCookie),
      await connectLiveClient(server.url, first.liveSessionId, "console", staffCookie),
    ];
    for (const screen of screens) expect(screen.state.comments.map((c) => c.id)).toContain(comment.id);

    const page = await get(server.url, "/my-input", cookie);
    expect(page.text).toContain(`href="/my-input?delete=${first.conferenceId}#delete-${first.conferenceId}"`);
    expect(page.text).not.toContain("Ja, meine Daten löschen");
    const asking = await get(server.url, `/my-input?delete=${first.conferenceId}`, cookie);
    expect(asking.text).toContain("Ihre Daten dieser Konferenz löschen?");
    expect(asking.text).toContain("Ja, meine Daten löschen");

    // Without the confirmation's answer nothing happens.
    const unconfirmed = await post(server.url, "/my-input", { conferenceId: first.conferenceId }, cookie);
    expect(unconfirmed.status).toBe(400);
    expect(await participantIdIn(first.conferenceId, "Mira")).toBe(participantId);

    const deleted = await post(server.url, "/my-input", { conferenceId: first.conferenceId, confirm: "yes" }, cookie);
    expect(deleted.status).toBe(302);
    expect(deleted.location).toBe("/my-input?deleted");
    expect(await participantIdIn(first.conferenceId, "Mira")).toBeUndefined();
    expect(await server.database.db.select().from(comments).where(eq(comments.id, comment.id))).toEqual([]);
    for (const screen of screens) {
      await until(`${screen.name} drops the comment`, () => !screen.state.comments.some((c) => c.id === comment.id));
      screen.socket.disconnect();
    }
    cookie = cookiesFrom(deleted.response, cookie);
    expect(/mitplan_participant=([^;]*)/.exec(cookie)![1]!.split("~")).toHaveLength(1);
    const after = await get(server.url, "/my-input?deleted", cookie);
    expect(after.text).toContain("Ihre Daten wurden gelöscht.");
    expect(after.text).toContain("Stadtteilgespräch Dornberg");
    expect(after.text).not.toContain("Zukunftskonferenz Brackwede");
  });

  it("refuses to delete a conference the browser has no identity in", async () => {
    const cookie = await join(second.joinCode, "", { language: "de", displayName: "Ole" });
    const refused = await post(server.url, "/my-input", { conferenceId: first.conferenceId, confirm: "yes" }, cookie);
    expect(refused.status).toBe(403);
    expect(await participantIdIn(second.conferenceId, "Ole")).toBeTruthy();
  });
});

describe("the privacy page and the retention setting", () => {
  it("tells everyone what is stored and for how long, with the period in force", async () => {
    const page = await get(server.url, "/datenschutz", "", { "accept-language": "en" });
    expect(page.status).toBe(200);
    expect(page.text).toContain("<h1>Privacy: what Mitplan stores about participants</h1>");
    expect(page.text).toContain("12 months after a conference ended");
    expect((await get(server.url, "/")).text).toContain('href="/datenschutz"');
  });

  it("lets an admin change the period, refuses nonsense, and the privacy page follows", async () => {
    const admin = await makeUser(server.database.db, "admin");
    const cookie = await sessionCookie(server.database.db, admin.id);
    const refused = await post(server.url, "/admin/privacy", { participantMonths: "0" }, cookie);
    expect(refused.status).toBe(400);
    const saved = await post(server.url, "/admin/privacy", { participantMonths: "18" }, cookie);
    expect(saved.status).toBe(200);
    expect(saved.text).toContain("18 Monate nach Ende einer Konferenz anonymisiert");
    expect((await get(server.url, "/datenschutz")).text).toContain("18 Monate nach Ende einer Konferenz");
  });
});

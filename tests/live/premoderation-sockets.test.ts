import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "../../app/auth/sessions.server";
import { createStaff, recordingDeps, startedSession } from "../support/fixtures";
import { joinByLink, steerAtConsole, type Fields } from "../support/http";
import { command, connectLiveClient, until, type LiveClient } from "../support/live-clients";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let item: string;
let moderator: LiveClient;
let amal: LiveClient;
/** Amal's second screen (a tablet beside the phone): the same cookie, another socket. */
let amalTablet: LiveClient;
let ben: LiveClient;
/** The moderator's console form: moderation goes there, the sockets carry what follows. */
let steer: (fields: Fields) => Promise<unknown>;

beforeAll(async () => {
  server = await startTestServer();
  const db = server.database.db;
  const staff = await createStaff(db, "moderator");
  const session = await startedSession(recordingDeps(db), staff, { measureCodes: ["540-2"] });
  item = session.itemIds[0]!;
  const connect = (name: string, cookie: string) => connectLiveClient(server.url, session.liveSessionId, name, cookie);
  const staffCookie = `mitplan_session=${(await createSession(db, staff.userId)).token}`;
  steer = (fields) => steerAtConsole(server.url, session.liveSessionId, staffCookie, fields);
  moderator = await connect("moderator", staffCookie);
  const amalCookie = (await joinByLink(server.url, session.joinCode, { language: "ar" })).cookie;
  amal = await connect("amal", amalCookie);
  amalTablet = await connect("amal's tablet", amalCookie);
  ben = await connect("ben", (await joinByLink(server.url, session.joinCode, { language: "en" })).cookie);
});

afterAll(async () => {
  for (const client of [moderator, amal, amalTablet, ben]) client?.socket.disconnect();
  await server.close();
});

describe("pre-moderation over real sockets", () => {
  it("shows a waiting comment to its author's screens and the moderators only, and to everybody once approved", async () => {
    await steer({ intent: "settings", agendaItemId: item, commentsPremoderated: "true" });
    for (const client of [amal, ben]) {
      await until(`${client.name} learns that comments are reviewed`, () => client.state.items[0]?.commentsPremoderated === true);
    }
    const posted = await command(amal, "comment:post", { agendaItemId: item, body: "Mehr Bänke" });
    if (!posted.ok) throw new Error(posted.error.messageKey);
    expect(posted.data.awaitingApproval).toBe(true);
    await until("the tablet shows it as waiting", () => amalTablet.state.comments.some((c) => c.id === posted.data.id && c.awaitingApproval));
    await until("the moderator's queue holds it", () => moderator.state.comments.some((c) => c.id === posted.data.id));

    // Ben's phone hears the next comment's approval; had the waiting one reached it, it would sit in his events before.
    await steer({ intent: "comment", action: "approve", commentId: posted.data.id });
    await until("ben sees it once approved", () => ben.state.comments.some((c) => c.id === posted.data.id));
    const seenByBen = ben.events.filter((e) => "comment" in e && e.comment.id === posted.data.id);
    expect(seenByBen.map((e) => [e.type, e.audience])).toEqual([["comment.added", "all"]]);
    await until("the tablet shows it approved", () =>
      amalTablet.state.comments.some((c) => c.id === posted.data.id && !c.awaitingApproval),
    );
  });

  it("takes a rejected comment off its author's screens", async () => {
    const posted = await command(ben, "comment:post", { agendaItemId: item, body: "Kauft Uhren!" });
    if (!posted.ok) throw new Error(posted.error.messageKey);
    await until("ben's screen shows it waiting", () => ben.state.comments.some((c) => c.id === posted.data.id));
    await steer({ intent: "comment", action: "hide", commentId: posted.data.id, reason: "Werbung" });
    await until("ben's screen drops it", () => !ben.state.comments.some((c) => c.id === posted.data.id));
    await until("the moderator sees why", () => moderator.state.comments.some((c) => c.id === posted.data.id && c.hidden?.reason === "Werbung"));
    expect(amal.events.some((e) => "comment" in e && e.comment.id === posted.data.id)).toBe(false);
    expect(amal.events.some((e) => e.type === "comment.removed" && e.commentId === posted.data.id)).toBe(false);
  });
});

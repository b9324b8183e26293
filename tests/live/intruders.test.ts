/**
 * What a hostile or careless user tries over the sockets and forms (issue 9, points 4, 5 and 6):
 * watching a session that is not theirs, supporting a hidden comment to read it, and steering
 * with a login session that has ended. Real socket.io clients against the real server.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signOut, changePassword } from "../../app/auth/account.server";
import type { StaffActor } from "../../app/auth/actor";
import { createSession } from "../../app/auth/sessions.server";
import { deactivateUser } from "../../app/auth/users.server";
import { moderateComment, postComment } from "../../app/live/comments.server";
import type { Ack } from "../../app/live/contract";
import { commentSupports } from "../../db/schema";
import { createStaff, joinAs, recordingDeps, startedSession } from "../support/fixtures";
import { joinByLink, post, steered } from "../support/http";
import { connectLiveClient, until } from "../support/live-clients";
import { startTestServer, type TestServer } from "../support/server";
import { makeUser } from "../auth/helpers";

let server: TestServer;
let session: Awaited<ReturnType<typeof startedSession>>;
let participantCookie: string;
let strangerCookie: string;
const sockets: Socket[] = [];

/** A bare socket.io client with a browser's cookies; it watches nothing until told to. */
async function socketWith(cookie: string): Promise<Socket> {
  const socket = io(server.url, { transports: ["websocket"], extraHeaders: cookie ? { cookie } : {}, forceNew: true });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", reject);
  });
  return socket;
}

/** Any event with any payload, as a hostile client sends it; the answer is the one acknowledgement. */
type Reply = Ack<unknown>;
const send = (socket: Socket, event: string, payload: unknown): Promise<Reply> => socket.timeout(5_000).emitWithAck(event, payload);

beforeAll(async () => {
  server = await startTestServer();
  const db = server.database.db;
  session = await startedSession(recordingDeps(db), await createStaff(db, "moderator"));
  participantCookie = (await joinByLink(server.url, session.joinCode, { language: "de" })).cookie;
  const elsewhere = await startedSession(recordingDeps(db), await createStaff(db, "moderator"));
  strangerCookie = (await joinByLink(server.url, elsewhere.joinCode, { language: "en" })).cookie;
});

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await server.close();
});

describe("watching a session", () => {
  it("lets no stranger in, not even for a moment, while the room is commenting", async () => {
    const member = await connectLiveClient(server.url, session.liveSessionId, "participant", participantCookie);
    sockets.push(member.socket);
    const strangers = { anonymous: await socketWith(""), "participant of another conference": await socketWith(strangerCookie) };
    const heard: Record<string, string[]> = {};
    let commenting = true;
    // Each stranger asks to watch again and again while twenty comments are posted.
    const knocking = Object.entries(strangers).map(async ([name, socket]) => {
      heard[name] = [];
      socket.onAny((type: string) => heard[name]!.push(type));
      const replies: Reply[] = [];
      while (commenting) replies.push(await send(socket, "liveSession:watch", { liveSessionId: session.liveSessionId }));
      return replies;
    });
    const posted = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        send(member.socket, "comment:post", { agendaItemId: session.itemIds[0], body: `Beitrag ${i + 1}`, clientId: randomUUID() }),
      ),
    );
    expect(posted.every((reply) => reply.ok)).toBe(true);
    await until("the member sees all twenty", () => member.events.filter((e) => e.type === "comment.added").length === 20);
    commenting = false;
    for (const replies of await Promise.all(knocking)) {
      expect(replies.length).toBeGreaterThan(0);
      expect(replies.every((reply) => !reply.ok)).toBe(true);
    }
    expect(heard).toEqual({ anonymous: [], "participant of another conference": [] });
  });

  it("answers a malformed session id with invalid, not a server error", async () => {
    const socket = await socketWith(participantCookie);
    for (const payload of [{ liveSessionId: "not-a-session" }, { liveSessionId: 42 }, null, "x"]) {
      const reply = await send(socket, "liveSession:watch", payload);
      expect(reply, JSON.stringify(payload)).toMatchObject({ ok: false, error: { code: "invalid" } });
    }
  });
});

describe("supporting a comment", () => {
  it("refuses a hidden or merged comment, tells nothing of it, and counts nothing", async () => {
    const db = server.database.db;
    const deps = recordingDeps(db);
    const moderator = await createStaff(db, "admin");
    const author = await joinAs(deps, session.joinCode);
    const item = session.itemIds[0]!;
    const hidden = await postComment(deps, author, { agendaItemId: item, body: "Beleidigung" });
    await moderateComment(deps, moderator, { action: "hide", commentId: hidden.id, reason: "Beleidigend" });
    const original = await postComment(deps, author, { agendaItemId: item, body: "Mehr Bänke" });
    const duplicate = await postComment(deps, author, { agendaItemId: item, body: "Mehr Bänke!" });
    await moderateComment(deps, moderator, { action: "merge", commentId: duplicate.id, intoCommentId: original.id });

    const socket = await socketWith(participantCookie);
    for (const commentId of [hidden.id, duplicate.id]) {
      const reply = await send(socket, "comment:support", { commentId });
      expect(reply).toEqual({ ok: false, error: expect.objectContaining({ code: "conflict", messageKey: "live:error.commentNotPublic" }) });
      expect(JSON.stringify(reply)).not.toMatch(/Beleidig|Bänke|Test admin/);
    }
    // The form without JavaScript: the same refusal, and no support counted.
    const page = await post(server.url, `/live/${session.liveSessionId}`, { intent: "support", commentId: hidden.id, formId: "support-x" }, participantCookie);
    expect(page.status).toBe(409);
    expect(page.text).not.toContain("Beleidigend");
    const counted = await db.select().from(commentSupports).where(eq(commentSupports.commentId, hidden.id));
    expect(counted).toEqual([]);
    expect((await send(socket, "comment:support", { commentId: original.id })).ok).toBe(true);
  });
});

describe("a moderator whose login session ended", () => {
  /** The team's moderator with two open consoles (two sockets watching) on one login session. */
  async function moderatorWithSockets() {
    const db = server.database.db;
    const user = await makeUser(db, "moderator");
    const actor: StaffActor = { kind: "staff", userId: user.id, role: "moderator", email: user.email, displayName: "Test moderator" };
    const own = await startedSession(recordingDeps(db), actor);
    const { token } = await createSession(db, user.id);
    const cookie = `mitplan_session=${token}`;
    const consoles = [await socketWith(cookie), await socketWith(cookie)];
    const watch = { liveSessionId: own.liveSessionId };
    // The console steers by its forms (decision 037); its sockets only watch.
    const steer = () => post(server.url, `/live/${own.liveSessionId}/console`, { intent: "settings", agendaItemId: own.itemIds[0]!, commentsOpen: "true" }, cookie);
    // Both consoles watch and a step goes through while the session lives.
    for (const socket of consoles) expect((await send(socket, "liveSession:watch", watch)).ok).toBe(true);
    expect(steered(await steer())).toBe(true);
    return { db, user, actor, sessionId: token.split(".")[0]!, consoles, watch, steer };
  }

  async function expectRefused({ consoles, watch, steer }: Awaited<ReturnType<typeof moderatorWithSockets>>) {
    const step = await steer();
    expect([step.status, step.location?.split("?")[0]]).toEqual([302, "/login"]);
    for (const [i, socket] of consoles.entries()) {
      const reply = await send(socket, "liveSession:watch", watch);
      expect(reply, `console ${i + 1}`).toEqual({ ok: false, error: expect.objectContaining({ code: "unauthenticated", messageKey: "auth:error.sessionEnded" }) });
      await until(`console ${i + 1}: the socket is closed`, () => !socket.connected);
    }
  }

  it("cannot steer after signing out", async () => {
    const moderator = await moderatorWithSockets();
    await signOut(moderator.db, moderator.actor, { sessionId: moderator.sessionId });
    await expectRefused(moderator);
  });

  it("cannot steer from another device after changing the password there", async () => {
    const moderator = await moderatorWithSockets();
    const { db, user, actor } = moderator;
    const { token: elsewhere } = await createSession(db, user.id);
    await changePassword(db, actor, { currentPassword: user.password, newPassword: "ein ganz anderes langes Passwort" }, {
      sessionId: elsewhere.split(".")[0]!,
      ip: "198.51.100.9",
    });
    await expectRefused(moderator);
  });

  it("cannot steer once deactivated", async () => {
    const moderator = await moderatorWithSockets();
    await deactivateUser(moderator.db, await createStaff(moderator.db, "admin"), { userId: moderator.user.id });
    await expectRefused(moderator);
  });
});

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { comments, proposals, rateLimits } from "../../db/schema";
import { createStaff, recordingDeps, startedSession } from "../support/fixtures";
import { get, hiddenFields, joinByLink, post } from "../support/http";
import { connectLiveClient, until, type LiveClient } from "../support/live-clients";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let session: Awaited<ReturnType<typeof startedSession>>;
let item: string;
const clients: LiveClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  const staff = await createStaff(server.database.db, "moderator");
  session = await startedSession(recordingDeps(server.database.db), staff, { measureCodes: ["540-2"] });
  item = session.itemIds[0]!;
});
afterAll(async () => {
  for (const client of clients) client.socket.disconnect();
  await server.close();
});

async function participant(name: string) {
  const { cookie } = await joinByLink(server.url, session.joinCode, { language: "de", displayName: name });
  const client = await connectLiveClient(server.url, session.liveSessionId, name, cookie);
  clients.push(client);
  return { cookie, client };
}
const postComment = (client: LiveClient, body: string, clientId?: string) =>
  client.socket.timeout(10_000).emitWithAck("comment:post", { agendaItemId: item, body, clientId });
const storedBy = async (name: string) =>
  (await server.database.db.select({ body: comments.body }).from(comments)).filter((c) => c.body.startsWith(name)).length;

describe("comments and proposals per participant", () => {
  it("refuses the 31st comment of a burst on the socket, translated, and stores 30", async () => {
    const { client: flooder } = await participant("Flut");
    const { client: other } = await participant("Andere");
    const replies = await Promise.all(Array.from({ length: 31 }, (_, i) => postComment(flooder, `Flut ${i}`, `flood-comment-${i}`)));
    expect(replies.filter((r) => r.ok)).toHaveLength(30);
    const refused = replies.filter((r) => !r.ok);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ ok: false, error: { code: "rate_limited", messageKey: "live:error.tooManyContributions", values: { count: 10 } } });
    expect(await storedBy("Flut")).toBe(30);

    // A re-sent comment that was stored is acknowledged again, not refused.
    const firstStored = replies.findIndex((r) => r.ok);
    expect((await postComment(flooder, `Flut ${firstStored}`, `flood-comment-${firstStored}`)).ok).toBe(true);
    // Proposals count against the same limit.
    const proposal = await flooder.socket.timeout(10_000).emitWithAck("proposal:submit", {
      liveSessionId: session.liveSessionId,
      kind: "new_measure",
      title: "Flut",
      body: "Noch einer",
    });
    expect(proposal).toMatchObject({ ok: false, error: { code: "rate_limited" } });
    expect(await server.database.db.select().from(proposals)).toHaveLength(0);

    // Everybody else goes on writing, and every screen receives it.
    const reply = await postComment(other, "Andere Stimme");
    expect(reply.ok).toBe(true);
    await until("the other participant's comment on the flooder's screen", () =>
      flooder.events.some((e) => e.type === "comment.added" && e.comment.body === "Andere Stimme"),
    );
  });

  it("refuses the 31st comment as a form post with 429, Retry-After and the translated message", async () => {
    const { cookie, client } = await participant("Formular");
    const replies = await Promise.all(Array.from({ length: 30 }, (_, i) => postComment(client, `Formular ${i}`)));
    expect(replies.every((r) => r.ok)).toBe(true);
    const page = `/live/${session.liveSessionId}`;
    const form = hiddenFields((await get(server.url, page, cookie)).html, `comment-${item}`);
    const refused = await post(server.url, page, { ...form, body: "Formular 31" }, cookie);
    expect(refused.status).toBe(429);
    expect(Number(refused.response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.text).toContain("Sie haben in kurzer Zeit sehr viele Beiträge geschrieben. Bitte warten Sie 10 Minuten");
    expect(await storedBy("Formular")).toBe(30);
  });

  it("caps a whole session, so a room of scripts cannot flood the projector", async () => {
    const { client } = await participant("Neu");
    const full = { key: `contribution_session:${session.liveSessionId}`, points: 2000, expire: new Date(Date.now() + 5 * 60_000) };
    await server.database.db.insert(rateLimits).values(full).onConflictDoUpdate({ target: rateLimits.key, set: full });
    const reply = await postComment(client, "Neu im vollen Raum");
    expect(reply).toMatchObject({ ok: false, error: { code: "rate_limited", messageKey: "live:error.sessionBusy", values: { count: 5 } } });
    expect(await storedBy("Neu")).toBe(0);
    await server.database.db.delete(rateLimits).where(eq(rateLimits.key, `contribution_session:${session.liveSessionId}`));
    expect((await postComment(client, "Neu im leeren Raum")).ok).toBe(true);
  });
});

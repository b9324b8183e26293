import { randomUUID } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "../../app/auth/sessions.server";
import { loadItem } from "../../app/live/items.server";
import { computeItemResult } from "../../app/live/results.server";
import { votes } from "../../db/schema";
import { createStaff, recordingDeps, startedSession } from "../support/fixtures";
import { joinByLink, post, steerAtConsole, type Fields } from "../support/http";
import { command, connectLiveClient, until, type ClientEvent, type LiveClient } from "../support/live-clients";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let session: Awaited<ReturnType<typeof startedSession>>;
let item: string;
let moderator: LiveClient;
let projector: LiveClient;
let participants: LiveClient[];
let staffCookie: string;
let participantCookies: string[];

/** A real socket.io client with the cookies of a browser, watching the session and applying its events. */
const connect = (name: string, cookie: string) => connectLiveClient(server.url, session.liveSessionId, name, cookie);

const everyone = () => [moderator, projector, ...participants];
/** The moderator's console form: the live session is steered there, the sockets carry what follows. */
const steer = (fields: Fields) => steerAtConsole(server.url, session.liveSessionId, staffCookie, fields);
const received = (client: LiveClient, check: (event: ClientEvent) => boolean) => client.events.some(check);

beforeAll(async () => {
  server = await startTestServer();
  const db = server.database.db;
  const staff = await createStaff(db, "moderator");
  session = await startedSession(recordingDeps(db), staff, { measureCodes: ["540-2"], dots: 5 });
  item = session.itemIds[0]!;
  staffCookie = `mitplan_session=${(await createSession(db, staff.userId)).token}`;
  moderator = await connect("moderator", staffCookie);
  projector = await connect("projector", `mitplan_session=${(await createSession(db, staff.userId)).token}`);
  participants = [];
  participantCookies = [];
  for (const [name, language] of [["de", "de"], ["ar", "ar"], ["en", "en"]] as const) {
    const { cookie } = await joinByLink(server.url, session.joinCode, { language });
    participantCookies.push(cookie);
    participants.push(await connect(`participant ${name}`, cookie));
  }
});

afterAll(async () => {
  for (const client of everyone()) client?.socket.disconnect();
  await server.close();
});

describe("a live item from discussion to results, over real sockets", () => {
  it("lets everybody see the discussion, and hides a hidden comment from participants", async () => {
    const [amal] = participants as [LiveClient];
    const posted = await command(amal, "comment:post", { agendaItemId: item, body: "Mehr Bänke im Quartier" });
    expect(posted.ok).toBe(true);
    const spam = await command(amal, "comment:post", { agendaItemId: item, body: "Kauft Uhren!" });
    if (!posted.ok || !spam.ok) throw new Error("comments refused");
    for (const client of everyone()) {
      await until(`${client.name} sees the comment`, () =>
        received(client, (e) => e.type === "comment.added" && e.comment.id === posted.data.id),
      );
    }

    await steer({ intent: "comment", action: "hide", commentId: spam.data.id, reason: "Werbung" });
    for (const client of participants) {
      await until(`${client.name} loses the hidden comment`, () =>
        received(client, (e) => e.type === "comment.removed" && e.commentId === spam.data.id),
      );
      expect(client.state.comments.map((c) => c.id)).toEqual([posted.data.id]);
    }
    await until("the moderator sees why it was hidden", () =>
      received(moderator, (e) => e.type === "comment.updated" && e.comment.hidden?.reason === "Werbung"),
    );
    const rewatch = await command(amal, "liveSession:watch", { liveSessionId: session.liveSessionId });
    expect(rewatch.ok && rewatch.data.comments.map((c) => c.id)).toEqual([posted.data.id]);
  });

  it("narrows a phone's snapshot to its reader's language, and refuses a language it does not know", async () => {
    const [, ar] = participants as [LiveClient, LiveClient];
    const languagesOf = (reply: Awaited<ReturnType<typeof watch>>) =>
      reply.ok ? [...new Set(reply.data.items.flatMap((i) => i.measure?.translations.map((t) => t.language) ?? []))].sort() : null;
    const watch = (payload: { liveSessionId: string; reader?: string }) =>
      // The payload as a client may send it: the server's schema decides.
      command(ar, "liveSession:watch", payload as { liveSessionId: string });
    // The demo plan's measures are translated into the nine other languages.
    expect((await watch({ liveSessionId: session.liveSessionId }).then(languagesOf))?.length).toBe(9);
    expect(await watch({ liveSessionId: session.liveSessionId, reader: "ar" }).then(languagesOf)).toEqual(["ar"]);
    const unknown = await watch({ liveSessionId: session.liveSessionId, reader: "xx" });
    expect(unknown.ok || unknown.error.code).toBe("invalid");
  });

  it("takes votes while prioritising, counts a retry once, and refuses votes once voting is closed", async () => {
    const [de, ar, en] = participants as [LiveClient, LiveClient, LiveClient];
    const consolePath = `/live/${session.liveSessionId}/console`;
    const forbidden = await post(server.url, consolePath, { intent: "phase", agendaItemId: item, phase: "results" }, participantCookies[0]);
    expect(forbidden.status).toBe(403);

    await steer({ intent: "phase", agendaItemId: item, phase: "prioritise" });
    for (const client of everyone()) {
      await until(`${client.name} sees voting open`, () =>
        client.state.items.some((i) => i.id === item && i.phase === "prioritise" && i.votingState === "open"),
      );
    }

    const vote = (client: LiveClient, payload: { kind: "dots"; value: number } | { kind: "rating"; criterion: string; value: number }) =>
      command(client, "vote:cast", { clientId: randomUUID().replace(/-/g, ""), agendaItemId: item, ...payload });
    const retried = { kind: "dots" as const, clientId: `retry-${randomUUID()}`, agendaItemId: item, value: 2 };
    const [first, again] = [await command(de, "vote:cast", retried), await command(de, "vote:cast", retried)];
    expect(first.ok && first.data.duplicate).toBe(false);
    expect(again.ok && again.data).toMatchObject({ duplicate: true, myVotes: { dotsSpent: 2 } });
    for (const [client, dots, urgency] of [[de, 0, 4], [ar, 1, 2], [en, 3, 5]] as const) {
      if (dots > 0) expect((await vote(client, { kind: "dots", value: dots })).ok).toBe(true);
      expect((await vote(client, { kind: "rating", criterion: "urgency", value: urgency })).ok).toBe(true);
    }
    const proposal = await command(en, "proposal:submit", {
      liveSessionId: session.liveSessionId,
      kind: "new_measure",
      title: "Sprachcafé",
      body: "Ein Treffpunkt zum Deutschüben im Quartier.",
    });
    expect(proposal.ok).toBe(true);
    const dots = await server.database.db
      .select({ value: votes.value })
      .from(votes)
      .where(and(eq(votes.agendaItemId, item), eq(votes.kind, "dots")));
    expect(dots.reduce((sum, v) => sum + v.value, 0)).toBe(6);
    await until("the moderator's live aggregate", () =>
      received(moderator, (e) => e.type === "result.updated" && e.result.dots?.total === 6),
    );

    await steer({ intent: "settings", agendaItemId: item, votingState: "closed" });
    await until("the participant sees voting closed", () => ar.state.items.some((i) => i.id === item && i.votingState === "closed"));
    const late = await vote(ar, { kind: "dots", value: 1 });
    expect(late).toMatchObject({ ok: false, error: { code: "conflict", messageKey: "live:error.votingClosed" } });
  });

  it("reveals the results, and everybody ends with the same numbers as the database", async () => {
    await steer({ intent: "phase", agendaItemId: item, phase: "results" });
    const db = server.database.db;
    const expected = await computeItemResult(db, (await loadItem(db, item))!, session.liveSessionId);
    expect(expected.dots).toEqual({ total: 6, paper: 0, share: 1 });
    expect(expected.rating!.find((r) => r.criterion === "urgency")!.summary.mean).toBe(3.67);
    expect(expected.voterCount).toBe(3);
    // Every aggregate sent after the last vote carries these numbers, and they arrive in order:
    // each screen settles on them, whether or not a trailing coalesced aggregate is still on its way.
    const sent = JSON.parse(JSON.stringify(expected)) as typeof expected;
    const settled = (client: LiveClient) => isDeepStrictEqual(client.state.results.find((r) => r.agendaItemId === item), sent);
    for (const client of everyone()) await until(`${client.name} shows the database's numbers`, () => settled(client));
  });

  it("never sends a participant hidden comments, proposals, or results before they are revealed", () => {
    for (const client of participants) {
      for (const event of client.events) {
        expect(event.audience, `${client.name} got ${event.type}`).toBe("all");
        if ("comment" in event) expect(event.comment.hidden).toBeNull();
        expect(event.type).not.toMatch(/^proposal\./);
      }
      const revealedAt = client.events.findIndex((e) => e.type === "agendaItem.updated" && e.item.resultsVisible);
      const firstResult = client.events.findIndex((e) => e.type === "result.updated");
      expect(firstResult).toBeGreaterThan(revealedAt);
    }
    expect(received(moderator, (e) => e.type === "proposal.added" && e.proposal.title === "Sprachcafé")).toBe(true);
    expect(received(projector, (e) => e.type === "comment.updated" && e.comment.hidden !== null)).toBe(true);
  });
});

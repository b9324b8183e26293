/**
 * One moderator edits the agenda with plain form posts (the agenda page without JavaScript);
 * a second moderator's screen and a participant's phone, each a real socket.io client, follow.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "../../app/auth/sessions.server";
import type { LiveState } from "../../app/live/state.server";
import { createStaff, recordingDeps, startedSession } from "../support/fixtures";
import { joinByLink, post } from "../support/http";
import { connectLiveClient, until, watch, type LiveClient } from "../support/live-clients";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let session: Awaited<ReturnType<typeof startedSession>>;
let staffCookie: string;
let secondModerator: LiveClient;
let participant: LiveClient;
let added: string;

const connect = (name: string, cookie: string) => connectLiveClient(server.url, session.liveSessionId, name, cookie);

/** A form post on the agenda page, as the first moderator's browser sends it. */
async function edit(fields: Record<string, string>) {
  const answer = await post(server.url, `/live/${session.liveSessionId}/agenda`, fields, staffCookie);
  expect(answer.status, answer.text.slice(0, 300)).toBe(200);
}

const titles = (state: LiveState) => state.items.map((i) => i.measure?.code ?? i.question);

beforeAll(async () => {
  server = await startTestServer();
  const db = server.database.db;
  const staff = await createStaff(db, "moderator");
  session = await startedSession(recordingDeps(db), staff, { measureCodes: ["540-2", "510-2"] });
  staffCookie = `mitplan_session=${(await createSession(db, staff.userId)).token}`;
  secondModerator = await connect("second moderator", `mitplan_session=${(await createSession(db, staff.userId)).token}`);
  const { cookie } = await joinByLink(server.url, session.joinCode, { language: "de" });
  participant = await connect("participant", cookie);
});

afterAll(async () => {
  secondModerator?.socket.disconnect();
  participant?.socket.disconnect();
  await server.close();
});

describe("agenda edits reach every open screen", () => {
  it("shows a question added mid-session on the other moderator's screen at once, and not on the phone", async () => {
    await edit({ intent: "addQuestion", formId: "add-question", question: "Was fehlt im Quartier?" });
    await until("the second moderator sees the new question", () => titles(secondModerator.state).includes("Was fehlt im Quartier?"));
    expect(titles(secondModerator.state)).toEqual(["540-2", "510-2", "Was fehlt?", "Was fehlt im Quartier?"]);
    added = secondModerator.state.items.at(-1)!.id;
  });

  it("switches dots on for the current item on the phone at once", async () => {
    const current = session.itemIds[0]!;
    await edit({
      intent: "activities",
      formId: `activities-${current}`,
      agendaItemId: current,
      comments: "on",
      dots: "on",
      dotsMax: "2",
    });
    for (const client of [secondModerator, participant]) {
      await until(`${client.name} sees the dots`, () =>
        client.state.items.some((i) => i.id === current && i.activities.dots?.maxPerItem === 2 && i.activities.rating === null),
      );
    }
  });

  it("moves items on the other moderator's screen, and the current one also on the phone", async () => {
    await edit({ intent: "move", agendaItemId: added, direction: "up" });
    await until("the second moderator sees the question moved up", () => titles(secondModerator.state)[2] === "Was fehlt im Quartier?");
    await edit({ intent: "move", agendaItemId: session.itemIds[0]!, direction: "down" });
    await until("the second moderator sees the current item moved down", () => titles(secondModerator.state)[1] === "540-2");
    expect(titles(secondModerator.state)).toEqual(["510-2", "540-2", "Was fehlt im Quartier?", "Was fehlt?"]);
    expect(secondModerator.state.items.map((i) => i.position)).toEqual([0, 1, 2, 3]);
    await until("the phone sees the current item's new position", () => participant.state.items[0]?.position === 1);
  });

  it("removes an item from the other moderator's screen", async () => {
    await edit({ intent: "remove", agendaItemId: added });
    await until("the second moderator loses the question", () => !secondModerator.state.items.some((i) => i.id === added));
  });

  it("leaves every screen as a fresh load would show it, and never told the phone of the new question", async () => {
    for (const client of [secondModerator, participant]) {
      expect(client.state.items, client.name).toEqual((await watch(client)).items);
    }
    expect(participant.state.items.map((i) => i.id)).toEqual([session.itemIds[0]]);
    for (const event of participant.events) {
      expect(event.audience, `the phone got ${event.type}`).toBe("all");
      expect(JSON.stringify(event)).not.toContain(added);
    }
    expect(secondModerator.events.some((e) => e.type === "agendaItem.removed" && e.agendaItemId === added)).toBe(true);
  });
});

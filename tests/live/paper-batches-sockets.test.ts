/**
 * Another moderator's paper entries reach every console watching the session at once (issue 13):
 * two moderators' real socket.io clients and a phone, against the real server. One moderator
 * enters, corrects and withdraws through the console's form (decision 037); the other console's
 * list follows each step, and the phone hears none of it.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "../../app/auth/sessions.server";
import { addTeamMember } from "../../app/conferences/team.server";
import { createStaff, recordingDeps, startedSession } from "../support/fixtures";
import { joinByLink, post, steerAtConsole } from "../support/http";
import { connectLiveClient, until, type LiveClient } from "../support/live-clients";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let item: string;
let liveSessionId: string;
let annaCookie: string;
let anna: LiveClient;
let bernd: LiveClient;
let phone: LiveClient;

beforeAll(async () => {
  server = await startTestServer();
  const db = server.database.db;
  const first = await createStaff(db, "moderator");
  const second = await createStaff(db, "moderator");
  const session = await startedSession(recordingDeps(db), first, { measureCodes: ["540-2"] });
  await addTeamMember(db, first, { conferenceId: session.conferenceId, email: second.email });
  ({ liveSessionId } = session);
  item = session.itemIds[0]!;
  const connect = (name: string, cookie: string) => connectLiveClient(server.url, liveSessionId, name, cookie);
  annaCookie = `mitplan_session=${(await createSession(db, first.userId)).token}`;
  anna = await connect("anna's console", annaCookie);
  bernd = await connect("bernd's console", `mitplan_session=${(await createSession(db, second.userId)).token}`);
  phone = await connect("phone", (await joinByLink(server.url, session.joinCode, { language: "de" })).cookie);
});

afterAll(async () => {
  for (const client of [anna, bernd, phone]) client?.socket.disconnect();
  await server.close();
});

describe("paper entries on every console", () => {
  it("lists a colleague's entry, its correction and its withdrawal live, and never tells a phone", async () => {
    expect(bernd.state.paperBatches).toEqual([]);
    expect(phone.state.paperBatches).toBeNull();
    await steerAtConsole(server.url, liveSessionId, annaCookie, {
      intent: "paper", clientId: randomUUID(), agendaItemId: item, kind: "rating", criterion: "urgency", value: "4", weight: "3",
    });
    await until("bernd's console lists anna's entry", () => bernd.state.paperBatches?.length === 1);
    const [batch] = bernd.state.paperBatches!;
    expect(batch).toMatchObject({ agendaItemId: item, kind: "rating", criterion: "urgency", value: 4, weight: 3, enteredBy: "Test moderator" });
    // The result follows too, as for every vote.
    await until("bernd's result counts the 3 ballots", () =>
      bernd.state.results.some((r) => r.agendaItemId === item && r.rating?.find((c) => c.criterion === "urgency")?.summary.count === 3),
    );

    const corrected = await post(server.url, `/live/${liveSessionId}/console`, { intent: "paperCorrect", voteId: batch!.id, criterion: "urgency", value: "5", weight: "2" }, annaCookie);
    expect(corrected.status).toBeLessThan(400);
    await until("bernd's console shows the correction in place", () => bernd.state.paperBatches?.[0]?.value === 5);
    expect(bernd.state.paperBatches).toEqual([{ ...batch, value: 5, weight: 2 }]);

    const withdrawn = await post(server.url, `/live/${liveSessionId}/console`, { intent: "paperWithdraw", voteId: batch!.id }, annaCookie);
    expect(withdrawn.status).toBeLessThan(400);
    await until("bernd's console drops it", () => bernd.state.paperBatches?.length === 0);
    await until("anna's own other screens follow as well", () => anna.state.paperBatches?.length === 0);

    expect(phone.events.some((e) => e.type === "paperBatch.updated" || e.type === "paperBatch.withdrawn")).toBe(false);
    expect(phone.state.paperBatches).toBeNull();
  });
});

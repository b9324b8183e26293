import { randomUUID } from "node:crypto";
import type { Server } from "socket.io";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setPhase, updateItemSettings } from "../../app/live/steer.server";
import { castVote } from "../../app/live/votes.server";
import { liveSessionRoom } from "../../realtime/events";
import { moderatorsRoom } from "../../app/live/contract";
import { createPublisher } from "../../realtime/publisher";
import { openTestDatabase, type TestDatabase } from "../support/database";
import { createStaff, joinAs, recordingDeps, startedSession } from "../support/fixtures";

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase({ demo: true });
});
afterAll(() => database.close());

type Emitted = { room: string; event: string; payload: { result?: { dots: { total: number } | null } }; at: number };

function fakeIo() {
  const emitted: Emitted[] = [];
  const io = {
    to: (room: string) => ({
      emit: (event: string, payload: Emitted["payload"]) => void emitted.push({ room, event, payload, at: Date.now() }),
    }),
  } as unknown as Server;
  return { io, emitted };
}

describe("the publisher", () => {
  it("coalesces a stream of votes into a few aggregates per second, the last one complete", async () => {
    const setup = recordingDeps(database.db);
    const moderator = await createStaff(database.db, "moderator");
    const session = await startedSession(setup, moderator, { dots: 50 });
    const item = session.itemIds[0]!;
    await setPhase(setup, moderator, { agendaItemId: item, phase: "prioritise" });
    await updateItemSettings(setup, moderator, { agendaItemId: item, resultsVisible: true });
    const participants = await Promise.all(Array.from({ length: 25 }, () => joinAs(setup, session.joinCode)));

    const { io, emitted } = fakeIo();
    const interval = 200;
    const publish = createPublisher(io, database.db, interval);
    const deps = { db: database.db, publish };
    const started = Date.now();
    for (const participant of participants) {
      await castVote(deps, participant, { kind: "dots", clientId: randomUUID(), agendaItemId: item, value: 1 });
      // The pace of a room voting (the input of this test, not a wait): a vote every 30 ms or so.
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    const elapsed = Date.now() - started;
    // The trailing aggregate, sent now instead of after its timer.
    await publish.flush();

    const results = emitted.filter((e) => e.event === "result.updated");
    // One leading update, then at most one per interval while votes keep coming.
    expect(results.length).toBeGreaterThanOrEqual(2);
    expect(results.length).toBeLessThanOrEqual(Math.ceil(elapsed / interval) + 1);
    expect(results.length).toBeLessThan(participants.length);
    expect(results.every((r) => r.room === liveSessionRoom(session.liveSessionId))).toBe(true);
    expect(results.at(-1)!.payload.result!.dots!.total).toBe(participants.length);
  });

  it("sends results of an item whose results are hidden only to the moderators", async () => {
    const setup = recordingDeps(database.db);
    const moderator = await createStaff(database.db, "moderator");
    const session = await startedSession(setup, moderator);
    const item = session.itemIds[0]!;
    await setPhase(setup, moderator, { agendaItemId: item, phase: "prioritise" });
    const participant = await joinAs(setup, session.joinCode);
    const { io, emitted } = fakeIo();
    const publish = createPublisher(io, database.db, 50);
    await castVote({ db: database.db, publish }, participant, { kind: "dots", clientId: randomUUID(), agendaItemId: item, value: 1 });
    await publish.flush();
    const results = emitted.filter((e) => e.event === "result.updated");
    expect(results.map((r) => r.room)).toEqual([moderatorsRoom(session.liveSessionId)]);
  });
});

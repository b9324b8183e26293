import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../../app/auth/actor";
import { loadItem } from "../../app/live/items.server";
import { correctPaperVote, listPaperVotes, withdrawPaperVote } from "../../app/live/paper-votes.server";
import { computeItemResult } from "../../app/live/results.server";
import { closeLiveSession } from "../../app/results/close.server";
import { setPhase } from "../../app/live/steer.server";
import { castVote, enterPaperVotes } from "../../app/live/votes.server";
import { openDemoWorld, type TestDatabase } from "../support/database";
import { createStaff, joinAs, recordingDeps, refusal, startedSession } from "../support/fixtures";

let database: TestDatabase;
let moderator: StaffActor;

beforeAll(async () => ({ database, moderator } = await openDemoWorld()));
afterAll(() => database.close());

/** A measure item (dots up to 3 per person, a 1–5 rating on four criteria) with two paper entries. */
async function paperRoom() {
  const deps = recordingDeps(database.db);
  const session = await startedSession(deps, moderator, { measureCodes: ["540-2"] });
  const item = session.itemIds[0]!;
  await enterPaperVotes(deps, moderator, { clientId: randomUUID(), agendaItemId: item, kind: "dots", value: 7, weight: 1 });
  await enterPaperVotes(deps, moderator, { clientId: randomUUID(), agendaItemId: item, kind: "rating", criterion: "urgency", value: 4, weight: 3 });
  const [dots, rating] = await listPaperVotes(database.db, moderator, session.liveSessionId);
  deps.events.length = 0;
  return { deps, session, item, dots: dots!, rating: rating! };
}

async function result(agendaItemId: string, liveSessionId: string) {
  return computeItemResult(database.db, (await loadItem(database.db, agendaItemId))!, liveSessionId);
}
const urgency = (r: Awaited<ReturnType<typeof result>>) => r.rating!.find((c) => c.criterion === "urgency")!.summary.distribution;

describe("paper entries on the console", () => {
  it("lists each entry with what was counted and who typed it in", async () => {
    const { dots, rating, item } = await paperRoom();
    expect([dots, rating].map(({ agendaItemId, kind, criterion, value, weight, enteredBy }) => ({ agendaItemId, kind, criterion, value, weight, enteredBy }))).toEqual([
      { agendaItemId: item, kind: "dots", criterion: null, value: 7, weight: 1, enteredBy: "Test moderator" },
      { agendaItemId: item, kind: "rating", criterion: "urgency", value: 4, weight: 3, enteredBy: "Test moderator" },
    ]);
  });

  it("corrects an entry, and the result follows", async () => {
    const { deps, session, item, rating } = await paperRoom();
    expect(urgency(await result(item, session.liveSessionId))).toEqual({ 4: 3 });
    const corrected = await correctPaperVote(deps, moderator, { voteId: rating.id, criterion: "impact", value: 5, weight: 2 });
    expect(corrected).toMatchObject({ id: rating.id, kind: "rating", criterion: "impact", value: 5, weight: 2 });
    // The consoles list the corrected entry; the result follows from the tallies.
    expect(deps.events).toEqual([
      { type: "paperBatch.updated", liveSessionId: session.liveSessionId, audience: "moderators", batch: corrected },
      { type: "votes.changed", liveSessionId: session.liveSessionId, audience: "internal", agendaItemId: item },
    ]);
    const after = await result(item, session.liveSessionId);
    expect(urgency(after)).toEqual({});
    expect(after.rating!.find((c) => c.criterion === "impact")!.summary.distribution).toEqual({ 5: 2 });
  });

  it("withdraws an entry, and its dots leave the result", async () => {
    const { deps, session, item, dots } = await paperRoom();
    expect((await result(item, session.liveSessionId)).dots).toMatchObject({ total: 7, paper: 7 });
    await withdrawPaperVote(deps, moderator, { voteId: dots.id });
    expect((await result(item, session.liveSessionId)).dots).toMatchObject({ total: 0, paper: 0 });
    expect((await listPaperVotes(database.db, moderator, session.liveSessionId)).map((b) => b.id)).not.toContain(dots.id);
    expect(deps.events).toEqual([
      { type: "paperBatch.withdrawn", liveSessionId: session.liveSessionId, audience: "moderators", agendaItemId: item, voteId: dots.id },
      { type: "votes.changed", liveSessionId: session.liveSessionId, audience: "internal", agendaItemId: item },
    ]);
  });

  it("says which values are possible when a correction is off the scale, and changes nothing", async () => {
    const { deps, session, item, rating } = await paperRoom();
    expect(await refusal(correctPaperVote(deps, moderator, { voteId: rating.id, criterion: "urgency", value: 12, weight: 1 }))).toBe(
      "invalid live:error.valueOutOfRange",
    );
    expect(await refusal(correctPaperVote(deps, moderator, { voteId: rating.id, criterion: "beauty", value: 3, weight: 1 }))).toBe(
      "invalid live:error.outOfRange",
    );
    expect(await refusal(correctPaperVote(deps, moderator, { voteId: rating.id, value: 3, weight: 0 }), "code")).toBe("invalid");
    // The same message a new entry gets (issue 13: "12" on a 1–10 scale named the wrong reason).
    expect(
      await refusal(enterPaperVotes(deps, moderator, { clientId: randomUUID(), agendaItemId: item, kind: "rating", criterion: "urgency", value: 12, weight: 1 })),
    ).toBe("invalid live:error.valueOutOfRange");
    expect(urgency(await result(item, session.liveSessionId))).toEqual({ 4: 3 });
    expect(deps.events).toEqual([]);
  });

  it("refuses participants, strangers to the conference, online votes and a closed session", async () => {
    const { deps, session, item, dots, rating } = await paperRoom();
    const participant = await joinAs(deps, session.joinCode);
    const stranger = await createStaff(database.db, "moderator");
    expect(await refusal(withdrawPaperVote(deps, participant, { voteId: dots.id }), "code")).toBe("forbidden");
    expect(await refusal(withdrawPaperVote(deps, stranger, { voteId: dots.id }), "code")).toBe("forbidden");
    expect(await refusal(listPaperVotes(database.db, stranger, session.liveSessionId), "code")).toBe("forbidden");
    await setPhase(deps, moderator, { agendaItemId: item, phase: "prioritise" });
    await castVote(deps, participant, { kind: "dots", clientId: randomUUID(), agendaItemId: item, value: 1 });
    const online = (await database.db.query.votes.findFirst({ where: (v, { eq }) => eq(v.participantId, participant.participantId) }))!;
    expect(await refusal(withdrawPaperVote(deps, moderator, { voteId: online.id }), "code")).toBe("not_found");
    expect(await refusal(withdrawPaperVote(deps, moderator, { voteId: randomUUID() }), "code")).toBe("not_found");
    await closeLiveSession(deps, moderator, { liveSessionId: session.liveSessionId });
    deps.events.length = 0;
    expect(await refusal(correctPaperVote(deps, moderator, { voteId: rating.id, criterion: "urgency", value: 2, weight: 1 }))).toBe(
      "conflict live:error.sessionClosed",
    );
    expect(await refusal(withdrawPaperVote(deps, moderator, { voteId: dots.id }))).toBe("conflict live:error.sessionClosed");
    expect(deps.events).toEqual([]);
    expect(await listPaperVotes(database.db, moderator, session.liveSessionId)).toHaveLength(2);
  });
});

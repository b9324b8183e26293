import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../../app/auth/actor";
import type { DomainError } from "../../app/errors";
import { defaultActivities } from "../../app/live/agenda-entries.server";
import { updateActivities } from "../../app/live/setup.server";
import { closeLiveSession } from "../../app/results/close.server";
import { setPhase } from "../../app/live/steer.server";
import { castRanking, castVote, enterPaperVotes } from "../../app/live/votes.server";
import { getLiveState } from "../../app/live/state.server";
import { votes } from "../../db/schema";
import { openDemoWorld, type TestDatabase } from "../support/database";
import { joinAs, recordingDeps, startedSession, refusal } from "../support/fixtures";

let database: TestDatabase;
let moderator: StaffActor;

beforeAll(async () => ({ database, moderator } = await openDemoWorld()));
afterAll(() => database.close());

const refused = (promise: Promise<unknown>) => refusal(promise, "messageKey");

describe("dot voting", () => {
  it("never lets a participant overspend, even with 20 requests in parallel", async () => {
    const deps = recordingDeps(database.db);
    const session = await startedSession(deps, moderator, { dots: 5 });
    const [first, second] = session.itemIds as [string, string];
    await setPhase(deps, moderator, { agendaItemId: first, phase: "prioritise" });
    await setPhase(deps, moderator, { agendaItemId: second, phase: "prioritise" });
    const participant = await joinAs(deps, session.joinCode);

    const attempts = Array.from({ length: 20 }, (_, i) =>
      castVote(deps, participant, {
        kind: "dots",
        clientId: `dot-${i}-${randomUUID()}`,
        agendaItemId: i % 2 === 0 ? first : second,
        value: 1,
      }).then(
        () => "ok",
        (e: DomainError) => e.messageKey,
      ),
    );
    const outcomes = await Promise.all(attempts);
    expect(outcomes.filter((o) => o === "ok")).toHaveLength(5);
    const rows = await database.db
      .select()
      .from(votes)
      .where(and(eq(votes.participantId, participant.participantId), eq(votes.kind, "dots")));
    expect(rows.reduce((n, r) => n + r.value, 0)).toBe(5);
    // At most 3 dots on one item (the default), so the 5 are split 3 + 2.
    const byItem = rows.reduce<Record<string, number>>((m, r) => ({ ...m, [r.agendaItemId]: (m[r.agendaItemId] ?? 0) + r.value }), {});
    expect(Math.max(...Object.values(byItem))).toBeLessThanOrEqual(3);
  });

  it("counts a retried vote once", async () => {
    const deps = recordingDeps(database.db);
    const session = await startedSession(deps, moderator);
    const item = session.itemIds[0]!;
    await setPhase(deps, moderator, { agendaItemId: item, phase: "prioritise" });
    const participant = await joinAs(deps, session.joinCode);
    const vote = { kind: "dots", clientId: `retry-${randomUUID()}`, agendaItemId: item, value: 1 };
    const receipts = await Promise.all([castVote(deps, participant, vote), castVote(deps, participant, vote)]);
    expect(receipts.map((r) => r.duplicate).sort()).toEqual([false, true]);
    const again = await castVote(deps, participant, vote);
    expect(again).toMatchObject({ duplicate: true, myVotes: { dotsSpent: 1 } });
    expect(deps.events.filter((e) => e.type === "votes.changed")).toHaveLength(1);
  });

  it("rejects votes outside the prioritise phase, on an item without the activity, or after close", async () => {
    const deps = recordingDeps(database.db);
    const session = await startedSession(deps, moderator);
    const [item, , question] = session.itemIds as [string, string, string];
    const participant = await joinAs(deps, session.joinCode);
    const dot = (agendaItemId: string) => ({ kind: "dots", clientId: randomUUID(), agendaItemId, value: 1 });

    expect(await refused(castVote(deps, participant, dot(item)))).toBe("live:error.votingClosed");
    await setPhase(deps, moderator, { agendaItemId: question, phase: "prioritise" });
    expect(await refused(castVote(deps, participant, dot(question)))).toBe("live:error.activityOff");
    await setPhase(deps, moderator, { agendaItemId: item, phase: "prioritise" });
    expect(
      await refused(castVote(deps, participant, { kind: "rating", clientId: randomUUID(), agendaItemId: item, criterion: "urgency", value: 9 })),
    ).toBe("live:error.outOfRange");
    expect(await refused(castVote(deps, participant, { kind: "dots", clientId: "x", agendaItemId: item, value: 1 }))).toBe(
      "common:validation.invalid",
    );
    await closeLiveSession(deps, moderator, { liveSessionId: session.liveSessionId });
    expect(await refused(castVote(deps, participant, dot(item)))).toBe("live:error.votingClosed");
    const stored = await database.db.select().from(votes).where(eq(votes.liveSessionId, session.liveSessionId));
    expect(stored).toEqual([]);
  });

  it("refuses a participant of another conference and anyone who is not a participant", async () => {
    const deps = recordingDeps(database.db);
    const one = await startedSession(deps, moderator);
    const other = await startedSession(deps, moderator);
    await setPhase(deps, moderator, { agendaItemId: one.itemIds[0]!, phase: "prioritise" });
    const stranger = await joinAs(deps, other.joinCode);
    const vote = { kind: "dots", clientId: randomUUID(), agendaItemId: one.itemIds[0]!, value: 1 };
    expect(await refused(castVote(deps, stranger, vote))).toBe("live:error.notInConference");
    expect(await refused(castVote(deps, moderator, vote))).toBe("common:error.forbiddenText");
  });
});

describe("ranking", () => {
  it("refuses a ballot with a measure that is not in the cluster, and stores nothing", async () => {
    const deps = recordingDeps(database.db);
    const session = await startedSession(deps, moderator, { measureCodes: [], clusterKeys: ["alter-pflege"] });
    const cluster = session.itemIds[0]!;
    await setPhase(deps, moderator, { agendaItemId: cluster, phase: "prioritise" });
    const participant = await joinAs(deps, session.joinCode);
    const ballot = (order: string[]) => ({ clientId: randomUUID().replace(/-/g, ""), agendaItemId: cluster, order });
    expect(await refused(castRanking(deps, participant, ballot(["500-1", "540-2"])))).toBe("live:error.outOfRange");
    expect(await database.db.select().from(votes).where(eq(votes.agendaItemId, cluster))).toEqual([]);
    expect(await refused(castRanking(deps, participant, ballot(["500-2", "500-1"])))).toBeNull();
  });
});

describe("paper votes", () => {
  it("says that a value is off the scale, not that the kind of vote is off, and stores nothing", async () => {
    const deps = recordingDeps(database.db);
    const session = await startedSession(deps, moderator);
    const item = session.itemIds[0]!;
    const activities = { ...defaultActivities("measure"), scale: { min: 1 as const, max: 10 as const, label: null } };
    await updateActivities(deps, moderator, { agendaItemId: item, activities });
    const paper = (entry: Record<string, unknown>) =>
      enterPaperVotes(deps, moderator, { clientId: randomUUID(), agendaItemId: item, weight: 1, ...entry }).then(
        () => null,
        (error: DomainError) => ({ messageKey: error.messageKey, values: error.values, fields: error.fields }),
      );
    const offScale = { messageKey: "live:error.valueOutOfRange", fields: { value: "live:error.outOfRange" } };
    expect(await paper({ kind: "scale", value: 12 })).toEqual({ ...offScale, values: { min: 1, max: 10 } });
    expect(await paper({ kind: "rating", criterion: "urgency", value: 6 })).toEqual({ ...offScale, values: { min: 1, max: 5 } });
    expect(await database.db.select().from(votes).where(eq(votes.agendaItemId, item))).toEqual([]);
    // A kind the item does not offer is still named as such, and what fits goes through.
    await updateActivities(deps, moderator, { agendaItemId: item, activities: { ...activities, scale: null } });
    expect((await paper({ kind: "scale", value: 5 }))?.messageKey).toBe("live:error.activityOff");
    expect(await paper({ kind: "rating", criterion: "urgency", value: 5 })).toBeNull();
  });
});

describe("results from stored votes", () => {
  it("aggregates dots with paper votes, ratings by each participant's latest answer", async () => {
    const deps = recordingDeps(database.db);
    const session = await startedSession(deps, moderator, { dots: 5 });
    const [item, other] = session.itemIds as [string, string];
    await setPhase(deps, moderator, { agendaItemId: item, phase: "prioritise" });
    await setPhase(deps, moderator, { agendaItemId: other, phase: "prioritise" });
    const [a, b, c] = [await joinAs(deps, session.joinCode), await joinAs(deps, session.joinCode, "ar"), await joinAs(deps, session.joinCode, "en")];
    const cast = (p: typeof a, v: Record<string, unknown>) => castVote(deps, p, { clientId: randomUUID(), ...v });
    await cast(a, { kind: "dots", agendaItemId: item, value: 3 });
    await cast(b, { kind: "dots", agendaItemId: item, value: 1 });
    await cast(c, { kind: "dots", agendaItemId: other, value: 2 });
    await enterPaperVotes(deps, moderator, { clientId: randomUUID(), agendaItemId: item, kind: "dots", value: 4, weight: 1 });
    await cast(a, { kind: "rating", agendaItemId: item, criterion: "urgency", value: 2 });
    await cast(a, { kind: "rating", agendaItemId: item, criterion: "urgency", value: 5 });
    await cast(b, { kind: "rating", agendaItemId: item, criterion: "urgency", value: 4 });
    await cast(c, { kind: "rating", agendaItemId: item, criterion: "urgency", value: 1 });

    const state = await getLiveState(database.db, moderator, session.liveSessionId);
    const result = state.results.find((r) => r.agendaItemId === item)!;
    expect(result.dots).toEqual({ total: 8, paper: 4, share: 0.8 });
    const urgency = result.rating!.find((r) => r.criterion === "urgency")!.summary;
    expect(urgency).toEqual({ count: 3, mean: 3.33, median: 4, distribution: { 1: 1, 4: 1, 5: 1 } });
    expect(result.voterCount).toBe(3);
  });
});

/**
 * Commands that a review found half-committed, racing with the session's close, or ending in a
 * unique violation (issue 9, points 9 and 13 and "consistency found in review"), on a real
 * database of either engine.
 */
import { randomUUID } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../../app/auth/actor";
import { moderateComment, postComment, supportComment } from "../../app/live/comments.server";
import { moderateProposal, submitProposal } from "../../app/live/proposals.server";
import { closeLiveSession } from "../../app/results/close.server";
import { setCurrentItem, setPhase, updateItemSettings } from "../../app/live/steer.server";
import { castRanking, castVote } from "../../app/live/votes.server";
import { agendaItems, comments, commentSupports, liveSessions, proposals, votes } from "../../db/schema";
import { openDemoWorld, type TestDatabase } from "../support/database";
import { joinAs, recordingDeps, refusal, startedSession } from "../support/fixtures";

let database: TestDatabase;
let moderator: StaffActor;

beforeAll(async () => ({ database, moderator } = await openDemoWorld()));
afterAll(() => database.close());

const votesOf = (participantId: string) => database.db.select().from(votes).where(eq(votes.participantId, participantId));

describe("comments on items the room is not on", () => {
  it("are refused, whatever the item's own setting says", async () => {
    const deps = recordingDeps(database.db);
    const session = await startedSession(deps, moderator);
    const [current, next] = session.itemIds as [string, string];
    const participant = await joinAs(deps, session.joinCode);
    const comment = (agendaItemId: string) => postComment(deps, participant, { agendaItemId, body: "Zu früh?" });
    expect(await refusal(comment(next))).toBe("conflict live:error.commentsClosed");
    expect(await refusal(comment(current))).toBeNull();
    await setCurrentItem(deps, moderator, { liveSessionId: session.liveSessionId, agendaItemId: next });
    expect(await refusal(comment(current))).toBe("conflict live:error.commentsClosed");
    expect(await refusal(comment(next))).toBeNull();
    const stored = await database.db.select({ agendaItemId: comments.agendaItemId }).from(comments).where(inArray(comments.agendaItemId, [current, next]));
    expect(stored.map((row) => row.agendaItemId).sort()).toEqual([current, next].sort());
  });
});

describe("client ids", () => {
  it("refuse a ranking whose ids a dot vote already holds with a 409, and store nothing of it", async () => {
    const deps = recordingDeps(database.db);
    const session = await startedSession(deps, moderator, { measureCodes: ["540-2"], clusterKeys: ["alter-pflege"] });
    const [measure, cluster] = session.itemIds as [string, string];
    await setPhase(deps, moderator, { agendaItemId: measure, phase: "prioritise" });
    await setPhase(deps, moderator, { agendaItemId: cluster, phase: "prioritise" });
    const participant = await joinAs(deps, session.joinCode);
    const x = `ballot${randomUUID().slice(0, 8)}`;
    await castVote(deps, participant, { kind: "dots", clientId: `${x}-2`, agendaItemId: measure, value: 1 });
    const ranking = castRanking(deps, participant, { clientId: x, agendaItemId: cluster, order: ["500-2", "500-1"] });
    expect(await refusal(ranking)).toBe("conflict live:error.clientIdTaken");
    expect((await votesOf(participant.participantId)).map((row) => row.kind)).toEqual(["dots"]);
  });

  it("refuse another participant's id with a translated 409, and still count a retry once", async () => {
    const deps = recordingDeps(database.db);
    const session = await startedSession(deps, moderator);
    const item = session.itemIds[0]!;
    await setPhase(deps, moderator, { agendaItemId: item, phase: "prioritise" });
    const [first, second] = [await joinAs(deps, session.joinCode), await joinAs(deps, session.joinCode)];
    const vote = { kind: "dots", clientId: `shared-${randomUUID()}`, agendaItemId: item, value: 1 };
    expect((await castVote(deps, first, vote)).duplicate).toBe(false);
    expect((await castVote(deps, first, vote)).duplicate).toBe(true);
    expect(await refusal(castVote(deps, second, vote))).toBe("conflict live:error.clientIdTaken");
    expect(await refusal(castVote(deps, first, { ...vote, value: 2 }))).toBeNull();
    expect(await refusal(castVote(deps, first, { ...vote, kind: "scale", value: 3 }))).toBe("conflict live:error.clientIdTaken");
    expect(await votesOf(second.participantId)).toEqual([]);
  });

  it("refuse a collision that two participants send at the same moment, never a server error", async () => {
    const deps = recordingDeps(database.db);
    const session = await startedSession(deps, moderator);
    const item = session.itemIds[0]!;
    await setPhase(deps, moderator, { agendaItemId: item, phase: "prioritise" });
    const voters = await Promise.all(Array.from({ length: 6 }, () => joinAs(deps, session.joinCode)));
    const clientId = `race-${randomUUID()}`;
    const outcomes = await Promise.all(voters.map((p) => refusal(castVote(deps, p, { kind: "dots", clientId, agendaItemId: item, value: 1 }))));
    expect(outcomes.filter((o) => o === null)).toHaveLength(1);
    expect(outcomes.filter((o) => o !== null)).toEqual(Array(5).fill("conflict live:error.clientIdTaken"));
  });
});

describe("a rating on several criteria", () => {
  it("is one command: a refusal on one criterion stores none, and a retry counts once", async () => {
    const deps = recordingDeps(database.db);
    const session = await startedSession(deps, moderator);
    const item = session.itemIds[0]!;
    await setPhase(deps, moderator, { agendaItemId: item, phase: "prioritise" });
    const participant = await joinAs(deps, session.joinCode);
    const rate = (ratings: { criterion: string; value: number }[], clientId = randomUUID()) =>
      castVote(deps, participant, { kind: "rating", clientId, agendaItemId: item, ratings });
    const outOfRange = rate([{ criterion: "urgency", value: 4 }, { criterion: "impact", value: 9 }]);
    expect(await refusal(outOfRange)).toBe("invalid live:error.outOfRange");
    const twice = rate([{ criterion: "urgency", value: 4 }, { criterion: "urgency", value: 2 }]);
    expect(await refusal(twice)).toBe("invalid live:error.outOfRange");
    expect(await votesOf(participant.participantId)).toEqual([]);

    const clientId = randomUUID();
    const answers = [{ criterion: "urgency", value: 4 }, { criterion: "impact", value: 2 }];
    expect((await rate(answers, clientId)).myVotes.ratings[item]).toEqual({ urgency: 4, impact: 2 });
    expect((await rate(answers, clientId)).duplicate).toBe(true);
    expect(await votesOf(participant.participantId)).toHaveLength(2);
  });
});

describe("commands racing with the session's close", () => {
  it("either run before the close or are refused after it, never half", async () => {
    const deps = recordingDeps(database.db);
    const session = await startedSession(deps, moderator);
    const [item, next] = session.itemIds as [string, string];
    const participant = await joinAs(deps, session.joinCode);
    const comment = await postComment(deps, participant, { agendaItemId: item, body: "Gute Idee" });
    const proposal = await submitProposal(deps, participant, { liveSessionId: session.liveSessionId, kind: "new_measure", title: "Idee", body: "Text" });
    const commands = [
      setPhase(deps, moderator, { agendaItemId: item, phase: "prioritise" }),
      updateItemSettings(deps, moderator, { agendaItemId: next, commentsOpen: false }),
      setCurrentItem(deps, moderator, { liveSessionId: session.liveSessionId, agendaItemId: next }),
      supportComment(deps, participant, { commentId: comment.id }),
      moderateComment(deps, moderator, { action: "pin", commentId: comment.id }),
      moderateProposal(deps, moderator, { action: "hide", proposalId: proposal.id, reason: "Werbung" }, session.liveSessionId),
    ];
    const [closed, ...outcomes] = await Promise.all([closeLiveSession(deps, moderator, { liveSessionId: session.liveSessionId }), ...commands.map((c) => refusal(c))]);
    expect(closed).toBeUndefined();
    for (const outcome of outcomes) expect([null, "conflict live:error.sessionClosed"]).toContain(outcome);
    // After the close, each of them is refused and changes nothing.
    const [before] = await database.db.select().from(liveSessions).where(eq(liveSessions.id, session.liveSessionId));
    expect(await refusal(setPhase(deps, moderator, { agendaItemId: next, phase: "results" }))).toBe("conflict live:error.sessionClosed");
    expect(await refusal(setCurrentItem(deps, moderator, { liveSessionId: session.liveSessionId, agendaItemId: item }))).toBe("conflict live:error.sessionClosed");
    expect(await refusal(supportComment(deps, participant, { commentId: comment.id }))).toBe("conflict live:error.sessionClosed");
    const [after] = await database.db.select().from(liveSessions).where(eq(liveSessions.id, session.liveSessionId));
    expect(after).toEqual(before);
    const [nextItem] = await database.db.select({ phase: agendaItems.phase }).from(agendaItems).where(eq(agendaItems.id, next));
    expect(nextItem!.phase).not.toBe("results");
    expect(await database.db.select().from(commentSupports).where(eq(commentSupports.commentId, comment.id))).toHaveLength(outcomes[3] === null ? 1 : 0);
  });
});

describe("commands meeting a close in progress", () => {
  it("wait for it and are then refused, never written into a closed session", async () => {
    const deps = recordingDeps(database.db);
    const session = await startedSession(deps, moderator);
    const [item, next] = session.itemIds as [string, string];
    const participant = await joinAs(deps, session.joinCode);
    const comment = await postComment(deps, participant, { agendaItemId: item, body: "Gute Idee" });
    const proposal = await submitProposal(deps, participant, { liveSessionId: session.liveSessionId, kind: "new_measure", title: "Idee", body: "Text" });
    let finishClose!: () => void;
    let lockTaken!: () => void;
    const taken = new Promise<void>((resolve) => (lockTaken = resolve));
    // A close that holds the session's lock until told to commit, as a slow close of a big session would.
    const closing = database.db.transaction(async (tx) => {
      await tx.select({ id: liveSessions.id }).from(liveSessions).where(eq(liveSessions.id, session.liveSessionId)).for("update");
      await tx.update(liveSessions).set({ status: "closed", closedAt: new Date() }).where(eq(liveSessions.id, session.liveSessionId));
      lockTaken();
      await new Promise<void>((resolve) => (finishClose = resolve));
    });
    await taken;
    const commands = [
      setPhase(deps, moderator, { agendaItemId: next, phase: "results" }),
      updateItemSettings(deps, moderator, { agendaItemId: next, resultsVisible: true }),
      setCurrentItem(deps, moderator, { liveSessionId: session.liveSessionId, agendaItemId: next }),
      supportComment(deps, participant, { commentId: comment.id }),
      moderateComment(deps, moderator, { action: "pin", commentId: comment.id }),
      moderateProposal(deps, moderator, { action: "hide", proposalId: proposal.id, reason: "Werbung" }, session.liveSessionId),
    ].map((command) => refusal(command));
    if (database.url) {
      // On PostgreSQL the commands run on other connections: each must be waiting for the lock.
      const waiting = async () => (await database.db.execute(sql`select 1 from pg_stat_activity where wait_event_type = 'Lock'`)) as unknown as unknown[];
      for (const start = Date.now(); (await waiting()).length < commands.length; ) {
        if (Date.now() - start > 5_000) {
          finishClose();
          throw new Error("the commands did not wait for the close");
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    finishClose();
    await closing;
    // Steering and support end with the session; moderation goes on (abuse is hidden from the feedback page too).
    const closed = "conflict live:error.sessionClosed";
    expect(await Promise.all(commands)).toEqual([closed, closed, closed, closed, null, null]);
    const [after] = await database.db.select().from(agendaItems).where(eq(agendaItems.id, next));
    expect(after).toMatchObject({ phase: "discuss", resultsVisible: false });
    expect(await database.db.select().from(commentSupports).where(eq(commentSupports.commentId, comment.id))).toEqual([]);
  });
});

describe("merging", () => {
  it("merges comments and proposals once and never into a loop, even when both ways are sent at once", async () => {
    const deps = recordingDeps(database.db);
    const session = await startedSession(deps, moderator);
    const participant = await joinAs(deps, session.joinCode);
    const [a, b] = [
      await postComment(deps, participant, { agendaItemId: session.itemIds[0]!, body: "Mehr Bänke" }),
      await postComment(deps, participant, { agendaItemId: session.itemIds[0]!, body: "Bänke, bitte" }),
    ];
    const merged = await Promise.all([
      refusal(moderateComment(deps, moderator, { action: "merge", commentId: a.id, intoCommentId: b.id })),
      refusal(moderateComment(deps, moderator, { action: "merge", commentId: b.id, intoCommentId: a.id })),
    ]);
    expect(merged.sort()).toEqual(["conflict live:error.alreadyMerged", null].sort());
    const rows = await database.db.select({ mergedIntoId: comments.mergedIntoId }).from(comments).where(inArray(comments.id, [a.id, b.id]));
    expect(rows.filter((row) => row.mergedIntoId !== null)).toHaveLength(1);

    const idea = (title: string) => submitProposal(deps, participant, { liveSessionId: session.liveSessionId, kind: "new_measure", title, body: "Text" });
    const [p, q] = [await idea("Sprachcafé"), await idea("Sprach-Café")];
    const moderate = (from: string, into: string) =>
      refusal(moderateProposal(deps, moderator, { action: "merge", proposalId: from, intoProposalId: into }, session.liveSessionId));
    expect((await Promise.all([moderate(p.id, q.id), moderate(q.id, p.id)])).sort()).toEqual(["conflict live:error.alreadyMerged", null].sort());
    const proposalRows = await database.db.select({ mergedIntoId: proposals.mergedIntoId }).from(proposals).where(inArray(proposals.id, [p.id, q.id]));
    expect(proposalRows.filter((row) => row.mergedIntoId !== null)).toHaveLength(1);
  });
});

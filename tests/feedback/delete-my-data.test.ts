/**
 * A participant deletes their data (issue 9, point 16), and the retention rule makes profiles
 * anonymous; on both engines.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ParticipantActor, StaffActor } from "../../app/auth/actor";
import { setRetentionMonths } from "../../app/auth/participant-data.server";
import { decide } from "../../app/decisions/decide.server";
import { deleteMyData } from "../../app/feedback/delete-my-data.server";
import { postComment, supportComment } from "../../app/live/comments.server";
import { submitProposal } from "../../app/live/proposals.server";
import { defaultCriteria } from "../../app/live/limits";
import { applyRetention } from "../../app/live/retention.server";
import { closeLiveSession } from "../../app/results/close.server";
import { setPhase } from "../../app/live/steer.server";
import { castVote } from "../../app/live/votes.server";
import { answerTallies, comments, itemTallies, liveSessions, participants, proposals, votes } from "../../db/schema";
import { openDemoWorld, type TestDatabase } from "../support/database";
import { createStaff, joinAs, recordingDeps, refusal, startedSession } from "../support/fixtures";

let database: TestDatabase;
let moderator: StaffActor;

beforeAll(async () => ({ database, moderator } = await openDemoWorld()));
afterAll(() => database.close());

const db = () => database.db;
const participantRow = async (id: string) => (await db().select().from(participants).where(eq(participants.id, id)))[0];
const votesOf = async (p: ParticipantActor) => (await db().select().from(votes).where(eq(votes.participantId, p.participantId))).length;

async function world() {
  const deps = recordingDeps(db());
  const session = await startedSession(deps, moderator, { measureCodes: ["540-2"] });
  const item = session.itemIds[0]!;
  const criterion = defaultCriteria[0]!;
  await setPhase(deps, moderator, { agendaItemId: item, phase: "prioritise" });
  const me = await joinAs(deps, session.joinCode, "de", { displayName: "Aylin", district: "Heepen", group: "citizen" });
  const other = await joinAs(deps, session.joinCode, "de");
  const mine = await postComment(deps, me, { agendaItemId: item, body: "Mehr Bänke am Kesselbrink" });
  const reply = await postComment(deps, other, { agendaItemId: item, body: "Ja, und Schatten", parentId: mine.id });
  await supportComment(deps, other, { commentId: mine.id });
  await submitProposal(deps, me, { liveSessionId: session.liveSessionId, kind: "new_measure", title: "Bänke", body: "Am Kesselbrink" });
  for (const p of [me, other]) {
    await castVote(deps, p, { kind: "dots", clientId: randomUUID(), agendaItemId: item, value: 2 });
    await castVote(deps, p, { kind: "rating", clientId: randomUUID(), agendaItemId: item, criterion, value: p === me ? 5 : 2 });
  }
  deps.events.length = 0;
  return { deps, session, item, me, other, mine, reply };
}

describe("deleting my data", () => {
  it("needs the confirmation, and only ever erases the actor's own identity", async () => {
    const { deps, session, me, other } = await world();
    expect(await refusal(deleteMyData(deps, me, { conferenceId: session.conferenceId }))).toBe("invalid feedback:delete.notConfirmed");
    expect(await refusal(deleteMyData(deps, me, { conferenceId: randomUUID(), confirm: "yes" }))).toBe("forbidden common:error.forbiddenText");
    expect(await refusal(deleteMyData(deps, moderator, { conferenceId: session.conferenceId, confirm: "yes" }), "code")).toBe("forbidden");
    expect((await participantRow(me.participantId))?.displayName).toBe("Aylin");
    expect(await votesOf(me)).toBe(2);
    expect(await votesOf(other)).toBe(2);
    expect(deps.events).toEqual([]);
  });

  it("in an open session deletes profile, comments, proposals and votes, and tells the screens", async () => {
    const { deps, session, item, me, other, mine, reply } = await world();
    await deleteMyData(deps, me, { conferenceId: session.conferenceId, confirm: "yes" });
    expect(await participantRow(me.participantId)).toBeUndefined();
    expect(await db().select().from(comments).where(eq(comments.id, mine.id))).toEqual([]);
    // Someone else's answer stays, as a comment of its own.
    const [kept] = await db().select().from(comments).where(eq(comments.id, reply.id));
    expect(kept).toMatchObject({ body: "Ja, und Schatten", parentId: null, participantId: other.participantId });
    expect(await db().select().from(proposals).where(eq(proposals.conferenceId, session.conferenceId))).toEqual([]);
    expect(await votesOf(other)).toBe(2);
    const [tally] = await db().select().from(itemTallies).where(eq(itemTallies.agendaItemId, item));
    expect(tally).toMatchObject({ voters: 1, dots: 2 });
    const [answers] = await db().select().from(answerTallies).where(eq(answerTallies.agendaItemId, item));
    expect(answers!.distribution).toEqual({ 2: 1 });
    expect(deps.events).toEqual([
      { type: "comment.deleted", liveSessionId: session.liveSessionId, audience: "all", commentId: mine.id },
      { type: "votes.changed", liveSessionId: session.liveSessionId, audience: "internal", agendaItemId: item },
    ]);
  });

  it("in a closed session keeps the votes as anonymous counts behind a row without profile", async () => {
    const { deps, session, me } = await world();
    await closeLiveSession(deps, moderator, { liveSessionId: session.liveSessionId });
    await deleteMyData(deps, me, { conferenceId: session.conferenceId, confirm: "yes" });
    expect(await votesOf(me)).toBe(2);
    const row = await participantRow(me.participantId);
    expect(row).toMatchObject({ displayName: null, group: null, district: null, secretHash: "" });
    expect(row!.anonymisedAt).toBeInstanceOf(Date);
    expect(await db().select().from(comments).where(eq(comments.participantId, me.participantId))).toEqual([]);
  });
});

describe("input a planner decided on", () => {
  it("stays in the public decision record, without its author", async () => {
    const { deps, session, me, mine } = await world();
    const [proposal] = await db().select().from(proposals).where(eq(proposals.participantId, me.participantId));
    const planner = await createStaff(db(), "planner");
    const reasons = [{ language: "de", text: "Wir prüfen das im Frühjahr." }];
    await decide(db(), planner, { subjects: [{ kind: "comment", commentId: mine.id }], decision: { outcome: "deferred" }, reasons });
    await decide(db(), planner, { subjects: [{ kind: "proposal", proposalId: proposal!.id }], decision: { outcome: "deferred" }, reasons });
    await deleteMyData(deps, me, { conferenceId: session.conferenceId, confirm: "yes" });
    const [comment] = await db().select().from(comments).where(eq(comments.id, mine.id));
    expect(comment).toMatchObject({ body: "Mehr Bänke am Kesselbrink", participantId: null });
    const [kept] = await db().select().from(proposals).where(eq(proposals.id, proposal!.id));
    expect(kept).toMatchObject({ title: "Bänke", participantId: null });
    expect(await participantRow(me.participantId)).toBeUndefined();
  });
});

describe("retention", () => {
  it("makes profiles anonymous the set number of months after the conference ended, not before", async () => {
    const { deps, session, me, other } = await world();
    const running = await world();
    await closeLiveSession(deps, moderator, { liveSessionId: session.liveSessionId });
    const closedAt = new Date("2026-01-15T12:00:00Z");
    await db().update(liveSessions).set({ closedAt }).where(eq(liveSessions.id, session.liveSessionId));
    const admin = await createStaff(db(), "admin");
    await setRetentionMonths(db(), admin, { participantMonths: "6" });

    await applyRetention(db(), new Date("2026-07-14T12:00:00Z"));
    expect((await participantRow(me.participantId))?.displayName).toBe("Aylin");
    await applyRetention(db(), new Date("2026-07-16T12:00:00Z"));
    for (const p of [me, other]) expect(await participantRow(p.participantId)).toMatchObject({ displayName: null, district: null, secretHash: "" });
    expect(await votesOf(me)).toBe(2);
    // A conference whose session is still open has not ended.
    expect((await participantRow(running.me.participantId))?.displayName).toBe("Aylin");
    expect(await applyRetention(db(), new Date("2026-07-16T12:00:00Z"))).toEqual({ anonymised: 0 });
  });

  it("is an admin's setting, between 1 and 120 months", async () => {
    const admin = await createStaff(db(), "admin");
    expect(await refusal(setRetentionMonths(db(), moderator, { participantMonths: 3 }), "code")).toBe("forbidden");
    expect(await refusal(setRetentionMonths(db(), admin, { participantMonths: 0 }), "code")).toBe("invalid");
    expect(await refusal(setRetentionMonths(db(), admin, { participantMonths: "viele" }), "code")).toBe("invalid");
    expect(await setRetentionMonths(db(), admin, { participantMonths: 24 })).toEqual({ participantMonths: 24 });
  });
});

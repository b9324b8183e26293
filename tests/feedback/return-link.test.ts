/**
 * A participant's personal return link and their optional address for decision mails (issue 13,
 * docs/decisions/031): the token, consent, the outbox the decide command fills, delivery with its
 * retries, and what deleting one's data and the retention rule take away; on both engines.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { StaffActor } from "../../app/auth/actor";
import { setRetentionMonths } from "../../app/auth/participant-data.server";
import { participantsFromTokens } from "../../app/auth/participants.server";
import { issueReturnLink, openReturnLink } from "../../app/auth/return-links.server";
import { decide } from "../../app/decisions/decide.server";
import { deliverDecisionMails, maxMailAttempts } from "../../app/decisions/decision-mail.server";
import { deleteMyData } from "../../app/feedback/delete-my-data.server";
import { removeNotifyEmail, setNotifyEmail } from "../../app/auth/notify-email.server";
import { postComment } from "../../app/live/comments.server";
import { submitProposal } from "../../app/live/proposals.server";
import { applyRetention } from "../../app/live/retention.server";
import { closeLiveSession } from "../../app/results/close.server";
import { setPhase } from "../../app/live/steer.server";
import { castVote } from "../../app/live/votes.server";
import type { MailMessage, Mailer } from "../../app/mail.server";
import { decisionMails, liveSessions, participants, proposals } from "../../db/schema";
import { openDemoWorld, type TestDatabase } from "../support/database";
import { createStaff, joinAs, recordingDeps, refusal, startedSession } from "../support/fixtures";

let database: TestDatabase;
let moderator: StaffActor;
let planner: StaffActor;

beforeAll(async () => {
  ({ database, moderator } = await openDemoWorld());
  planner = await createStaff(database.db, "planner");
});
afterAll(() => database.close());

const db = () => database.db;
const row = async (id: string) => (await db().select().from(participants).where(eq(participants.id, id)))[0];
const offered = { offered: true };
const reasons = [{ language: "de", text: "Wir prüfen das im Frühjahr." }];
const origin = "https://mitplan.example";

async function world() {
  const deps = recordingDeps(db());
  const session = await startedSession(deps, moderator, { measureCodes: ["540-2"] });
  const item = session.itemIds[0]!;
  await setPhase(deps, moderator, { agendaItemId: item, phase: "prioritise" });
  const me = await joinAs(deps, session.joinCode, "ar");
  const other = await joinAs(deps, session.joinCode, "de");
  return { deps, session, item, me, other };
}

/** A mailer that keeps what it was handed, or refuses while `refusing` is set. */
function recordingMailer() {
  const sent: MailMessage[] = [];
  const state = { refusing: false };
  const mailer: Mailer = {
    send: (message) => (state.refusing ? Promise.reject(Object.assign(new Error("451 try later"), { code: "EENVELOPE", responseCode: 451 })) : Promise.resolve(void sent.push(message))),
    close: () => undefined,
  };
  return { mailer, sent, state };
}

describe("the return link", () => {
  it("is a second token of the same identity, stored only as a hash", async () => {
    const { session, me } = await world();
    const { token } = await issueReturnLink(db(), me, { conferenceId: session.conferenceId });
    const secret = token.split(".")[1]!;
    expect(token.startsWith(`${me.participantId}.`)).toBe(true);
    const stored = await row(me.participantId);
    expect(stored!.returnHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(await openReturnLink(db(), token)).toEqual({ ...me, kind: "participant" });
    // The browser that opened it keeps the token in its cookie, which is then a valid identity.
    expect(await participantsFromTokens(db(), [token])).toHaveLength(1);
  });

  it("is made only by the participant, for their own conference", async () => {
    const { session, me } = await world();
    const elsewhere = await world();
    expect(await refusal(issueReturnLink(db(), me, { conferenceId: elsewhere.session.conferenceId }))).toBe("forbidden common:error.forbiddenText");
    expect(await refusal(issueReturnLink(db(), moderator, { conferenceId: session.conferenceId }), "code")).toBe("forbidden");
    expect(await refusal(issueReturnLink(db(), { kind: "anonymous" }, { conferenceId: session.conferenceId }), "code")).toBe("unauthenticated");
    expect(await refusal(issueReturnLink(db(), me, { conferenceId: "nope" }), "code")).toBe("invalid");
    expect((await row(me.participantId))!.returnHash).toBeNull();
  });

  it("opens nothing when malformed, forged or replaced by a newer link", async () => {
    const { session, me } = await world();
    const first = await issueReturnLink(db(), me, { conferenceId: session.conferenceId });
    const second = await issueReturnLink(db(), me, { conferenceId: session.conferenceId });
    expect(await openReturnLink(db(), first.token)).toBeNull();
    expect(await openReturnLink(db(), second.token)).not.toBeNull();
    expect(await openReturnLink(db(), `${me.participantId}.${"a".repeat(32)}`)).toBeNull();
    expect(await openReturnLink(db(), "not-a-token")).toBeNull();
    expect(await openReturnLink(db(), `${randomUUID()}.${second.token.split(".")[1]}`)).toBeNull();
  });

  it("is revoked by deleting one's data", async () => {
    const { deps, session, me } = await world();
    const { token } = await issueReturnLink(db(), me, { conferenceId: session.conferenceId });
    await deleteMyData(deps, me, { conferenceId: session.conferenceId, confirm: "yes" });
    expect(await openReturnLink(db(), token)).toBeNull();
  });
});

describe("the address for decision mails", () => {
  it("needs a valid address and the consent box, and is only taken when mail is offered", async () => {
    const { session, me, other } = await world();
    const conferenceId = session.conferenceId;
    expect(await refusal(setNotifyEmail(db(), me, { conferenceId, email: "a@example.org" }, offered))).toBe("invalid feedback:notify.consentRequired");
    expect(await refusal(setNotifyEmail(db(), me, { conferenceId, email: "kein-at", consent: "yes" }, offered))).toBe("invalid feedback:notify.invalidEmail");
    expect(await refusal(setNotifyEmail(db(), me, { conferenceId, email: "a@example.org", consent: "yes" }, { offered: false }))).toBe(
      "conflict feedback:notify.notOffered",
    );
    expect(await refusal(setNotifyEmail(db(), moderator, { conferenceId, email: "a@example.org", consent: "yes" }, offered), "code")).toBe("forbidden");
    expect((await row(me.participantId))!.notifyEmail).toBeNull();

    await setNotifyEmail(db(), me, { conferenceId, email: "  leyla@example.org ", consent: "yes" }, offered);
    expect(await row(me.participantId)).toMatchObject({ notifyEmail: "leyla@example.org", notifyConsentedAt: expect.any(Date) });
    expect((await row(other.participantId))!.notifyEmail).toBeNull();
    await removeNotifyEmail(db(), me, { conferenceId });
    expect(await row(me.participantId)).toMatchObject({ notifyEmail: null, notifyConsentedAt: null });
  });

  it("goes, with the return link, when the retention rule makes the profiles anonymous", async () => {
    const { deps, session, me } = await world();
    await issueReturnLink(db(), me, { conferenceId: session.conferenceId });
    await setNotifyEmail(db(), me, { conferenceId: session.conferenceId, email: "leyla@example.org", consent: "yes" }, offered);
    await castVote(deps, me, { kind: "dots", clientId: randomUUID(), agendaItemId: session.itemIds[0]!, value: 1 });
    await closeLiveSession(deps, moderator, { liveSessionId: session.liveSessionId });
    await db().update(liveSessions).set({ closedAt: new Date("2020-01-01T00:00:00Z") }).where(eq(liveSessions.id, session.liveSessionId));
    await setRetentionMonths(db(), await createStaff(db(), "admin"), { participantMonths: "1" });
    await applyRetention(db(), new Date("2020-03-01T00:00:00Z"));
    expect(await row(me.participantId)).toMatchObject({ returnHash: null, notifyEmail: null, notifyConsentedAt: null });
  });
});

describe("decision mails", () => {
  it("are queued in the decide transaction for the participants with an address whose input it answers, once each", async () => {
    const { deps, session, item, me, other } = await world();
    const conferenceId = session.conferenceId;
    await setNotifyEmail(db(), me, { conferenceId, email: "leyla@example.org", consent: "yes" }, offered);
    const mine = await postComment(deps, me, { agendaItemId: item, body: "Mehr Bänke" });
    const theirs = await postComment(deps, other, { agendaItemId: item, body: "Mehr Schatten" });
    await submitProposal(deps, me, { liveSessionId: session.liveSessionId, kind: "new_measure", title: "Bänke", body: "Am Kesselbrink" });
    const [proposal] = await db().select().from(proposals).where(eq(proposals.participantId, me.participantId));

    // Without the site's address (the demo data, tests of other rooms) nothing is queued.
    await decide(db(), planner, { subjects: [{ kind: "comment", commentId: theirs.id }], decision: { outcome: "deferred" }, reasons }, { mailOrigin: origin });
    await decide(db(), planner, { subjects: [{ kind: "comment", commentId: mine.id }], decision: { outcome: "deferred" }, reasons });
    expect(await db().select().from(decisionMails).where(eq(decisionMails.participantId, me.participantId))).toEqual([]);

    // Two inputs of hers in one decision: one mail.
    const both = await decide(
      db(),
      planner,
      { subjects: [{ kind: "proposal", proposalId: proposal!.id }, { kind: "comment", commentId: mine.id }], decision: { outcome: "declined" }, reasons },
      { mailOrigin: origin },
    );
    const queued = await db().select().from(decisionMails);
    expect(queued.filter((m) => m.participantId === me.participantId)).toEqual([
      expect.objectContaining({ decisionId: expect.toBeOneOf(both.decisionIds), origin, attempts: 0, doneAt: null }),
    ]);
    expect(queued.filter((m) => m.participantId === other.participantId)).toEqual([]);
  });

  it("reach the voters of a decided result; a refused send is retried and the decision stays", async () => {
    const { deps, session, item, me, other } = await world();
    await setNotifyEmail(db(), me, { conferenceId: session.conferenceId, email: "leyla@example.org", consent: "yes" }, offered);
    await setNotifyEmail(db(), other, { conferenceId: session.conferenceId, email: "jonas@example.org", consent: "yes" }, offered);
    await castVote(deps, me, { kind: "dots", clientId: randomUUID(), agendaItemId: item, value: 2 });
    await closeLiveSession(deps, moderator, { liveSessionId: session.liveSessionId });
    const { mailer, sent, state } = recordingMailer();
    await deliverDecisionMails(db(), mailer); // whatever earlier tests left queued
    sent.length = 0;

    const { decisionIds } = await decide(db(), planner, { subjects: [{ kind: "result", agendaItemId: item }], decision: { outcome: "deferred" }, reasons }, { mailOrigin: origin });
    state.refusing = true;
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(await deliverDecisionMails(db(), mailer)).toEqual({ sent: 0, skipped: 0, failed: 1 });
    expect(logged.mock.calls.flat().join(" ")).toContain("EENVELOPE 451");
    expect(logged.mock.calls.flat().join(" ")).not.toContain("leyla@example.org");
    logged.mockRestore();
    const [waiting] = await db().select().from(decisionMails).where(eq(decisionMails.decisionId, decisionIds[0]!));
    expect(waiting).toMatchObject({ participantId: me.participantId, attempts: 1, doneAt: null, lastError: "EENVELOPE 451" });
    // Not due again at once: the pause grows with each attempt.
    state.refusing = false;
    expect(await deliverDecisionMails(db(), mailer)).toEqual({ sent: 0, skipped: 0, failed: 0 });
    await db().update(decisionMails).set({ claimedUntil: new Date(Date.now() - 1000) }).where(eq(decisionMails.id, waiting!.id));
    expect(await deliverDecisionMails(db(), mailer)).toEqual({ sent: 1, skipped: 0, failed: 0 });
    expect(sent).toEqual([expect.objectContaining({ to: "leyla@example.org", language: "ar" })]);
    expect(sent[0]!.text).toContain(`${origin}/my-input`);
    // Only she voted; he, with an address but no input on it, gets nothing.
    expect(await db().select().from(decisionMails).where(eq(decisionMails.participantId, other.participantId))).toEqual([]);
  });

  it("are not sent once the address was taken back or the data deleted, and stop after the last attempt", async () => {
    const { deps, session, item, me, other } = await world();
    const conferenceId = session.conferenceId;
    for (const [p, email] of [[me, "leyla@example.org"], [other, "jonas@example.org"]] as const) {
      await setNotifyEmail(db(), p, { conferenceId, email, consent: "yes" }, offered);
    }
    const mine = await postComment(deps, me, { agendaItemId: item, body: "Mehr Bänke" });
    const theirs = await postComment(deps, other, { agendaItemId: item, body: "Mehr Schatten" });
    const { mailer, sent, state } = recordingMailer();
    await deliverDecisionMails(db(), mailer);
    sent.length = 0;
    await decide(db(), planner, { subjects: [{ kind: "comment", commentId: mine.id }], decision: { outcome: "deferred" }, reasons }, { mailOrigin: origin });
    await decide(db(), planner, { subjects: [{ kind: "comment", commentId: theirs.id }], decision: { outcome: "deferred" }, reasons }, { mailOrigin: origin });
    await removeNotifyEmail(db(), me, { conferenceId });
    await deleteMyData(deps, other, { conferenceId, confirm: "yes" });
    expect(await deliverDecisionMails(db(), mailer)).toEqual({ sent: 0, skipped: 1, failed: 0 });
    expect(sent).toEqual([]);
    expect(await db().select().from(decisionMails).where(eq(decisionMails.participantId, other.participantId))).toEqual([]);

    await setNotifyEmail(db(), me, { conferenceId, email: "leyla@example.org", consent: "yes" }, offered);
    await decide(db(), planner, { subjects: [{ kind: "comment", commentId: mine.id }], decision: { outcome: "declined" }, reasons }, { mailOrigin: origin });
    state.refusing = true;
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    for (let attempt = 1; attempt <= maxMailAttempts; attempt++) {
      expect(await deliverDecisionMails(db(), mailer)).toEqual({ sent: 0, skipped: 0, failed: 1 });
      await db().update(decisionMails).set({ claimedUntil: new Date(Date.now() - 1000) }).where(eq(decisionMails.participantId, me.participantId));
    }
    logged.mockRestore();
    state.refusing = false;
    expect(await deliverDecisionMails(db(), mailer)).toEqual({ sent: 0, skipped: 0, failed: 0 });
  });
});

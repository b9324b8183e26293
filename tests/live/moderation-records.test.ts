/** What moderators need of a hidden or merged entry: who hid it and why, and only within their own session. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../../app/auth/actor";
import { moderateComment, postComment } from "../../app/live/comments.server";
import { moderateProposal, submitProposal } from "../../app/live/proposals.server";
import { openDemoWorld, type TestDatabase } from "../support/database";
import { joinAs, recordingDeps, startedSession, refusal } from "../support/fixtures";

let database: TestDatabase;
let moderator: StaffActor;

beforeAll(async () => ({ database, moderator } = await openDemoWorld()));
afterAll(() => database.close());

const refused = (promise: Promise<unknown>) => refusal(promise, "code");

describe("moderation records", () => {
  it("tells moderators who hid a comment or a proposal", async () => {
    const deps = recordingDeps(database.db);
    const session = await startedSession(deps, moderator);
    const participant = await joinAs(deps, session.joinCode);
    const comment = await postComment(deps, participant, { agendaItemId: session.itemIds[0], body: "Zu laut" });
    const hidden = await moderateComment(deps, moderator, {
      action: "hide",
      commentId: comment.id,
      reason: "Beleidigend",
    });
    expect(hidden.hidden).toMatchObject({ reason: "Beleidigend", by: moderator.displayName });
    const proposal = await submitProposal(deps, participant, {
      liveSessionId: session.liveSessionId,
      kind: "new_measure",
      title: "Sprachcafé",
      body: "Für Eltern",
    });
    const hiddenProposal = await moderateProposal(
      deps,
      moderator,
      { action: "hide", proposalId: proposal.id, reason: "Doppelt" },
      session.liveSessionId,
    );
    expect(hiddenProposal.hidden).toMatchObject({ reason: "Doppelt", by: moderator.displayName });
  });

  it("moderates a proposal only through a session of its own conference", async () => {
    const deps = recordingDeps(database.db);
    const mine = await startedSession(deps, moderator);
    const other = await startedSession(deps, moderator);
    const participant = await joinAs(deps, mine.joinCode);
    const proposal = await submitProposal(deps, participant, {
      liveSessionId: mine.liveSessionId,
      kind: "new_measure",
      title: "Sprachcafé",
      body: "Für Eltern",
    });
    const before = deps.events.length;
    expect(
      await refused(
        moderateProposal(
          deps,
          moderator,
          { action: "hide", proposalId: proposal.id, reason: "x" },
          other.liveSessionId,
        ),
      ),
    ).toBe("not_found");
    expect(
      await refused(moderateProposal(deps, moderator, { action: "unhide", proposalId: proposal.id }, "kein-uuid")),
    ).toBe("not_found");
    expect(deps.events.length).toBe(before);
  });
});

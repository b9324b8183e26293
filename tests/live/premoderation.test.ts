import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ParticipantActor, StaffActor } from "../../app/auth/actor";
import { moderateComment, postComment, supportComment } from "../../app/live/comments.server";
import { applyLiveEvent } from "../../app/live/apply-event";
import type { LiveEvent } from "../../app/live/events";
import { commentAudience } from "../../app/live/rules";
import { getLiveState } from "../../app/live/state.server";
import { updateItemSettings } from "../../app/live/steer.server";
import { computeItemResult } from "../../app/live/results.server";
import { loadItem } from "../../app/live/items.server";
import { comments } from "../../db/schema";
import { openDemoWorld, type TestDatabase } from "../support/database";
import { joinAs, recordingDeps, refusal, startedSession } from "../support/fixtures";

let database: TestDatabase;
let moderator: StaffActor;

beforeAll(async () => ({ database, moderator } = await openDemoWorld()));
afterAll(() => database.close());

async function premoderatedRoom() {
  const deps = recordingDeps(database.db);
  const session = await startedSession(deps, moderator, { measureCodes: ["540-2"] });
  const item = session.itemIds[0]!;
  const amal = await joinAs(deps, session.joinCode, "ar");
  const ben = await joinAs(deps, session.joinCode, "en");
  const switched = await updateItemSettings(deps, moderator, { agendaItemId: item, commentsPremoderated: true });
  expect(switched.commentsPremoderated).toBe(true);
  deps.events.length = 0;
  return { deps, session, item, amal, ben };
}

const ids = (list: { id: string }[]) => list.map((c) => c.id);
const audiences = (events: LiveEvent[]) =>
  events.map((e) => `${e.type} ${e.audience}${"authorId" in e ? ` ${e.authorId.slice(0, 4)}` : ""}`);

describe("pre-moderation of an item's comments", () => {
  it("keeps a new comment with its author and the moderators until a moderator approves it", async () => {
    const { deps, session, item, amal, ben } = await premoderatedRoom();
    const posted = await postComment(deps, amal, { agendaItemId: item, body: "Mehr Schatten am Spielplatz" });
    expect(posted.awaitingApproval).toBe(true);
    expect(audiences(deps.events)).toEqual(["comment.added moderators", `comment.added author ${amal.participantId.slice(0, 4)}`]);

    const state = (actor: ParticipantActor | StaffActor) => getLiveState(database.db, actor, session.liveSessionId);
    expect(ids((await state(amal)).comments)).toEqual([posted.id]);
    expect(ids((await state(ben)).comments)).toEqual([]);
    expect(ids((await state(moderator)).comments)).toEqual([posted.id]);
    // Nobody can support or answer what they cannot see; the result does not count it yet.
    expect(await refusal(supportComment(deps, ben, { commentId: posted.id }))).toBe("conflict live:error.commentNotPublic");
    expect(await refusal(postComment(deps, ben, { agendaItemId: item, body: "Ja!", parentId: posted.id }), "code")).toBe("not_found");
    expect((await computeItemResult(database.db, (await loadItem(database.db, item))!, session.liveSessionId)).commentCount).toBe(0);

    deps.events.length = 0;
    const approved = await moderateComment(deps, moderator, { action: "approve", commentId: posted.id });
    expect(approved.awaitingApproval).toBe(false);
    expect(audiences(deps.events)).toEqual(["comment.updated moderators", "comment.added all"]);
    expect(ids((await state(ben)).comments)).toEqual([posted.id]);
    expect((await supportComment(deps, ben, { commentId: posted.id })).supportCount).toBe(1);
  });

  it("takes a rejected comment (hidden with a reason) off its author's screens, and tells nobody else", async () => {
    const { deps, session, item, amal, ben } = await premoderatedRoom();
    const posted = await postComment(deps, amal, { agendaItemId: item, body: "Kauft Uhren!" });
    deps.events.length = 0;
    await moderateComment(deps, moderator, { action: "hide", commentId: posted.id, reason: "Werbung" });
    expect(audiences(deps.events)).toEqual(["comment.updated moderators", `comment.removed author ${amal.participantId.slice(0, 4)}`]);
    expect(ids((await getLiveState(database.db, amal, session.liveSessionId)).comments)).toEqual([]);
    expect(ids((await getLiveState(database.db, ben, session.liveSessionId)).comments)).toEqual([]);
  });

  it("lets comments through at once when switched off, and leaves those waiting to the moderator", async () => {
    const { deps, item, amal } = await premoderatedRoom();
    const waiting = await postComment(deps, amal, { agendaItemId: item, body: "Erster" });
    await updateItemSettings(deps, moderator, { agendaItemId: item, commentsPremoderated: false });
    deps.events.length = 0;
    const direct = await postComment(deps, amal, { agendaItemId: item, body: "Zweiter" });
    expect(direct.awaitingApproval).toBe(false);
    expect(audiences(deps.events)).toEqual(["comment.added all"]);
    const [row] = await database.db.select({ waiting: comments.awaitingApproval }).from(comments).where(eq(comments.id, waiting.id));
    expect(row!.waiting).toBe(true);
  });

  it("refuses a participant's switch and an approval by a participant, changing nothing", async () => {
    const { deps, item, amal } = await premoderatedRoom();
    const posted = await postComment(deps, amal, { agendaItemId: item, body: "Hallo" });
    deps.events.length = 0;
    expect(await refusal(updateItemSettings(deps, amal, { agendaItemId: item, commentsPremoderated: false }), "code")).toBe("forbidden");
    expect(await refusal(moderateComment(deps, amal, { action: "approve", commentId: posted.id }), "code")).toBe("forbidden");
    expect(await refusal(updateItemSettings(deps, moderator, { agendaItemId: item, commentsPremoderated: "yes" }), "code")).toBe("invalid");
    expect(deps.events).toEqual([]);
    expect((await loadItem(database.db, item))!.commentsPremoderated).toBe(true);
  });

  it("has one rule: the SQL read, the rule and the screens' reducer agree on every kind of comment", async () => {
    const { deps, session, item, amal, ben } = await premoderatedRoom();
    const waiting = await postComment(deps, amal, { agendaItemId: item, body: "wartet" });
    const rejected = await postComment(deps, amal, { agendaItemId: item, body: "abgelehnt" });
    await moderateComment(deps, moderator, { action: "hide", commentId: rejected.id, reason: "Beleidigung" });
    const approved = await postComment(deps, ben, { agendaItemId: item, body: "freigegeben" });
    await moderateComment(deps, moderator, { action: "approve", commentId: approved.id });
    const othersWaiting = await postComment(deps, ben, { agendaItemId: item, body: "wartet auch" });
    const everything = (await getLiveState(database.db, moderator, session.liveSessionId)).comments;
    expect(everything).toHaveLength(4);
    for (const reader of [amal, ben]) {
      const state = await getLiveState(database.db, reader, session.liveSessionId);
      const byRule = everything.filter((c) => {
        const audience = commentAudience(c);
        const own = [waiting.id, rejected.id].includes(c.id) ? reader === amal : c.id === othersWaiting.id ? reader === ben : false;
        return audience === "all" || (audience === "author" && own);
      });
      expect(ids(state.comments).sort()).toEqual(ids(byRule).sort());
      // The reducer, handed every moderator's view as an update, drops what the rule keeps from participants.
      const reduced = everything.reduce(
        (s, comment) => applyLiveEvent(s, { type: "comment.updated", liveSessionId: session.liveSessionId, audience: "moderators", comment }),
        state,
      );
      expect(ids(reduced.comments).sort()).toEqual(ids(byRule).sort());
    }
  });
});

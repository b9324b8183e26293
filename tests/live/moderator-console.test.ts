/**
 * Steering a running session from the console, as plain form posts without JavaScript: phases
 * and settings, moderating comments and proposals, paper votes, the current item, closing.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postComment } from "../../app/live/comments.server";
import type { LiveDeps } from "../../app/live/events";
import { submitProposal } from "../../app/live/proposals.server";
import { getLiveState } from "../../app/live/state.server";
import { comments, proposals, votes } from "../../db/schema";
import deConferences from "../../locales/de/conferences.json";
import { startedSession } from "../support/fixtures";
import { startTestServer, type TestServer } from "../support/server";
import { client, joinedParticipant, signedInStaff, staffActorOf } from "../support/page-client";

let server: TestServer;
let moderator: Awaited<ReturnType<typeof signedInStaff>>;
let browser: ReturnType<typeof client>;
let deps: LiveDeps;
const ids = { conference: "", session: "", items: [] as string[], code: "" };

beforeAll(async () => {
  server = await startTestServer();
  deps = { db: server.database.db, publish: () => {} };
  moderator = await signedInStaff(server);
  browser = client(server, moderator.cookie);
  // 540-2 (dots, rating on the four criteria), 510-2, then "Was fehlt?"; 540-2 is current.
  const session = await startedSession(deps, staffActorOf(moderator));
  Object.assign(ids, {
    conference: session.conferenceId,
    session: session.liveSessionId,
    items: session.itemIds,
    code: session.joinCode,
  });
});
afterAll(() => server.close());

const consolePath = () => `/live/${ids.session}/console`;
const state = () => getLiveState(server.database.db, staffActorOf(moderator), ids.session);

describe("a moderator at the console without JavaScript", () => {
  it("shows the current item on the console and changes its phase and settings", async () => {
    const page = await browser.get(consolePath());
    expect(page.status).toBe(200);
    expect(page.html).toContain("540-2");
    expect(page.html).toContain(deConferences.console.currentHeading);

    const phase = await browser.post(consolePath(), {
      intent: "phase",
      agendaItemId: ids.items[0]!,
      phase: "prioritise",
    });
    expect(phase.status).toBe(200);
    let current = (await state()).items[0]!;
    expect(current).toMatchObject({ phase: "prioritise", votingState: "open", resultsVisible: false });

    await browser.post(consolePath(), { intent: "settings", agendaItemId: ids.items[0]!, resultsVisible: "true" });
    await browser.post(consolePath(), { intent: "settings", agendaItemId: ids.items[0]!, commentsOpen: "false" });
    current = (await state()).items[0]!;
    expect(current).toMatchObject({
      phase: "prioritise",
      votingState: "open",
      resultsVisible: true,
      commentsOpen: false,
    });
    await browser.post(consolePath(), { intent: "phase", agendaItemId: ids.items[0]!, phase: "discuss" });
    expect((await state()).items[0]).toMatchObject({ phase: "discuss", commentsOpen: true, votingState: "closed" });
  });

  it("hides a comment only with a reason, and shows who hid it and why", async () => {
    const participant = await joinedParticipant(deps, ids.code);
    const first = await postComment(deps, participant.actor, {
      agendaItemId: ids.items[0]!,
      body: "Mehr Angebote im Quartier!",
    });
    const second = await postComment(deps, participant.actor, {
      agendaItemId: ids.items[0]!,
      body: "Mehr Angebote im Stadtteil",
    });

    const refused = await browser.post(consolePath(), {
      intent: "comment",
      formId: `hide-${first.id}`,
      action: "hide",
      commentId: first.id,
      reason: " ",
    });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain("Bitte geben Sie einen Grund an.");
    const [untouched] = await server.database.db.select().from(comments).where(eq(comments.id, first.id));
    expect(untouched!.hiddenAt).toBeNull();

    const hidden = await browser.post(consolePath(), {
      intent: "comment",
      action: "hide",
      commentId: first.id,
      reason: "Beleidigend",
    });
    expect(hidden.status).toBe(200);
    const [row] = await server.database.db.select().from(comments).where(eq(comments.id, first.id));
    expect(row).toMatchObject({ hiddenReason: "Beleidigend", hiddenBy: moderator.userId });
    const page = await browser.get(consolePath());
    expect(page.html).toContain("Mehr Angebote im Quartier!");
    expect(page.html).toContain(`Von ${moderator.displayName} um`);
    expect(page.html).toContain("Beleidigend");

    await browser.post(consolePath(), { intent: "comment", action: "unhide", commentId: first.id });
    await browser.post(consolePath(), { intent: "comment", action: "pin", commentId: first.id });
    await browser.post(consolePath(), { intent: "comment", action: "flag", commentId: first.id });
    await browser.post(consolePath(), {
      intent: "comment",
      action: "merge",
      commentId: second.id,
      intoCommentId: first.id,
    });
    const [a] = await server.database.db.select().from(comments).where(eq(comments.id, first.id));
    const [b] = await server.database.db.select().from(comments).where(eq(comments.id, second.id));
    expect(a).toMatchObject({ hiddenAt: null, pinned: true, flaggedRelevant: true });
    expect(b!.mergedIntoId).toBe(first.id);
  });

  it("hides and merges proposals", async () => {
    const participant = await joinedParticipant(deps, ids.code, "ar");
    const base = { liveSessionId: ids.session, kind: "new_measure", body: "Sprachcafé für Eltern" };
    const one = await submitProposal(deps, participant.actor, { ...base, title: "Sprachcafé" });
    const two = await submitProposal(deps, participant.actor, { ...base, title: "Sprachcafé (doppelt)" });
    expect(
      (await browser.post(consolePath(), { intent: "proposal", action: "hide", proposalId: one.id, reason: "" }))
        .status,
    ).toBe(400);
    expect(
      (
        await browser.post(consolePath(), {
          intent: "proposal",
          action: "merge",
          proposalId: two.id,
          intoProposalId: one.id,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await browser.post(consolePath(), {
          intent: "proposal",
          action: "hide",
          proposalId: one.id,
          reason: "Kein Bezug",
        })
      ).status,
    ).toBe(200);
    const rows = await server.database.db.select().from(proposals).where(eq(proposals.conferenceId, ids.conference));
    expect(rows.find((p) => p.id === one.id)).toMatchObject({ hiddenReason: "Kein Bezug" });
    expect(rows.find((p) => p.id === two.id)!.mergedIntoId).toBe(one.id);
    expect((await browser.get(consolePath())).html).toContain("Sprachcafé (doppelt)");
  });

  it("enters paper votes once, even when the form is sent twice", async () => {
    const page = await browser.get(consolePath());
    const clientId = /name="clientId" value="([^"]+)"/.exec(page.html)?.[1];
    expect(clientId).toBeTruthy();
    const form = {
      intent: "paper",
      agendaItemId: ids.items[0]!,
      clientId: clientId!,
      kind: "dots",
      value: "4",
      weight: "1",
    };
    expect((await browser.post(consolePath(), form)).status).toBe(200);
    expect((await browser.post(consolePath(), form)).status).toBe(200);
    const rating = {
      intent: "paper",
      agendaItemId: ids.items[0]!,
      kind: "rating",
      criterion: "urgency",
      value: "4",
      weight: "7",
    };
    expect((await browser.post(consolePath(), rating)).status).toBe(200);
    const paper = await server.database.db
      .select()
      .from(votes)
      .where(and(eq(votes.agendaItemId, ids.items[0]!), eq(votes.source, "paper")));
    expect(paper.map((v) => [v.kind, v.value, v.weight]).sort()).toEqual([
      ["dots", 4, 1],
      ["rating", 4, 7],
    ]);
    const result = await browser.get(consolePath());
    expect(result.html).toContain("4 Punkte, davon 4 auf Papier");
    expect(result.html).toContain("Dringlichkeit");
  });

  it("makes another item current", async () => {
    expect((await browser.post(consolePath(), { intent: "current", agendaItemId: ids.items[1]! })).status).toBe(200);
    expect((await state()).liveSession.currentAgendaItemId).toBe(ids.items[1]);
  });

  it("closes the session only after a confirmation", async () => {
    const unconfirmed = await browser.post(consolePath(), { intent: "close", formId: "close" });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.html).toContain("Bitte bestätigen Sie, dass Sie die Sitzung beenden wollen.");
    expect((await state()).liveSession.status).toBe("live");
    expect((await browser.post(consolePath(), { intent: "close", confirm: "yes" })).status).toBe(200);
    expect((await state()).liveSession.status).toBe("closed");
    expect((await browser.get(consolePath())).html).toContain("Diese Sitzung ist beendet.");
  });
});

/**
 * A phone on bad Wi-Fi re-sends what it did not get an answer for. Comments and proposals carry
 * the client's id like votes do, so a second delivery is stored and announced once.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../../app/auth/actor";
import { postComment } from "../../app/live/comments.server";
import { submitProposal } from "../../app/live/proposals.server";
import { comments, proposals } from "../../db/schema";
import { openDemoWorld, type TestDatabase } from "../support/database";
import { joinAs, recordingDeps, startedSession } from "../support/fixtures";

let database: TestDatabase;
let moderator: StaffActor;

beforeAll(async () => ({ database, moderator } = await openDemoWorld()));
afterAll(() => database.close());

describe("re-sent input", () => {
  it("stores a comment sent twice, even at the same moment, once and announces it once", async () => {
    const deps = recordingDeps(database.db);
    const session = await startedSession(deps, moderator);
    const participant = await joinAs(deps, session.joinCode);
    const comment = { agendaItemId: session.itemIds[0]!, body: "Öffnungszeiten am Abend", clientId: "phone1-c" };

    const [first, second] = await Promise.all([postComment(deps, participant, comment), postComment(deps, participant, comment)]);
    const third = await postComment(deps, participant, comment);

    expect(second.id).toBe(first.id);
    expect(third.id).toBe(first.id);
    const stored = await database.db.select().from(comments).where(eq(comments.agendaItemId, session.itemIds[0]!));
    expect(stored).toHaveLength(1);
    expect(deps.events.filter((e) => e.type === "comment.added")).toHaveLength(1);
  });

  it("keeps two comments apart when they differ in client id or in author", async () => {
    const deps = recordingDeps(database.db);
    const session = await startedSession(deps, moderator);
    const [anna, bilal] = [await joinAs(deps, session.joinCode), await joinAs(deps, session.joinCode, "ar")];
    const agendaItemId = session.itemIds[0]!;

    await postComment(deps, anna, { agendaItemId, body: "Mehr Sprachkurse", clientId: "same-id-1" });
    await postComment(deps, bilal, { agendaItemId, body: "دورات لغة أكثر", clientId: "same-id-1" });
    await postComment(deps, anna, { agendaItemId, body: "Mehr Sprachkurse", clientId: "other-id-2" });
    await postComment(deps, anna, { agendaItemId, body: "Ohne Kennung" });

    const stored = await database.db.select().from(comments).where(eq(comments.agendaItemId, agendaItemId));
    expect(stored).toHaveLength(4);
  });

  it("stores a proposal sent twice once and tells the moderators once", async () => {
    const deps = recordingDeps(database.db);
    const session = await startedSession(deps, moderator);
    const participant = await joinAs(deps, session.joinCode);
    const proposal = {
      liveSessionId: session.liveSessionId,
      kind: "new_measure",
      title: "Sprachcafé im Stadtteil",
      body: "Ein offener Treffpunkt zum Deutschüben.",
      clientId: "phone1-p",
    };

    const first = await submitProposal(deps, participant, proposal);
    const second = await submitProposal(deps, participant, proposal);

    expect(second.id).toBe(first.id);
    const stored = await database.db.select().from(proposals).where(eq(proposals.conferenceId, session.conferenceId));
    expect(stored).toHaveLength(1);
    expect(deps.events.filter((e) => e.type === "proposal.added")).toHaveLength(1);
  });

  it("refuses a malformed client id and stores nothing", async () => {
    const deps = recordingDeps(database.db);
    const session = await startedSession(deps, moderator);
    const participant = await joinAs(deps, session.joinCode);
    const agendaItemId = session.itemIds[0]!;

    await expect(postComment(deps, participant, { agendaItemId, body: "Hallo", clientId: "<script>" })).rejects.toMatchObject({
      code: "invalid",
      fields: { clientId: expect.any(String) },
    });
    expect(await database.db.select().from(comments).where(eq(comments.agendaItemId, agendaItemId))).toHaveLength(0);
  });
});

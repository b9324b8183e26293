import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../../app/auth/actor";
import { createConference } from "../../app/conferences/conferences.server";
import { postComment } from "../../app/live/comments.server";
import type { LiveEvent } from "../../app/live/events";
import { submitProposal } from "../../app/live/proposals.server";
import { defaultActivities } from "../../app/live/agenda-entries.server";
import { addAgendaItems, createLiveSession, moveAgendaItem, removeAgendaItem, updateActivities } from "../../app/live/setup.server";
import { closeLiveSession } from "../../app/results/close.server";
import { setCurrentItem, setPhase, updateItemSettings } from "../../app/live/steer.server";
import { agendaItems } from "../../db/schema";
import { openDemoWorld, type TestDatabase } from "../support/database";
import { joinAs, recordingDeps, startedSession, refusal } from "../support/fixtures";

let database: TestDatabase;
let moderator: StaffActor;

beforeAll(async () => ({ database, moderator } = await openDemoWorld()));
afterAll(() => database.close());

const refused = (promise: Promise<unknown>) => refusal(promise, "messageKey");

/** What a published event tells whom, in a form that is easy to compare. */
const summary = (event: LiveEvent) => {
  if (event.type === "agendaItem.updated") {
    return { type: event.type, audience: event.audience, id: event.item.id, position: event.item.position };
  }
  if (event.type === "agendaItem.removed") return { type: event.type, audience: event.audience, id: event.agendaItemId };
  return { type: event.type, audience: event.audience };
};

async function positions(liveSessionId: string) {
  const rows = await database.db
    .select({ id: agendaItems.id, position: agendaItems.position })
    .from(agendaItems)
    .where(eq(agendaItems.liveSessionId, liveSessionId))
    .orderBy(agendaItems.position);
  return rows;
}

/** A live session whose first item (540-2) is current; then 510-2 and the question "Was fehlt?". */
async function liveSession() {
  const deps = recordingDeps(database.db);
  const session = await startedSession(deps, moderator);
  deps.events.length = 0;
  return { deps, ...session, itemIds: session.itemIds as [string, string, string] };
}

describe("adding agenda items", () => {
  it("tells the moderators of a draft session about every new item, with its content and position", async () => {
    const deps = recordingDeps(database.db);
    const conference = await createConference(database.db, moderator, {
      planSlug: "ziele-und-massnahmen-2022-2023",
      kind: "workshop",
      title: "Werkstatt Brackwede",
      startsAt: "2026-12-02T17:00:00Z",
      place: null,
      district: "Brackwede",
      languages: ["de"],
    });
    const { id } = await createLiveSession(database.db, moderator, { conferenceId: conference.id, title: "Entwurf", dotsPerParticipant: 5 });
    const { ids } = await addAgendaItems(deps, moderator, {
      liveSessionId: id,
      entries: [
        { kind: "measure", measureCode: "540-2" },
        { kind: "question", question: "Was fehlt?" },
      ],
    });
    expect(deps.events.map(summary)).toEqual([
      { type: "agendaItem.updated", audience: "moderators", id: ids[0], position: 0 },
      { type: "agendaItem.updated", audience: "moderators", id: ids[1], position: 1 },
    ]);
    const [measure, question] = deps.events as Extract<LiveEvent, { type: "agendaItem.updated" }>[];
    expect(measure!.item.measure?.code).toBe("540-2");
    expect(question!.item).toMatchObject({ kind: "question", question: "Was fehlt?", activities: defaultActivities("question") });
  });

  it("keeps a question added mid-session from the participants until it becomes current", async () => {
    const { deps, liveSessionId, itemIds } = await liveSession();
    const { ids } = await addAgendaItems(deps, moderator, { liveSessionId, entries: [{ kind: "question", question: "Wer fehlt?" }] });
    expect(deps.events.map(summary)).toEqual([{ type: "agendaItem.updated", audience: "moderators", id: ids[0], position: 3 }]);

    deps.events.length = 0;
    await setCurrentItem(deps, moderator, { liveSessionId, agendaItemId: ids[0] });
    expect(deps.events.map(summary)).toEqual([{ type: "liveSession.currentItem", audience: "all" }]);
    expect(itemIds).not.toContain(ids[0]);
  });

  it("refuses bad input and a closed session, and publishes nothing", async () => {
    const { deps, liveSessionId } = await liveSession();
    expect(await refused(addAgendaItems(deps, moderator, { liveSessionId, entries: [{ kind: "question", question: "  " }] }))).toBe(
      "common:validation.invalid",
    );
    await closeLiveSession(deps, moderator, { liveSessionId });
    deps.events.length = 0;
    expect(await refused(addAgendaItems(deps, moderator, { liveSessionId, entries: [{ kind: "question", question: "Zu spät?" }] }))).toBe(
      "live:error.sessionClosed",
    );
    expect(deps.events).toEqual([]);
  });
});

describe("changing an item's activities", () => {
  const withDots = { ...defaultActivities("question"), dots: { maxPerItem: 2 } };

  it("reaches everybody for the current item, and only the moderators for an item still to come", async () => {
    const { deps, itemIds } = await liveSession();
    const [current, later] = itemIds;
    await updateActivities(deps, moderator, { agendaItemId: current, activities: withDots });
    await updateActivities(deps, moderator, { agendaItemId: later, activities: withDots });
    expect(deps.events.map(summary)).toEqual([
      { type: "agendaItem.updated", audience: "all", id: current, position: 0 },
      { type: "agendaItem.updated", audience: "moderators", id: later, position: 1 },
    ]);
    for (const event of deps.events) {
      expect(event.type === "agendaItem.updated" && event.item.activities).toEqual(withDots);
    }
  });

  it("reaches everybody for an item whose results are revealed", async () => {
    const { deps, itemIds } = await liveSession();
    const revealed = itemIds[1];
    await updateItemSettings(deps, moderator, { agendaItemId: revealed, resultsVisible: true });
    deps.events.length = 0;
    await updateActivities(deps, moderator, { agendaItemId: revealed, activities: withDots });
    expect(deps.events.map(summary)).toEqual([{ type: "agendaItem.updated", audience: "all", id: revealed, position: 1 }]);
  });

  it("refuses bad activities, an unknown item and a closed session, and changes nothing", async () => {
    const { deps, liveSessionId, itemIds } = await liveSession();
    const bad = { ...withDots, dots: { maxPerItem: 0 } };
    expect(await refused(updateActivities(deps, moderator, { agendaItemId: itemIds[0], activities: bad }))).toBe("common:validation.invalid");
    expect(await refused(updateActivities(deps, moderator, { agendaItemId: crypto.randomUUID(), activities: withDots }))).toBe(
      "common:error.notFoundText",
    );
    await closeLiveSession(deps, moderator, { liveSessionId });
    deps.events.length = 0;
    expect(await refused(updateActivities(deps, moderator, { agendaItemId: itemIds[0], activities: withDots }))).toBe(
      "live:error.sessionClosed",
    );
    expect(deps.events).toEqual([]);
    const [row] = await database.db.select().from(agendaItems).where(eq(agendaItems.id, itemIds[0]));
    expect(row!.activities).toEqual(defaultActivities("measure"));
  });
});

describe("moving an item", () => {
  it("announces both swapped items with their new positions, each to those who may see it", async () => {
    const { deps, liveSessionId, itemIds } = await liveSession();
    const [current, second, question] = itemIds;
    await moveAgendaItem(deps, moderator, { agendaItemId: second, direction: "up" });
    expect(deps.events.map(summary)).toEqual([
      { type: "agendaItem.updated", audience: "moderators", id: second, position: 0 },
      { type: "agendaItem.updated", audience: "all", id: current, position: 1 },
    ]);
    expect(await positions(liveSessionId)).toEqual([
      { id: second, position: 0 },
      { id: current, position: 1 },
      { id: question, position: 2 },
    ]);
  });

  it("publishes nothing when the item is already at the end", async () => {
    const { deps, liveSessionId, itemIds } = await liveSession();
    const before = await positions(liveSessionId);
    await moveAgendaItem(deps, moderator, { agendaItemId: itemIds[2], direction: "down" });
    expect(deps.events).toEqual([]);
    expect(await positions(liveSessionId)).toEqual(before);
  });

  it("refuses a direction it does not know and a closed session, and changes nothing", async () => {
    const { deps, liveSessionId, itemIds } = await liveSession();
    const before = await positions(liveSessionId);
    expect(await refused(moveAgendaItem(deps, moderator, { agendaItemId: itemIds[1], direction: "sideways" }))).toBe(
      "common:validation.invalid",
    );
    await closeLiveSession(deps, moderator, { liveSessionId });
    deps.events.length = 0;
    expect(await refused(moveAgendaItem(deps, moderator, { agendaItemId: itemIds[1], direction: "up" }))).toBe("live:error.sessionClosed");
    expect(deps.events).toEqual([]);
    expect(await positions(liveSessionId)).toEqual(before);
  });
});

describe("removing an item", () => {
  it("tells only the moderators about an item the participants never saw", async () => {
    const { deps, liveSessionId, itemIds } = await liveSession();
    await removeAgendaItem(deps, moderator, { agendaItemId: itemIds[2] });
    expect(deps.events.map(summary)).toEqual([{ type: "agendaItem.removed", audience: "moderators", id: itemIds[2] }]);
    expect((await positions(liveSessionId)).map((p) => p.id)).toEqual([itemIds[0], itemIds[1]]);
  });

  it("tells everybody about an item whose (empty) results were revealed", async () => {
    const { deps, itemIds } = await liveSession();
    await updateItemSettings(deps, moderator, { agendaItemId: itemIds[1], resultsVisible: true });
    deps.events.length = 0;
    await removeAgendaItem(deps, moderator, { agendaItemId: itemIds[1] });
    expect(deps.events.map(summary)).toEqual([{ type: "agendaItem.removed", audience: "all", id: itemIds[1] }]);
  });

  it("keeps the current item and any item with participants' comments or proposals, and publishes nothing", async () => {
    const { deps, liveSessionId, itemIds, joinCode } = await liveSession();
    const [current, second, question] = itemIds;
    const participant = await joinAs(deps, joinCode);
    await postComment(deps, participant, { agendaItemId: current, body: "Mehr Beratung im Quartier" });
    await submitProposal(deps, participant, {
      liveSessionId,
      agendaItemId: question,
      kind: "new_measure",
      title: "Sprachcafé",
      body: "Ein Treffpunkt zum Deutschüben.",
    });
    await setCurrentItem(deps, moderator, { liveSessionId, agendaItemId: second });
    deps.events.length = 0;

    for (const id of [second, current, question]) {
      expect(await refused(removeAgendaItem(deps, moderator, { agendaItemId: id })), id).toBe("live:error.itemInUse");
    }
    expect(await refused(removeAgendaItem(deps, moderator, { agendaItemId: "not-an-id" }))).toBe("common:validation.invalid");
    expect(deps.events).toEqual([]);
    expect((await positions(liveSessionId)).map((p) => p.id)).toEqual(itemIds);
  });
});

describe("steering an item", () => {
  it("tells only the moderators about an item the room has not reached", async () => {
    const { deps, itemIds } = await liveSession();
    await setPhase(deps, moderator, { agendaItemId: itemIds[1], phase: "prioritise" });
    expect(deps.events.map(summary)).toEqual([{ type: "agendaItem.updated", audience: "moderators", id: itemIds[1], position: 1 }]);
  });

  it("tells everybody when the results they were shown are hidden again", async () => {
    const { deps, itemIds } = await liveSession();
    await setPhase(deps, moderator, { agendaItemId: itemIds[1], phase: "results" });
    expect(deps.events.map(summary)).toEqual([
      { type: "agendaItem.updated", audience: "all", id: itemIds[1], position: 1 },
      { type: "result.updated", audience: "all" },
    ]);
    deps.events.length = 0;
    await updateItemSettings(deps, moderator, { agendaItemId: itemIds[1], resultsVisible: false });
    expect(deps.events.map(summary)).toEqual([{ type: "agendaItem.updated", audience: "all", id: itemIds[1], position: 1 }]);
  });
});

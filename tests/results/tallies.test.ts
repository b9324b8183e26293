import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ParticipantActor, StaffActor } from "../../app/auth/actor";
import { joinLiveSession } from "../../app/live/join.server";
import { updateActivities } from "../../app/live/setup.server";
import { setPhase } from "../../app/live/steer.server";
import { eraseParticipant } from "../../app/auth/participant-data.server";
import { countedVotes } from "../../app/live/latest-answer";
import { agendaItems, answerTallies, breakdownCells, itemTallies, latestAnswers, votes } from "../../db/schema";
import { countedCellSums } from "../support/breakdown-count";
import { openTestDatabase, type TestDatabase } from "../support/database";
import { createStaff, joinAs, recordingDeps } from "../support/fixtures";
import { importTestPlan, testSession, voter } from "../support/results-fixtures";

/**
 * The tallies the vote triggers keep (decision 011) must always equal counting the votes
 * themselves, whatever order, concurrency or deletion the votes went through.
 */
let database: TestDatabase;
let moderator: StaffActor;
let liveSessionId: string;
let itemIds: string[];
const people: ParticipantActor[] = [];
let joinCode: string;

beforeAll(async () => {
  database = await openTestDatabase();
  const deps = recordingDeps(database.db);
  await importTestPlan(deps);
  moderator = await createStaff(database.db, "moderator");
  const session = await testSession(deps, moderator, "Tallies", [
    { kind: "measure", measureCode: "W-1" },
    { kind: "measure", measureCode: "W-2" },
    { kind: "measure", measureCode: "B-1" },
  ]);
  liveSessionId = session.liveSessionId;
  itemIds = session.itemIds;
  for (const agendaItemId of itemIds) {
    await updateActivities(deps, moderator, {
      agendaItemId,
      activities: {
        comments: true,
        dots: { maxPerItem: 3 },
        rating: { criteria: ["urgency", "impact"], min: 1, max: 5 },
        scale: { min: 1, max: 10, label: null },
        ranking: false,
      },
    });
    await setPhase(deps, moderator, { agendaItemId, phase: "prioritise" });
  }
  // Profiles of all kinds, "not stated" included, so the breakdown cells have several keys.
  const groups = ["citizen", "youth", "administration", null];
  const districts = ["Mitte", "Stieghorst", null];
  for (let i = 0; i < 8; i++) {
    const profile = { group: groups[i % 4], district: districts[i % 3] };
    const given = Object.fromEntries(Object.entries(profile).filter(([, v]) => v !== null)) as Record<string, string>;
    people.push(await joinAs(deps, session.joinCode, i % 2 === 0 ? "de" : "en", given));
  }
  joinCode = session.joinCode;
});
afterAll(() => database.close());

/** The figures counted from the votes, as the live result counts them, next to the tallies. */
async function talliesAndCounts() {
  const { db } = database;
  const counted = await db.execute<{ agenda_item_id: string; kind: string; criterion: string | null; distribution: Record<string, number> }>(sql`
    select agenda_item_id, kind, criterion, jsonb_object_agg(value, n) as distribution from (
      select agenda_item_id, kind, criterion, value, sum(weight)::int as n from (
        (select distinct on (agenda_item_id, participant_id, kind, criterion) agenda_item_id, kind, criterion, value, weight
          from vote where participant_id is not null and kind in ('rating', 'scale')
          order by agenda_item_id, participant_id, kind, criterion, created_at desc, id desc)
        union all
        select agenda_item_id, kind, criterion, value, weight from vote where participant_id is null and kind in ('rating', 'scale')
      ) answers group by 1, 2, 3, 4
    ) counts group by 1, 2, 3`);
  const countedItems = await db.execute<{ agenda_item_id: string; voters: number; dots: number; paper_dots: number }>(sql`
    select agenda_item_id, count(distinct participant_id)::int as voters,
      coalesce(sum(value * weight) filter (where kind = 'dots'), 0)::int as dots,
      coalesce(sum(value * weight) filter (where kind = 'dots' and participant_id is null), 0)::int as paper_dots
    from vote group by 1`);
  // PGlite answers execute() with { rows }, postgres.js with the rows themselves.
  const rowsOf = <T>(r: unknown): T[] => (Array.isArray(r) ? r : (r as { rows: T[] }).rows);
  const sorted = <T>(list: T[]) => list.map((x) => JSON.stringify(x)).sort();
  const answers = await db.select().from(answerTallies);
  const items = await db.select().from(itemTallies);
  // Breakdown cells (decision 038): a cell nobody is in any more stays as zeros.
  const cellsKept = (await db.select().from(breakdownCells)).filter((c) => c.participants !== 0);
  const cellsCounted = await countedCellSums(db, "agendaItem");
  const cell = (c: { subjectId?: string; agendaItemId?: string; kind: string; criterion: string | null; dimension: string; key: string | null; participants: number; answers: number; total: number; atLeast7: number }) =>
    [c.subjectId ?? c.agendaItemId, c.kind, c.criterion, c.dimension, c.key, c.participants, c.answers, c.total, c.atLeast7];
  return {
    tallied: {
      cells: sorted(cellsKept.map(cell)),
      answers: sorted(
        answers
          .filter((a) => Object.keys(a.distribution).length > 0)
          .map((a) => ({ item: a.agendaItemId, kind: a.kind, criterion: a.criterion, distribution: sortedKeys(a.distribution) })),
      ),
      items: sorted(items.filter((i) => i.voters !== 0 || i.dots !== 0).map((i) => [i.agendaItemId, i.voters, i.dots, i.paperDots])),
    },
    counted: {
      cells: sorted(cellsCounted.map(cell)),
      answers: sorted(
        rowsOf<{ agenda_item_id: string; kind: string; criterion: string | null; distribution: Record<string, number> }>(counted).map((a) => ({
          item: a.agenda_item_id,
          kind: a.kind,
          criterion: a.criterion,
          distribution: sortedKeys(a.distribution),
        })),
      ),
      items: sorted(rowsOf<{ agenda_item_id: string; voters: number; dots: number; paper_dots: number }>(countedItems).map((i) => [i.agenda_item_id, i.voters, i.dots, i.paper_dots])),
    },
  };
}

const sortedKeys = (d: Record<string, number>) => Object.fromEntries(Object.entries(d).sort(([a], [b]) => Number(a) - Number(b)));

/** The rule's two forms agree: the trigger's `latest_answer` holds the votes latest-answer.ts counts. */
async function expectLatestAnswersAgree() {
  const answers = await database.db
    .select({
      id: votes.id,
      agendaItemId: votes.agendaItemId,
      participantId: votes.participantId,
      kind: votes.kind,
      criterion: votes.criterion,
      createdAt: sql<string>`${votes.createdAt}::text`,
    })
    .from(votes)
    .where(and(isNotNull(votes.participantId), inArray(votes.kind, ["rating", "scale"])))
    .orderBy(desc(votes.createdAt), desc(votes.id));
  const kept = await database.db.select({ id: latestAnswers.voteId }).from(latestAnswers);
  expect(countedVotes(answers).map((a) => a.id).sort()).toEqual(kept.map((k) => k.id).sort());
}

async function expectTalliesMatchVotes() {
  const { tallied, counted } = await talliesAndCounts();
  expect(tallied).toEqual(counted);
  await expectLatestAnswersAgree();
  return counted;
}

const vote = (agendaItemId: string, participantId: string | null, kind: "dots" | "rating" | "scale", value: number, extra: Partial<typeof votes.$inferInsert> = {}) => ({
  clientId: randomUUID(),
  liveSessionId,
  agendaItemId,
  participantId,
  kind,
  value,
  ...extra,
});

describe("vote tallies", () => {
  it("count a revised answer once, by its latest vote, even when an older vote arrives later", async () => {
    const [w1] = itemIds as [string];
    const [a, b] = people as [ParticipantActor, ParticipantActor];
    const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 18, minute));
    await database.db.insert(votes).values(vote(w1, a.participantId, "scale", 3, { createdAt: at(10) }));
    await database.db.insert(votes).values(vote(w1, a.participantId, "scale", 9, { createdAt: at(5) }));
    // One statement holding both an answer and its revision.
    await database.db.insert(votes).values([
      vote(w1, b.participantId, "rating", 2, { criterion: "urgency", createdAt: at(1) }),
      vote(w1, b.participantId, "rating", 5, { criterion: "urgency", createdAt: at(2) }),
      vote(w1, b.participantId, "rating", 4, { criterion: "impact", createdAt: at(2) }),
      vote(w1, null, "scale", 7, { weight: 12, source: "paper" }),
      vote(w1, null, "dots", 4, { source: "paper" }),
      vote(w1, a.participantId, "dots", 2),
      vote(w1, a.participantId, "dots", -1),
    ]);
    const counted = await expectTalliesMatchVotes();
    expect(counted.answers).toContain(JSON.stringify({ item: w1, kind: "scale", criterion: null, distribution: { 3: 1, 7: 12 } }));
    expect(counted.items).toContain(JSON.stringify([w1, 2, 5, 4]));
  });

  it("stay equal to the votes under concurrent votes, also from the same person on the same question", async () => {
    const [, w2] = itemIds as [string, string];
    const cast = voter(recordingDeps(database.db));
    await Promise.all([
      ...people.flatMap((p, i) => [1, 2, 3, 4, 5, 6].map((n) => cast.scale(p, w2, ((i + n) % 10) + 1))),
      ...people.flatMap((p) => ["urgency", "impact"].map((criterion, n) => cast.rate(p, w2, criterion, n + 2))),
      ...people.map((p) => cast.dots(p, w2, 1)),
    ]);
    // castVote serialises one person's votes; stored side by side, the triggers must do it themselves.
    const [a] = people as [ParticipantActor];
    await Promise.all(
      Array.from({ length: 24 }, (_, n) =>
        database.db.transaction((tx) =>
          tx.insert(votes).values(vote(w2, a.participantId, "rating", (n % 5) + 1, { criterion: "urgency", createdAt: new Date(Date.UTC(2026, 2, 1, 18, (n * 7) % 24)) })),
        ),
      ),
    );
    await expectTalliesMatchVotes();
  });

  it("take back deleted votes, the counted answer falling back to the one before", async () => {
    const [w1] = itemIds as [string];
    const newest = await database.db
      .select({ id: votes.id })
      .from(votes)
      .where(eq(votes.agendaItemId, w1))
      .orderBy(sql`${votes.createdAt} desc`)
      .limit(3);
    await database.db.delete(votes).where(inArray(votes.id, newest.map((v) => v.id)));
    await database.db.delete(votes).where(sql`${votes.agendaItemId} = ${w1} and ${votes.kind} = 'scale' and ${votes.value} = 3`);
    await expectTalliesMatchVotes();
  });

  it("count each answer in the breakdown cells under the profile it was cast with", async () => {
    const [w1] = itemIds as [string];
    const deps = recordingDeps(database.db);
    const cast = voter(deps);
    const c = people[2]!;
    await cast.dots(c, w1, 1);
    await cast.scale(c, w1, 8);
    // Joining again with the same identity changes the profile: only later votes carry it.
    await joinLiveSession(deps, { kind: "anonymous" }, { code: joinCode, language: "de", group: "youth", district: "Mitte" }, {
      secretHash: "test-secret-hash",
      clientIp: "198.51.100.1",
      identities: [c],
    });
    await cast.dots(c, w1, 1);
    const profiles = await database.db.select({ group: votes.group, district: votes.district }).from(votes).where(eq(votes.participantId, c.participantId));
    expect(profiles).toContainEqual({ group: "administration", district: null });
    expect(profiles).toContainEqual({ group: "youth", district: "Mitte" });
    const groupCells = () =>
      database.db
        .select({ kind: breakdownCells.kind, key: breakdownCells.key, participants: breakdownCells.participants })
        .from(breakdownCells)
        .where(sql`${breakdownCells.agendaItemId} = ${w1} and ${breakdownCells.dimension} = 'group' and ${breakdownCells.kind} in ('dots', 'scale') and ${breakdownCells.participants} <> 0`);
    // The scale answer stays with the old group until it is revised; each dot with its own.
    expect(await groupCells()).toContainEqual({ kind: "scale", key: "administration", participants: 1 });
    await expectTalliesMatchVotes();
    await cast.scale(c, w1, 2);
    expect(await groupCells()).not.toContainEqual({ kind: "scale", key: "administration", participants: 1 });
    await expectTalliesMatchVotes();
  });

  it("move an erased profile's answers to \"not stated\"", async () => {
    const b = people[1]!;
    await database.db.transaction((tx) => eraseParticipant(tx, b.participantId, { stillReferenced: true }));
    const profiles = await database.db.select({ group: votes.group, district: votes.district }).from(votes).where(eq(votes.participantId, b.participantId));
    expect(profiles.length).toBeGreaterThan(0);
    expect(profiles.every((p) => p.group === null && p.district === null)).toBe(true);
    await expectTalliesMatchVotes();
  });

  it("go with an agenda item that is deleted with its votes", async () => {
    const [, , b1] = itemIds as [string, string, string];
    await database.db.insert(votes).values([vote(b1, people[0]!.participantId, "scale", 4), vote(b1, null, "dots", 2, { source: "paper" })]);
    // No command deletes an item that has votes; the foreign keys still cascade.
    await database.db.delete(agendaItems).where(eq(agendaItems.id, b1));
    expect(await database.db.select().from(answerTallies).where(eq(answerTallies.agendaItemId, b1))).toEqual([]);
    await expectTalliesMatchVotes();
  });
});

/**
 * Who is on a conference's team: the creator from the start, the accounts the team adds by
 * e-mail (active moderators and planners only), never nobody unless an admin says so. On both
 * engines; the migration of existing conferences on PGlite.
 */
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../../app/auth/actor";
import { createConference, listConferences } from "../../app/conferences/conferences.server";
import { addTeamMember, listTeam, removeTeamMember } from "../../app/conferences/team.server";
import { setPhase } from "../../app/live/steer.server";
import { conferences, conferenceTeamMembers, plans, users } from "../../db/schema";
import { openDemoWorld, type TestDatabase } from "../support/database";
import { createStaff, recordingDeps, refusal, startedSession } from "../support/fixtures";
import { acrossMigration } from "../support/migrations";

let database: TestDatabase;
let creator: StaffActor;

beforeAll(async () => ({ database, moderator: creator } = await openDemoWorld()));
afterAll(() => database.close());

const newConference = (actor: StaffActor, title = "Werkstatt Sennestadt") =>
  createConference(database.db, actor, { planSlug: "ziele-und-massnahmen-2022-2023", kind: "workshop", title, startsAt: "2026-12-04T16:00:00Z", languages: ["de"] });

const members = async (conferenceId: string) => (await listTeam(database.db, creator, conferenceId)).map((m) => m.userId);

describe("the team of a new conference", () => {
  it("is its creator, added by themself", async () => {
    const { id } = await newConference(creator);
    const [only, ...rest] = await listTeam(database.db, creator, id);
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ userId: creator.userId, role: "moderator", active: true, addedByName: creator.displayName });
  });
});

describe("adding to the team", () => {
  it("takes an active moderator or planner by e-mail, in any case", async () => {
    const { id } = await newConference(creator);
    const planner = await createStaff(database.db, "planner");
    const added = await addTeamMember(database.db, creator, { conferenceId: id, email: ` ${planner.email.toUpperCase()} ` });
    expect(added).toMatchObject({ userId: planner.userId, role: "planner", addedByName: creator.displayName });
    // The new member steers and adds others in turn.
    const moderator = await createStaff(database.db, "moderator");
    await addTeamMember(database.db, planner, { conferenceId: id, email: moderator.email });
    expect(await members(id)).toEqual([creator.userId, planner.userId, moderator.userId]);
  });

  it("refuses unknown, deactivated and admin accounts, members, and a malformed address, each with its reason", async () => {
    const { id } = await newConference(creator);
    const gone = await createStaff(database.db, "planner");
    await database.db.update(users).set({ active: false }).where(eq(users.id, gone.userId));
    const admin = await createStaff(database.db, "admin");
    const add = (email: string) => addTeamMember(database.db, creator, { conferenceId: id, email });
    const fieldOf = (email: string) => add(email).then(() => null, (e: { fields: Record<string, string> }) => e.fields.email);
    expect(await refusal(add("niemand@mitplan.test"))).toBe("invalid conferences:team.error.unknownAccount");
    expect(await refusal(add(gone.email))).toBe("invalid conferences:team.error.inactiveAccount");
    expect(await refusal(add(admin.email))).toBe("invalid conferences:team.error.adminAccount");
    expect(await refusal(add(creator.email))).toBe("invalid conferences:team.error.alreadyMember");
    expect(await fieldOf(creator.email)).toBe("conferences:team.error.alreadyMember");
    expect(await refusal(add("keine-adresse"))).toBe("invalid conferences:team.invalid");
    expect(await fieldOf("keine-adresse")).toBe("common:validation.invalidValue");
    expect(await members(id)).toEqual([creator.userId]);
  });

  it("is not for participants, nor for an unknown conference", async () => {
    const planner = await createStaff(database.db, "planner");
    const participant = { kind: "participant" as const, participantId: randomUUID(), conferenceId: randomUUID(), language: "de" };
    expect(await refusal(addTeamMember(database.db, participant, { conferenceId: participant.conferenceId, email: planner.email }))).toBe(
      "forbidden common:error.forbiddenText",
    );
    expect(await refusal(addTeamMember(database.db, creator, { conferenceId: randomUUID(), email: planner.email }))).toBe(
      "not_found common:error.notFoundText",
    );
  });
});

describe("taking someone off the team", () => {
  it("lets a member go, who then steers no more", async () => {
    const deps = recordingDeps(database.db);
    const session = await startedSession(deps, creator);
    const planner = await createStaff(database.db, "planner");
    await addTeamMember(database.db, creator, { conferenceId: session.conferenceId, email: planner.email });
    await setPhase(deps, planner, { agendaItemId: session.itemIds[0]!, phase: "prioritise" });
    await removeTeamMember(database.db, creator, { conferenceId: session.conferenceId, userId: planner.userId });
    expect(await refusal(setPhase(deps, planner, { agendaItemId: session.itemIds[0]!, phase: "results" }))).toBe("forbidden conferences:team.notOnTeam");
    expect(await refusal(removeTeamMember(database.db, creator, { conferenceId: session.conferenceId, userId: planner.userId }))).toBe(
      "not_found conferences:team.error.notMember",
    );
  });

  it("keeps the last active member, unless an admin takes them off", async () => {
    const { id } = await newConference(creator);
    const gone = await createStaff(database.db, "planner");
    await addTeamMember(database.db, creator, { conferenceId: id, email: gone.email });
    await database.db.update(users).set({ active: false }).where(eq(users.id, gone.userId));
    // A deactivated colleague cannot steer: the creator is still the last one who can.
    expect(await refusal(removeTeamMember(database.db, creator, { conferenceId: id, userId: creator.userId }))).toBe(
      "conflict conferences:team.error.lastMember",
    );
    const admin = await createStaff(database.db, "admin");
    await removeTeamMember(database.db, admin, { conferenceId: id, userId: creator.userId });
    expect(await members(id).catch(() => "refused")).toBe("refused");
    expect((await listTeam(database.db, admin, id)).map((m) => m.userId)).toEqual([gone.userId]);
  });

  it("never leaves nobody when two members take each other off at once", async () => {
    // Ten teams of two, each pair at once: without the lock on the conference, both removals of a pair pass on PostgreSQL.
    const pairs = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const { id } = await newConference(creator, `Werkstatt ${i}`);
        const other = await createStaff(database.db, "moderator");
        await addTeamMember(database.db, creator, { conferenceId: id, email: other.email });
        return { id, other };
      }),
    );
    const outcomes = await Promise.all(
      pairs.map(({ id, other }) =>
        Promise.all([
          refusal(removeTeamMember(database.db, creator, { conferenceId: id, userId: other.userId })),
          refusal(removeTeamMember(database.db, other, { conferenceId: id, userId: creator.userId })),
        ]),
      ),
    );
    for (const [i, { id }] of pairs.entries()) {
      // The one who waited for the lock is off the team by then, or would be its last member.
      expect(outcomes[i]!.filter((o) => o === null)).toHaveLength(1);
      expect(["forbidden conferences:team.notOnTeam", "conflict conferences:team.error.lastMember"]).toContain(outcomes[i]!.find((o) => o !== null));
      expect(await database.db.select().from(conferenceTeamMembers).where(eq(conferenceTeamMembers.conferenceId, id))).toHaveLength(1);
    }
  });
});

describe("the list of conferences", () => {
  it("shows staff every conference, and says which ones they steer", async () => {
    const mine = await newConference(creator, "Werkstatt Heepen");
    const stranger = await createStaff(database.db, "moderator");
    const theirs = await newConference(stranger, "Werkstatt Jöllenbeck");
    const steerable = async (actor: StaffActor) =>
      Object.fromEntries((await listConferences(database.db, actor)).filter((c) => [mine.id, theirs.id].includes(c.id)).map((c) => [c.title, c.steerable]));
    expect(await steerable(creator)).toEqual({ "Werkstatt Heepen": true, "Werkstatt Jöllenbeck": false });
    expect(await steerable(stranger)).toEqual({ "Werkstatt Heepen": false, "Werkstatt Jöllenbeck": true });
    expect(await steerable(await createStaff(database.db, "admin"))).toEqual({ "Werkstatt Heepen": true, "Werkstatt Jöllenbeck": true });
  });
});

describe("the migration", () => {
  it("makes the creator of every existing conference a member of its team", async () => {
    let withCreator: string;
    let user: string;
    await acrossMigration(
      "0006",
      async (db) => {
        [{ id: user }] = (await db.execute<{ id: string }>(sql`insert into "user" (email, display_name, role, password_hash) values ('m@x.test', 'M', 'moderator', 'x') returning id`)).rows as [{ id: string }];
        const [plan] = (await db.execute<{ id: string }>(sql`insert into plan (slug, title) values ('p', 'P') returning id`)).rows;
        const insertConference = (createdBy: string | null) =>
          db.execute<{ id: string }>(
            sql`insert into conference (plan_id, kind, title, starts_at, languages, created_by) values (${plan!.id}, 'workshop', 'K', now(), '{de}', ${createdBy}) returning id`,
          );
        withCreator = (await insertConference(user)).rows[0]!.id;
        await insertConference(null);
      },
      async (db) => {
        const rows = await db.select().from(conferenceTeamMembers);
        expect(rows).toEqual([expect.objectContaining({ conferenceId: withCreator, userId: user, addedBy: user })]);
        expect(await db.select({ id: conferences.id }).from(conferences)).toHaveLength(2);
        expect(await db.select({ id: plans.id }).from(plans)).toHaveLength(1);
      },
    );
    // A second embedded database, migrated from scratch: slow on a busy machine.
  }, 120_000);
});

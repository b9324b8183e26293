/**
 * The Integrationskonzept's two-step prioritisation set up from its template (decision 051): one
 * working group's session per field of action with its proposed measures, the steering group's
 * session with every goal, rated on the four criteria; and goals as agenda items of their own.
 */
import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../../app/auth/actor";
import { createConference } from "../../app/conferences/conferences.server";
import { DomainError } from "../../app/errors";
import { listLiveSessions } from "../../app/live/queries.server";
import { addAgendaItems, startLiveSession } from "../../app/live/setup.server";
import { getLiveState } from "../../app/live/state.server";
import { setPhase } from "../../app/live/steer.server";
import { createTwoStepConference } from "../../app/live/two-step.server";
import { castVote } from "../../app/live/votes.server";
import { computeItemResult } from "../../app/live/results.server";
import { conferences, liveSessions } from "../../db/schema";
import { openDemoWorld, type TestDatabase } from "../support/database";
import { createStaff, joinAs, recordingDeps, refusal } from "../support/fixtures";

let database: TestDatabase;
let moderator: StaffActor;

beforeAll(async () => ({ database, moderator } = await openDemoWorld()));
afterAll(() => database.close());

const conferenceFields = {
  planSlug: "integrationskonzept",
  kind: "workshop",
  title: "Gewichtung und Priorisierung",
  startsAt: "2026-12-10T15:00:00Z",
  place: "Neues Rathaus",
  languages: ["de", "tr"],
};

const conferenceCount = async () => Number((await database.db.select({ n: count() }).from(conferences))[0]!.n);

describe("the two-step template", () => {
  let conferenceId = "";

  it("makes a working group per field of action with its measures, and the steering group with all 16 goals", async () => {
    ({ id: conferenceId } = await createTwoStepConference(database.db, moderator, { ...conferenceFields, goalsNamedFirst: "16" }));
    const [conference] = await database.db.select().from(conferences).where(eq(conferences.id, conferenceId));
    expect(conference!.goalsNamedFirst).toBe(16);

    const sessions = await listLiveSessions(database.db, moderator, conferenceId);
    const workingGroups = sessions.filter((s) => s.step === "working_group");
    const steering = sessions.filter((s) => s.step === "steering_group");
    // The demo plan files its 58 measures under 16 goals in 9 fields of action (integrationskonzept.json).
    expect(workingGroups).toHaveLength(9);
    expect(steering).toHaveLength(1);
    expect(sessions.every((s) => s.status === "draft")).toBe(true);
    expect(workingGroups.map((s) => s.title)).toContain("Teilprojektgruppe Elementarbereich");
    expect(steering[0]!.title).toBe("Lenkungsgruppe: Priorisierung der Oberziele");

    const states = await Promise.all(sessions.map((s) => getLiveState(database.db, moderator, s.id)));
    const measureCodes = states.flatMap((s) => s.items.filter((i) => i.kind === "measure").map((i) => i.measure!.code));
    expect(measureCodes).toHaveLength(58);
    expect(new Set(measureCodes).size).toBe(58);
    const elementarbereich = states.find((s) => s.liveSession.title === "Teilprojektgruppe Elementarbereich")!;
    // Goals 1–3 are the Elementarbereich's, with 12 measures between them, in the catalogue's order.
    expect(elementarbereich.items.map((i) => i.measure!.code).slice(0, 3)).toEqual(["IK-1.1", "IK-1.2", "IK-1.3"]);
    expect(elementarbereich.items).toHaveLength(12);
    expect(elementarbereich.liveSession.step).toBe("working_group");

    const goals = states.find((s) => s.liveSession.step === "steering_group")!.items;
    expect(goals).toHaveLength(16);
    expect(goals.every((i) => i.kind === "goal" && i.measure === null)).toBe(true);
    expect(goals[0]!.goal).toMatchObject({ key: "ziel-1", number: 1, title: "Steigerung der Sprachkompetenz", clusterTitle: "Elementarbereich" });
    expect(goals[0]!.goal!.measures.map((m) => m.code)).toContain("IK-1.1");
    // The steering group rates on the Integrationskonzept's four criteria; it spreads no dots.
    expect(goals[0]!.activities.rating?.criteria).toEqual(["urgency", "influence", "impact", "feasibility"]);
    expect(goals[0]!.activities.dots).toBeNull();
  });

  it("runs working groups in parallel, each with its own join code, and the steering group rates a goal", async () => {
    const deps = recordingDeps(database.db);
    const sessions = await listLiveSessions(database.db, moderator, conferenceId);
    const [first, second] = sessions.filter((s) => s.step === "working_group");
    const steering = sessions.find((s) => s.step === "steering_group")!;
    const codes = await Promise.all([first!, second!, steering].map((s) => startLiveSession(deps, moderator, { liveSessionId: s.id })));
    expect(new Set(codes.map((c) => c.joinCode)).size).toBe(3);

    const member = await joinAs(deps, codes[2]!.joinCode, "tr");
    const goal = (await getLiveState(database.db, moderator, steering.id)).items[0]!;
    await setPhase(deps, moderator, { agendaItemId: goal.id, phase: "prioritise" });
    await castVote(deps, member, {
      kind: "rating",
      clientId: randomUUID(),
      agendaItemId: goal.id,
      ratings: [
        { criterion: "urgency", value: 5 },
        { criterion: "influence", value: 3 },
        { criterion: "impact", value: 4 },
        { criterion: "feasibility", value: 2 },
      ],
    });
    const result = await computeItemResult(database.db, goal, steering.id);
    expect(result.voterCount).toBe(1);
    expect(result.rating?.map((r) => [r.criterion, r.summary.mean])).toEqual([
      ["urgency", 5],
      ["influence", 3],
      ["impact", 4],
      ["feasibility", 2],
    ]);
  });

  it("refuses a plan without goals, more goals named first than the plan has, and writes nothing then", async () => {
    const before = await conferenceCount();
    const withoutGoals = await refusal(
      createTwoStepConference(database.db, moderator, { ...conferenceFields, planSlug: "ziele-und-massnahmen-2022-2023", goalsNamedFirst: 16 }),
    );
    expect(withoutGoals).toBe("invalid conferences:twoStep.noGoals");
    const tooMany = await createTwoStepConference(database.db, moderator, { ...conferenceFields, goalsNamedFirst: 17 }).catch((e: unknown) => e);
    expect(tooMany).toBeInstanceOf(DomainError);
    expect((tooMany as DomainError).fields).toEqual({ goalsNamedFirst: "conferences:twoStep.tooManyNamedField" });
    expect((tooMany as DomainError).values).toEqual({ total: 16 });
    for (const goalsNamedFirst of [0, "", "sechzehn", 101]) {
      expect(await refusal(createTwoStepConference(database.db, moderator, { ...conferenceFields, goalsNamedFirst }), "code")).toBe("invalid");
    }
    expect(await refusal(createTwoStepConference(database.db, moderator, { ...conferenceFields, title: "", goalsNamedFirst: 16 }), "code")).toBe("invalid");
    expect(await conferenceCount()).toBe(before);
  });

  it("refuses a form that names another method than the command's, or none it knows, and writes nothing then", async () => {
    const before = await conferenceCount();
    const methodRefused = async (made: Promise<unknown>) => {
      const error = await made.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      return (error as DomainError).fields;
    };
    // The route hands any method but the template's to createConference: neither may quietly build the other.
    expect(await methodRefused(createConference(database.db, moderator, { ...conferenceFields, method: "two_step" }))).toEqual({
      method: "common:validation.invalidValue",
    });
    expect(await methodRefused(createConference(database.db, moderator, { ...conferenceFields, method: "zwei_stufen" }))).toHaveProperty("method");
    expect(
      await methodRefused(createTwoStepConference(database.db, moderator, { ...conferenceFields, method: "free", goalsNamedFirst: 16 })),
    ).toEqual({ method: "common:validation.invalidValue" });
    expect(await conferenceCount()).toBe(before);
  });

  it("is for those who may create conferences", async () => {
    const planner = await createStaff(database.db, "planner");
    const admin = await createStaff(database.db, "admin");
    const mediator = await createStaff(database.db, "mediator");
    expect(await refusal(createTwoStepConference(database.db, mediator, { ...conferenceFields, goalsNamedFirst: 16 }), "code")).toBe("forbidden");
    expect(await refusal(createTwoStepConference(database.db, { kind: "anonymous" }, { ...conferenceFields, goalsNamedFirst: 16 }), "code")).toMatch(
      /forbidden|unauthenticated/,
    );
    for (const actor of [planner, admin]) {
      const { id } = await createTwoStepConference(database.db, actor, { ...conferenceFields, goalsNamedFirst: 5 });
      expect((await database.db.select({ n: count() }).from(liveSessions).where(eq(liveSessions.conferenceId, id)))[0]!.n).toBe(10);
    }
  });
});

describe("goals as agenda items", () => {
  it("are added by key from the conference's own plan only", async () => {
    const deps = recordingDeps(database.db);
    const own = await createConference(database.db, moderator, { ...conferenceFields, title: "Lenkungsgruppe 2027" });
    const other = await createConference(database.db, moderator, { ...conferenceFields, planSlug: "ziele-und-massnahmen-2022-2023" });
    const [ownSession, otherSession] = await Promise.all(
      [own, other].map(({ id }) =>
        database.db.insert(liveSessions).values({ conferenceId: id, title: "Lenkungsgruppe" }).returning({ id: liveSessions.id }),
      ),
    );
    const { ids } = await addAgendaItems(deps, moderator, {
      liveSessionId: ownSession![0]!.id,
      entries: [{ kind: "goal", goalKey: "ziel-9", note: "Bitte zuerst die Maßnahmen lesen." }],
    });
    const [item] = (await getLiveState(database.db, moderator, ownSession![0]!.id)).items;
    expect(item!.id).toBe(ids[0]);
    expect(item!.goal).toMatchObject({ number: 9, title: "Chancengleichheit in der Versorgung von älteren Menschen mit Migrationshintergrund" });
    expect(item!.goal!.description).toMatch(/^Angleichung der Versorgung/);
    expect(item!.note).toBe("Bitte zuerst die Maßnahmen lesen.");

    for (const goalKey of ["ziel-99", ""]) {
      expect(await refusal(addAgendaItems(deps, moderator, { liveSessionId: ownSession![0]!.id, entries: [{ kind: "goal", goalKey }] }), "code")).toBe(
        "invalid",
      );
    }
    // The Integrationskonzept's goal is unknown in another plan's conference.
    expect(
      await refusal(addAgendaItems(deps, moderator, { liveSessionId: otherSession![0]!.id, entries: [{ kind: "goal", goalKey: "ziel-1" }] })),
    ).toBe("invalid live:error.unknownCatalogueEntry");
  });
});

import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../../app/auth/actor";
import { importPlan } from "../../app/catalogue/import.server";
import { getMeasure } from "../../app/catalogue/catalogue.server";
import { measureHistory } from "../../app/catalogue/history.server";
import { revisionInputs } from "../../app/decisions/revision-inputs.server";
import { submitProposal } from "../../app/live/proposals.server";
import { closeLiveSession } from "../../app/results/close.server";
import { loadDecisions } from "../../app/decisions/views.server";
import { decide } from "../../app/decisions/decide.server";
import { inbox } from "../../app/decisions/inbox.server";
import { decisionReasons, decisions, planRevisions } from "../../db/schema";
import { openTestDatabase, type TestDatabase } from "../support/database";
import { createStaff, joinAs, recordingDeps, refusal } from "../support/fixtures";
import { handMadeConference, importTestPlan, testPlanFile, testPlanSlug, testSession } from "../support/results-fixtures";

let database: TestDatabase;
let planner: StaffActor;
let moderator: StaffActor;
let conference: Awaited<ReturnType<typeof handMadeConference>>;

beforeAll(async () => {
  database = await openTestDatabase();
  const deps = recordingDeps(database.db);
  await importTestPlan(deps);
  moderator = await createStaff(database.db, "moderator");
  planner = await createStaff(database.db, "planner");
  conference = await handMadeConference(deps, moderator);
  await closeLiveSession(deps, moderator, { liveSessionId: conference.liveSessionId });
});
afterAll(() => database.close());

const counts = async () => ({
  decisions: (await database.db.select({ n: count() }).from(decisions))[0]!.n,
  reasons: (await database.db.select({ n: count() }).from(decisionReasons))[0]!.n,
  revisions: (await database.db.select({ n: count() }).from(planRevisions))[0]!.n,
});
const german = (text: string) => [{ language: "de", text }];

describe("the planners' inbox and decisions", () => {
  it("lists every proposal, prioritised measure and flagged comment that needs an answer", async () => {
    const open = await inbox(database.db, planner, { planSlug: testPlanSlug });
    expect(open.proposals.map((p) => [p.title, p.kind, p.measure?.code ?? null, p.language, p.deferred])).toEqual([
      ["Sprachcafé im Quartier", "new_measure", null, "ar", false],
      ["Mehr Wohnungen für Familien", "change_measure", "W-2", "de", false],
    ]);
    // W-1 drew 80 % of the dots, B-1 20 %; the ranking item and the question are no measures.
    expect(open.results.map((r) => [r.measure.code, r.dots, r.voterCount])).toEqual([
      ["W-1", { total: 24, share: 0.8 }, 12],
      ["B-1", { total: 6, share: 0.2 }, 3],
    ]);
    expect(open.comments.map((c) => [c.body, c.about])).toEqual([["Die Bildungskarte muss digital sein.", { code: "B-1", title: "Bildungskarte" }]]);
  });

  it("refuses a decision without a reason, or by anyone but planners, and changes nothing", async () => {
    const before = await counts();
    const accept = { subjects: [{ kind: "proposal", proposalId: conference.proposals.newIdea }], decision: { outcome: "declined" } };
    expect(await refusal(decide(database.db, planner, accept))).toBe("invalid results:error.reasonRequired");
    expect(await refusal(decide(database.db, planner, { ...accept, reasons: [] }))).toBe("invalid results:error.reasonRequired");
    expect(await refusal(decide(database.db, planner, { ...accept, reasons: [{ language: "de", text: "  " }] }))).toBe("invalid results:error.reasonRequired");
    // Translations only beside the plan's own language: readers fall back to it.
    expect(await refusal(decide(database.db, planner, { ...accept, reasons: [{ language: "en", text: "No" }] }))).toBe(
      "invalid results:error.reasonInPlanLanguage",
    );
    expect(await refusal(decide(database.db, moderator, { ...accept, reasons: german("Nein") }))).toBe("forbidden common:error.forbiddenText");
    expect(await refusal(decide(database.db, conference.participants[0]!, { ...accept, reasons: german("Nein") }))).toBe("forbidden common:error.forbiddenText");
    expect(await refusal(inbox(database.db, moderator, { planSlug: testPlanSlug }))).toBe("forbidden common:error.forbiddenText");
    // A change that the catalogue refuses takes the whole decision back.
    const badChange = {
      subjects: [{ kind: "proposal", proposalId: conference.proposals.newIdea }],
      decision: { outcome: "accepted", change: { kind: "newMeasure", measure: { code: "W-4", title: "Sprachcafé", clusterKey: "gibt-es-nicht" } } },
      reasons: german("Gute Idee"),
    };
    expect(await refusal(decide(database.db, planner, badChange))).toBe("invalid results:error.unknownReference");
    expect(await counts()).toEqual(before);
  });

  it("accepts a proposal as a new measure in a new revision that names the proposal", async () => {
    const outcome = await decide(database.db, planner, {
      subjects: [{ kind: "proposal", proposalId: conference.proposals.newIdea }],
      decision: {
        outcome: "accepted",
        change: { kind: "newMeasure", measure: { code: "W-4", title: "Sprachcafé im Quartier", clusterKey: "wohnen", objective: "Begegnung und Sprache" } },
      },
      reasons: [
        { language: "de", text: "Wir richten ab Herbst ein Sprachcafé ein." },
        { language: "ar", text: "سنفتتح مقهى لغويًا ابتداءً من الخريف." },
      ],
    });
    expect(outcome).toMatchObject({ outcome: "accepted", revision: { number: 2 }, measure: { code: "W-4" } });
    expect((await getMeasure(database.db, testPlanSlug, "W-4", "de"))?.revision.number).toBe(2);
    const history = await measureHistory(database.db, planner, { planSlug: testPlanSlug, code: "W-4" });
    const revision = history.revisions[0]!;
    expect(revision).toMatchObject({ number: 2, reason: "Wir richten ab Herbst ein Sprachcafé ein.", createdBy: "Test planner" });
    expect((await revisionInputs(database.db, planner, [revision.id])).get(revision.id)).toMatchObject([
      { outcome: "accepted", kind: "proposal", text: "Sprachcafé im Quartier" },
    ]);
    const [view] = await loadDecisions(database.db, { proposalIds: [conference.proposals.newIdea] });
    expect(view).toMatchObject({ outcome: "accepted", measure: { code: "W-4" }, revision: 2, reasons: [{ language: "ar" }, { language: "de" }] });
    expect(await refusal(decide(database.db, planner, { subjects: [{ kind: "proposal", proposalId: conference.proposals.newIdea }], decision: { outcome: "declined" }, reasons: german("Doch nicht") }))).toBe(
      "conflict results:error.alreadyDecided",
    );
  });

  it("declines with a reason and creates no revision", async () => {
    const before = await counts();
    const outcome = await decide(database.db, planner, {
      subjects: [{ kind: "proposal", proposalId: conference.proposals.change }],
      decision: { outcome: "declined" },
      reasons: german("Dafür fehlen im Quartier die Flächen."),
    });
    expect(outcome).toMatchObject({ outcome: "declined", revision: null, measure: null });
    expect(await counts()).toEqual({ decisions: before.decisions + 1, reasons: before.reasons + 1, revisions: before.revisions });
  });

  it("defers a result, then takes it into the catalogue as a changed measure", async () => {
    const subjects = [{ kind: "result", agendaItemId: conference.items.w1 }];
    await decide(database.db, planner, { subjects, decision: { outcome: "deferred" }, reasons: german("Wird im Haushalt 2027 geprüft.") });
    expect((await inbox(database.db, planner, { planSlug: testPlanSlug })).results.map((r) => [r.measure.code, r.deferred])).toEqual([
      ["W-1", true],
      ["B-1", false],
    ]);
    const outcome = await decide(database.db, planner, {
      subjects,
      decision: { outcome: "accepted", change: { kind: "changeMeasure", code: "W-1", changes: { maturity: "B" } } },
      reasons: german("Hohe Priorität: Umsetzung beginnt."),
    });
    expect(outcome).toMatchObject({ revision: { number: 3 }, measure: { code: "W-1" } });
    const views = await loadDecisions(database.db, { agendaItemIds: [conference.items.w1] });
    expect(views.map((v) => v.outcome)).toEqual(["accepted", "deferred"]);
  });

  it("merges several inputs into a measure at once", async () => {
    const outcome = await decide(database.db, planner, {
      subjects: [
        { kind: "result", agendaItemId: conference.items.b1 },
        { kind: "comment", commentId: conference.comments.relevant },
      ],
      decision: { outcome: "merged", into: { kind: "measure", code: "b-1" } },
      reasons: german("Fließt in die Bildungskarte ein."),
    });
    expect(outcome.decisionIds).toHaveLength(2);
    const open = await inbox(database.db, planner, { planSlug: testPlanSlug });
    expect([open.proposals, open.results, open.comments]).toEqual([[], [], []]);
    const views = await loadDecisions(database.db, { commentIds: [conference.comments.relevant] });
    expect(views[0]!.mergedInto).toEqual({ kind: "measure", code: "B-1", title: "Bildungskarte" });
  });

  it("refuses results of a running session, merging into itself and inputs of two plans", async () => {
    const deps = recordingDeps(database.db);
    const running = await testSession(deps, moderator, "Laufende Sitzung", [{ kind: "measure", measureCode: "W-2" }]);
    const reasons = german("Test");
    expect(await refusal(decide(database.db, planner, { subjects: [{ kind: "result", agendaItemId: running.itemIds[0]! }], decision: { outcome: "declined" }, reasons }))).toBe(
      "conflict results:error.sessionNotClosed",
    );
    const p = await joinAs(deps, running.joinCode);
    const idea = await submitProposal(deps, p, { liveSessionId: running.liveSessionId, kind: "new_measure", title: "Idee", body: "Text" });
    expect(
      await refusal(decide(database.db, planner, { subjects: [{ kind: "proposal", proposalId: idea.id }], decision: { outcome: "merged", into: { kind: "proposal", proposalId: idea.id } }, reasons })),
    ).toBe("invalid results:error.mergeTarget");
    await importPlan(database.db, { ...testPlanFile, slug: "zweiter-plan" }, { reason: "Test" });
    const other = await testSession(deps, moderator, "Anderer Plan", [{ kind: "measure", measureCode: "W-1" }], "zweiter-plan");
    const q = await joinAs(deps, other.joinCode);
    const elsewhere = await submitProposal(deps, q, { liveSessionId: other.liveSessionId, kind: "new_measure", title: "Anderswo", body: "Text" });
    const both = [{ kind: "proposal", proposalId: idea.id }, { kind: "proposal", proposalId: elsewhere.id }];
    expect(await refusal(decide(database.db, planner, { subjects: both, decision: { outcome: "declined" }, reasons }))).toBe("invalid results:error.mixedPlans");
    expect(
      await refusal(decide(database.db, planner, { subjects: [{ kind: "proposal", proposalId: idea.id }], decision: { outcome: "merged", into: { kind: "proposal", proposalId: elsewhere.id } }, reasons })),
    ).toBe("invalid results:error.mergeTarget");
  });

  it("stores one decision when the same form is submitted twice at once, and refuses deferring twice", async () => {
    const deps = recordingDeps(database.db);
    const running = await testSession(deps, moderator, "Doppelklick", [{ kind: "measure", measureCode: "W-2" }]);
    const p = await joinAs(deps, running.joinCode);
    const idea = async (title: string) =>
      (await submitProposal(deps, p, { liveSessionId: running.liveSessionId, kind: "new_measure", title, body: "Text" })).id;
    const [first, second] = [await idea("Sitzbänke"), await idea("Trinkbrunnen")];
    const before = await counts();
    for (const [proposalId, outcome] of [[first, "deferred"], [second, "declined"]] as const) {
      const form = { subjects: [{ kind: "proposal", proposalId }], decision: { outcome }, reasons: german("Später"), clientId: `form-${proposalId.slice(0, 8)}` };
      const [a, b] = await Promise.all([decide(database.db, planner, form), decide(database.db, planner, form)]);
      expect(b.decisionIds, outcome).toEqual(a.decisionIds);
    }
    expect(await counts()).toMatchObject({ decisions: before.decisions + 2, reasons: before.reasons + 2 });
    // Without the form's key, a deferral sent again is still a double submit, not a second answer.
    const again = { subjects: [{ kind: "proposal", proposalId: first }], decision: { outcome: "deferred" }, reasons: german("Später") };
    expect(await refusal(decide(database.db, planner, again))).toBe("conflict results:error.alreadyDeferred");
    expect(await counts()).toMatchObject({ decisions: before.decisions + 2 });
  });
});

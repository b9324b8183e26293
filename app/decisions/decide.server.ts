import { desc, eq, inArray, or } from "drizzle-orm";
import type { Db } from "../../db/client";
import { decisionReasons, decisions } from "../../db/schema";
import type { Actor, StaffActor } from "../auth/actor";
import { authorize } from "../auth/permissions";
import { findMeasure, insertMeasure, lockPlanById, openRevision, updateMeasure, type RevisionRef, type Tx } from "../catalogue/revisions.server";
import { measureSummaries, revisionNumbers } from "../catalogue/summaries.server";
import { conferenceRefs } from "../conferences/conferences.server";
import { DomainError, invalidInput, notFound } from "../errors";
import { commentsByIds, itemPlaces, proposalsByIds } from "../live/inputs.server";
import { enqueueDecisionMails } from "./decision-mail.server";
import { decideSchema, type DecideInput, type DecisionSubject } from "./schemas";

export type DecideResult = {
  decisionIds: string[];
  outcome: DecideInput["decision"]["outcome"];
  /** The plan revision an accepted decision created, and the measure it created or changed. */
  revision: RevisionRef | null;
  measure: { id: string; code: string } | null;
};

const subjectId = (s: DecisionSubject) => (s.kind === "proposal" ? s.proposalId : s.kind === "result" ? s.agendaItemId : s.commentId);

const planOfConference = async (tx: Tx, conferenceId: string) => (await conferenceRefs(tx, [conferenceId])).get(conferenceId)!.planId;

/** Each input with the plan it belongs to; only a prioritised measure of a closed session is a result to decide. */
async function planOfSubject(tx: Tx, subject: DecisionSubject): Promise<string> {
  if (subject.kind === "proposal") {
    const [proposal] = await proposalsByIds(tx, [subject.proposalId]);
    if (!proposal) throw notFound();
    return planOfConference(tx, proposal.conferenceId);
  }
  const itemId = subject.kind === "result" ? subject.agendaItemId : (await commentsByIds(tx, [subject.commentId]))[0]?.agendaItemId;
  const item = itemId ? (await itemPlaces(tx, [itemId])).get(itemId) : undefined;
  if (!item) throw notFound();
  if (subject.kind === "result" && item.kind !== "measure") throw new DomainError("invalid", "results:error.notAMeasure");
  if (subject.kind === "result" && item.liveSession.status !== "closed") throw new DomainError("conflict", "results:error.sessionNotClosed");
  return planOfConference(tx, item.conferenceId);
}

/** What a decision sent again gets: the answer its first submit got. */
async function earlierResult(tx: Tx, decisionIds: string[]): Promise<DecideResult> {
  const [row] = await tx
    .select({ outcome: decisions.outcome, revisionId: decisions.revisionId, measureId: decisions.measureId })
    .from(decisions)
    .where(eq(decisions.id, decisionIds[0]!));
  const { outcome, revisionId, measureId } = row!;
  const number = revisionId ? (await revisionNumbers(tx, [revisionId])).get(revisionId) : undefined;
  const measure = measureId ? (await measureSummaries(tx, [measureId])).get(measureId) : undefined;
  return {
    decisionIds,
    outcome,
    revision: revisionId && number !== undefined ? { id: revisionId, number } : null,
    measure: measure ? { id: measure.id, code: measure.code } : null,
  };
}

/** The reason a revision records: the one in the plan's own language, else the first given. */
const revisionReason = (reasons: DecideInput["reasons"], planLanguage: string) =>
  (reasons.find((r) => r.language === planLanguage) ?? reasons[0]!).text;

/**
 * A planner's answer to one or more inputs: accepted into the catalogue (a new measure, or changed
 * fields of one, in a new plan revision that the decisions point to), merged into another
 * proposal or a measure, deferred, or declined; always with a reason. A deferred input can be
 * decided again later; any other decision is final. With `mailOrigin` (the site's address), the
 * participants who asked to be told get a mail, queued in the same transaction and sent after it.
 */
export async function decide(db: Db, actor: Actor, input: unknown, { mailOrigin }: { mailOrigin?: string } = {}): Promise<DecideResult> {
  authorize(actor, "decision.write");
  const planner = actor as StaffActor;
  const parsed = decideSchema.safeParse(input);
  if (!parsed.success) {
    const aboutReasons = parsed.error.issues.some((issue) => issue.path[0] === "reasons");
    throw invalidInput(parsed.error, aboutReasons ? "results:error.reasonRequired" : undefined);
  }
  const { subjects, decision, reasons, clientId } = parsed.data;
  return db.transaction(async (tx) => {
    const planIds = new Set<string>();
    for (const subject of subjects) planIds.add(await planOfSubject(tx, subject));
    if (planIds.size > 1) throw new DomainError("invalid", "results:error.mixedPlans");
    // Decisions and revisions of one plan are taken one at a time.
    const plan = await lockPlanById(tx, [...planIds][0]!);
    // The plan's language is the one the catalogue and every participant can fall back to.
    if (!reasons.some((reason) => reason.language === plan.language)) {
      throw new DomainError("invalid", "results:error.reasonInPlanLanguage", { reasons: "results:error.reasonInPlanLanguage" }, {
        language: plan.language,
      });
    }
    const ids = subjects.map(subjectId);
    // Read under the plan's lock: a second submit of the same form waits for the first and sees it.
    const earlier = await tx
      .select({ id: decisions.id, outcome: decisions.outcome, clientId: decisions.clientId, decidedAt: decisions.decidedAt })
      .from(decisions)
      .where(or(inArray(decisions.proposalId, ids), inArray(decisions.agendaItemId, ids), inArray(decisions.commentId, ids)))
      .orderBy(desc(decisions.decidedAt));
    const resent = clientId ? earlier.filter((row) => row.clientId === clientId) : [];
    if (resent.length === subjects.length) return earlierResult(tx, resent.map((row) => row.id));
    if (earlier.some((row) => row.outcome !== "deferred")) throw new DomainError("conflict", "results:error.alreadyDecided");
    // Deferring what stands deferred is a form sent twice, not a new answer.
    if (decision.outcome === "deferred" && earlier.length > 0) throw new DomainError("conflict", "results:error.alreadyDeferred");

    let revision: RevisionRef | null = null;
    let measure: { id: string; code: string } | null = null;
    let mergedInto: { mergedIntoMeasureId?: string; mergedIntoProposalId?: string } = {};
    if (decision.outcome === "accepted") {
      revision = await openRevision(tx, planner, plan.id, revisionReason(reasons, plan.language));
      const { change } = decision;
      const done =
        change.kind === "newMeasure"
          ? await insertMeasure(tx, plan.id, revision, change.measure)
          : await updateMeasure(tx, plan.id, revision, change.code, change.changes);
      measure = done.measure;
    } else if (decision.outcome === "merged" && decision.into.kind === "measure") {
      mergedInto = { mergedIntoMeasureId: (await findMeasure(tx, plan.id, decision.into.code)).id };
    } else if (decision.outcome === "merged" && decision.into.kind === "proposal") {
      const target = decision.into.proposalId;
      if (ids.includes(target) || (await planOfSubject(tx, { kind: "proposal", proposalId: target })) !== plan.id) {
        throw new DomainError("invalid", "results:error.mergeTarget", { into: "results:error.mergeTarget" });
      }
      mergedInto = { mergedIntoProposalId: target };
    }

    const rows = await tx
      .insert(decisions)
      .values(
        subjects.map((subject) => ({
          planId: plan.id,
          proposalId: subject.kind === "proposal" ? subject.proposalId : null,
          agendaItemId: subject.kind === "result" ? subject.agendaItemId : null,
          commentId: subject.kind === "comment" ? subject.commentId : null,
          outcome: decision.outcome,
          measureId: measure?.id ?? null,
          revisionId: revision?.id ?? null,
          decidedBy: planner.userId,
          clientId: clientId ?? null,
          ...mergedInto,
        })),
      )
      .returning({ id: decisions.id });
    await tx.insert(decisionReasons).values(rows.flatMap((row) => reasons.map((r) => ({ decisionId: row.id, ...r }))));
    if (mailOrigin) await enqueueDecisionMails(tx, rows.map((r) => r.id), mailOrigin);
    return { decisionIds: rows.map((r) => r.id), outcome: decision.outcome, revision, measure };
  });
}

import { asc, desc, eq, inArray, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client";
import { decisionReasons, decisions, measures, planRevisions, proposals } from "../../db/schema";

type Reader = Pick<Db, "select">;

/** A planner's decision as the inbox, the feedback pages and the exports show it. */
export type DecisionView = {
  id: string;
  outcome: "accepted" | "merged" | "deferred" | "declined";
  decidedAt: string;
  subject: { kind: "proposal"; id: string } | { kind: "result"; id: string } | { kind: "comment"; id: string };
  reasons: { language: string; text: string }[];
  /** The measure it created or changed (accepted). */
  measure: { code: string; title: string } | null;
  mergedInto: { kind: "measure"; code: string; title: string } | { kind: "proposal"; id: string; title: string } | null;
  /** The plan revision the change landed in (accepted). */
  revision: number | null;
};

export type SubjectIds = { proposalIds?: string[]; agendaItemIds?: string[]; commentIds?: string[] };

/**
 * The decisions on the given inputs, newest first per input. A deferred decision may later be
 * followed by a final one; the first entry for an input is what stands.
 */
export async function loadDecisions(db: Reader, ids: SubjectIds): Promise<DecisionView[]> {
  const conditions = [
    ids.proposalIds?.length ? inArray(decisions.proposalId, ids.proposalIds) : undefined,
    ids.agendaItemIds?.length ? inArray(decisions.agendaItemId, ids.agendaItemIds) : undefined,
    ids.commentIds?.length ? inArray(decisions.commentId, ids.commentIds) : undefined,
  ].filter((c) => c !== undefined);
  if (conditions.length === 0) return [];
  const taken = alias(measures, "taken");
  const intoMeasure = alias(measures, "into_measure");
  const intoProposal = alias(proposals, "into_proposal");
  const rows = await db
    .select({
      decision: decisions,
      taken: { code: taken.code, title: taken.title },
      intoMeasure: { code: intoMeasure.code, title: intoMeasure.title },
      intoProposal: { id: intoProposal.id, title: intoProposal.title },
      revision: planRevisions.number,
    })
    .from(decisions)
    .leftJoin(taken, eq(taken.id, decisions.measureId))
    .leftJoin(intoMeasure, eq(intoMeasure.id, decisions.mergedIntoMeasureId))
    .leftJoin(intoProposal, eq(intoProposal.id, decisions.mergedIntoProposalId))
    .leftJoin(planRevisions, eq(planRevisions.id, decisions.revisionId))
    .where(or(...conditions))
    .orderBy(desc(decisions.decidedAt));
  const reasons = rows.length
    ? await db
        .select()
        .from(decisionReasons)
        .where(inArray(decisionReasons.decisionId, rows.map((r) => r.decision.id)))
        .orderBy(asc(decisionReasons.language))
    : [];
  return rows.map(({ decision: d, taken: t, intoMeasure: m, intoProposal: p, revision }) => ({
    id: d.id,
    outcome: d.outcome,
    decidedAt: d.decidedAt.toISOString(),
    subject: d.proposalId
      ? { kind: "proposal", id: d.proposalId }
      : d.agendaItemId
        ? { kind: "result", id: d.agendaItemId }
        : { kind: "comment", id: d.commentId! },
    reasons: reasons.filter((r) => r.decisionId === d.id).map(({ language, text }) => ({ language, text })),
    measure: t?.code ? { code: t.code, title: t.title } : null,
    mergedInto: m?.code ? { kind: "measure", ...m } : p?.id ? { kind: "proposal", ...p } : null,
    revision: revision ?? null,
  }));
}

/** The decision that stands for each input: the newest one. */
export function standing(views: DecisionView[]): Map<string, DecisionView> {
  const latest = new Map<string, DecisionView>();
  for (const view of views) if (!latest.has(view.subject.id)) latest.set(view.subject.id, view);
  return latest;
}

/**
 * The reason in the reader's language where the planner wrote one, else in the plan's own
 * language (German), else the first there is; `translated` false tells the page to mark it.
 */
export function reasonFor(
  view: Pick<DecisionView, "reasons">,
  language: string,
  planLanguage = "de",
): { language: string; text: string; translated: boolean } | null {
  const pick =
    view.reasons.find((r) => r.language === language) ??
    view.reasons.find((r) => r.language === planLanguage) ??
    view.reasons[0];
  return pick ? { ...pick, translated: pick.language === language } : null;
}


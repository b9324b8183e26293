import { asc, desc, inArray, or } from "drizzle-orm";
import type { Db } from "../../db/client";
import { decisionReasons, decisions } from "../../db/schema";
import { measureSummaries, revisionNumbers } from "../catalogue/summaries.server";
import { proposalsByIds } from "../live/inputs.server";

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
  /** A proposal it was merged into carries its author's language, for `lang`. */
  mergedInto: { kind: "measure"; code: string; title: string } | { kind: "proposal"; id: string; title: string; language: string } | null;
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
  const rows = await db.select().from(decisions).where(or(...conditions)).orderBy(desc(decisions.decidedAt));
  if (rows.length === 0) return [];
  const some = (ids: (string | null)[]) => [...new Set(ids.flatMap((id) => (id ? [id] : [])))];
  const [reasons, measureOf, proposalOf, revisionOf] = await Promise.all([
    db.select().from(decisionReasons).where(inArray(decisionReasons.decisionId, rows.map((r) => r.id))).orderBy(asc(decisionReasons.language)),
    measureSummaries(db, some(rows.flatMap((r) => [r.measureId, r.mergedIntoMeasureId]))),
    proposalsByIds(db, some(rows.map((r) => r.mergedIntoProposalId))).then((list) => new Map(list.map((p) => [p.id, p]))),
    revisionNumbers(db, some(rows.map((r) => r.revisionId))),
  ]);
  return rows.map((d) => {
    const taken = d.measureId ? measureOf.get(d.measureId) : undefined;
    const intoMeasure = d.mergedIntoMeasureId ? measureOf.get(d.mergedIntoMeasureId) : undefined;
    const intoProposal = d.mergedIntoProposalId ? proposalOf.get(d.mergedIntoProposalId) : undefined;
    return {
      id: d.id,
      outcome: d.outcome,
      decidedAt: d.decidedAt.toISOString(),
      subject: d.proposalId
        ? { kind: "proposal", id: d.proposalId }
        : d.agendaItemId
          ? { kind: "result", id: d.agendaItemId }
          : { kind: "comment", id: d.commentId! },
      reasons: reasons.filter((r) => r.decisionId === d.id).map(({ language, text }) => ({ language, text })),
      measure: taken ? { code: taken.code, title: taken.title } : null,
      mergedInto: intoMeasure
        ? { kind: "measure", code: intoMeasure.code, title: intoMeasure.title }
        : intoProposal
          ? { kind: "proposal", id: intoProposal.id, title: intoProposal.title, language: intoProposal.language }
          : null,
      revision: d.revisionId ? (revisionOf.get(d.revisionId) ?? null) : null,
    };
  });
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


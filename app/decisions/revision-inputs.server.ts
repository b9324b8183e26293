import { asc, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { decisions } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/permissions";
import { commentsByIds, proposalsByIds } from "../live/inputs.server";
import type { DecisionView } from "./views.server";

type Reader = Pick<Db, "select">;

/** What led to a revision of the catalogue: a decision that took a proposal, a result or a comment into it. */
export type RevisionInput = {
  decisionId: string;
  outcome: DecisionView["outcome"];
  kind: "proposal" | "result" | "comment";
  /** The proposal's title or the comment's text; null for a result. */
  text: string | null;
  /** The language that text was written in, so a participant's Arabic proposal is marked as Arabic. */
  language: string | null;
};

/**
 * The inputs behind each of these plan revisions, in the order they were decided. A measure's
 * history (catalogue/history.server.ts) lists its revisions; the page asks this for their inputs.
 * Public, as the history is: what was decided and on which input, never who made it.
 */
export async function revisionInputs(db: Reader, actor: Actor, revisionIds: string[]): Promise<Map<string, RevisionInput[]>> {
  authorize(actor, "catalogue.read");
  const byRevision = new Map<string, RevisionInput[]>();
  if (revisionIds.length === 0) return byRevision;
  const rows = await db
    .select({ id: decisions.id, revisionId: decisions.revisionId, outcome: decisions.outcome, proposalId: decisions.proposalId, commentId: decisions.commentId })
    .from(decisions)
    .where(inArray(decisions.revisionId, revisionIds))
    .orderBy(asc(decisions.decidedAt));
  const [proposalList, commentList] = await Promise.all([
    proposalsByIds(db, rows.flatMap((r) => (r.proposalId ? [r.proposalId] : []))),
    commentsByIds(db, rows.flatMap((r) => (r.commentId ? [r.commentId] : []))),
  ]);
  const said = new Map([
    ...proposalList.map((p) => [p.id, { text: p.title, language: p.language }] as const),
    ...commentList.map((c) => [c.id, { text: c.body, language: c.language }] as const),
  ]);
  for (const r of rows) {
    const input = said.get(r.proposalId ?? r.commentId ?? "");
    const entry: RevisionInput = {
      decisionId: r.id,
      outcome: r.outcome,
      kind: r.proposalId ? "proposal" : r.commentId ? "comment" : "result",
      text: input?.text ?? null,
      language: input?.language ?? null,
    };
    const list = byRevision.get(r.revisionId!);
    if (list) list.push(entry);
    else byRevision.set(r.revisionId!, [entry]);
  }
  return byRevision;
}

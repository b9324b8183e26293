import { inArray, or } from "drizzle-orm";
import type { Db } from "../../db/client";
import { decisions } from "../../db/schema";

type Reader = Pick<Db, "select">;

/**
 * Which of these comments and proposals a planner's decision names (as its subject or as the
 * proposal another was merged into): they are part of the public decision record.
 */
export async function decidedInputs(db: Reader, { commentIds, proposalIds }: { commentIds: string[]; proposalIds: string[] }): Promise<Set<string>> {
  const conditions = [
    commentIds.length ? inArray(decisions.commentId, commentIds) : undefined,
    proposalIds.length ? inArray(decisions.proposalId, proposalIds) : undefined,
    proposalIds.length ? inArray(decisions.mergedIntoProposalId, proposalIds) : undefined,
  ].filter((c) => c !== undefined);
  if (conditions.length === 0) return new Set();
  const rows = await db
    .select({ commentId: decisions.commentId, proposalId: decisions.proposalId, mergedIntoProposalId: decisions.mergedIntoProposalId })
    .from(decisions)
    .where(or(...conditions));
  const named = new Set([...commentIds, ...proposalIds]);
  return new Set(rows.flatMap((r) => [r.commentId, r.proposalId, r.mergedIntoProposalId]).filter((id): id is string => id !== null && named.has(id)));
}

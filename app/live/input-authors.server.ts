import { eq, or } from "drizzle-orm";
import type { Db } from "../../db/client";
import { comments, proposals, votes } from "../../db/schema";

type Reader = Pick<Db, "selectDistinct">;

/**
 * The participants whose input a decision answers: a proposal's author and the authors of the
 * proposals merged into it, a comment's author, or everyone who voted on or commented on an item.
 */
export async function authorsOf(db: Reader, input: { proposalId: string } | { commentId: string } | { agendaItemId: string }): Promise<string[]> {
  let rows: { participantId: string | null }[];
  if ("proposalId" in input) {
    rows = await db
      .selectDistinct({ participantId: proposals.participantId })
      .from(proposals)
      .where(or(eq(proposals.id, input.proposalId), eq(proposals.mergedIntoId, input.proposalId)));
  } else if ("commentId" in input) {
    rows = await db.selectDistinct({ participantId: comments.participantId }).from(comments).where(eq(comments.id, input.commentId));
  } else {
    const [voters, writers] = await Promise.all([
      db.selectDistinct({ participantId: votes.participantId }).from(votes).where(eq(votes.agendaItemId, input.agendaItemId)),
      db.selectDistinct({ participantId: comments.participantId }).from(comments).where(eq(comments.agendaItemId, input.agendaItemId)),
    ]);
    rows = [...voters, ...writers];
  }
  return [...new Set(rows.flatMap((r) => (r.participantId ? [r.participantId] : [])))];
}

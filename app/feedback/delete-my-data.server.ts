import { z } from "zod";
import type { Actor } from "../auth/actor";
import { eraseParticipant, lockParticipant } from "../auth/participant-data.server";
import { authorize } from "../auth/permissions";
import { decidedInputs } from "../decisions/decided-inputs.server";
import { DomainError, parseInput } from "../errors";
import type { LiveDeps } from "../live/events";
import { commentsOf, proposalsOf } from "../live/inputs.server";
import { inputOf, withdrawInput } from "../live/withdraw.server";
import { forgetMachineTranslations } from "../translation/machine-translate.server";

const deleteMyDataSchema = z.object({
  conferenceId: z.string().uuid(),
  // The confirmation step's answer: without it nothing is deleted.
  confirm: z.literal("yes"),
});

/**
 * A participant deletes their profile and their comments and proposals in one conference
 * (docs/decisions/017-participant-data.md). Live screens drop the comments after the commit.
 */
export async function deleteMyData(deps: LiveDeps, actor: Actor, input: unknown): Promise<{ participantId: string }> {
  authorize(actor, "participant.eraseOwn");
  const data = parseInput(deleteMyDataSchema, input, "feedback:delete.notConfirmed");
  if (actor.kind !== "participant" || actor.conferenceId !== data.conferenceId) {
    throw new DomainError("forbidden", "common:error.forbiddenText");
  }
  const { participantId } = actor;
  const withdrawn = await deps.db.transaction(async (tx) => {
    if (!(await lockParticipant(tx, participantId))) throw new DomainError("not_found", "common:error.notFoundText");
    const mine = await inputOf(tx, participantId);
    const keep = await decidedInputs(tx, { commentIds: mine.comments.map((c) => c.id), proposalIds: mine.proposalIds });
    // The texts that go, so their machine translations in the cache go too (decision 042); their
    // stored translations go with the comments and proposals themselves (ON DELETE CASCADE).
    const [myComments, myProposals] = await Promise.all([
      commentsOf(tx, { participantId }, { withHidden: true, limit: 100_000 }),
      proposalsOf(tx, { participantId }),
    ]);
    const texts = [
      ...myComments.filter((c) => !keep.has(c.id)).map((c) => c.body),
      ...myProposals.filter((p) => !keep.has(p.id)).flatMap((p) => [p.title, p.body]),
    ];
    const result = await withdrawInput(tx, participantId, keep);
    await forgetMachineTranslations(tx, texts);
    await eraseParticipant(tx, participantId, { stillReferenced: result.votesKept });
    return result;
  });
  for (const { id, liveSessionId } of withdrawn.comments) {
    deps.publish({ type: "comment.deleted", liveSessionId, audience: "all", commentId: id });
  }
  for (const { agendaItemId, liveSessionId } of withdrawn.changedItems) {
    deps.publish({ type: "votes.changed", liveSessionId, audience: "internal", agendaItemId });
  }
  return { participantId };
}

import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { votes } from "../../db/schema";
import { countedVotes, type AnswerRow } from "./latest-answer";
import type { MyVotes } from "./views";

type Reader = Pick<Db, "select">;

export type MyVoteRow = AnswerRow & { value: number };

export type VoteRow = MyVoteRow & { clientId: string };

/**
 * The participant's votes in the session, newest first. Inside a command, read it after the
 * participant's lock, so the budget check sees every vote committed before.
 */
export async function votesOf(db: Reader, participantId: string, liveSessionId: string): Promise<VoteRow[]> {
  return db
    .select({
      clientId: votes.clientId,
      participantId: votes.participantId,
      agendaItemId: votes.agendaItemId,
      kind: votes.kind,
      criterion: votes.criterion,
      value: votes.value,
      createdAt: votes.createdAt,
    })
    .from(votes)
    .where(and(eq(votes.liveSessionId, liveSessionId), eq(votes.participantId, participantId)))
    .orderBy(desc(votes.createdAt), desc(votes.id));
}

/** A participant's own votes in a session: dots per item, latest ratings, scale and ranking. */
export async function myVotes(db: Reader, participantId: string, liveSessionId: string): Promise<MyVotes> {
  return tallyMyVotes(await votesOf(db, participantId, liveSessionId));
}

/** The participant's rows, newest first, as latest-answer.ts counts them: dots add up, the newest answer counts. */
export function tallyMyVotes(rows: MyVoteRow[]): MyVotes {
  const mine: MyVotes = { dotsSpent: 0, dotsByItem: {}, ratings: {}, scale: {}, ranking: {} };
  for (const row of countedVotes(rows)) {
    if (row.kind === "dots") {
      mine.dotsSpent += row.value;
      mine.dotsByItem[row.agendaItemId] = (mine.dotsByItem[row.agendaItemId] ?? 0) + row.value;
    } else if (row.kind === "rating") {
      (mine.ratings[row.agendaItemId] ??= {})[row.criterion!] = row.value;
    } else if (row.kind === "scale") {
      mine.scale[row.agendaItemId] = row.value;
    } else {
      (mine.ranking[row.agendaItemId] ??= [])[row.value - 1] = row.criterion!;
    }
  }
  return mine;
}

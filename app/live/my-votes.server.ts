import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { votes } from "../../db/schema";
import type { MyVotes } from "./views";

type Reader = Pick<Db, "select">;

export type MyVoteRow = {
  agendaItemId: string;
  kind: "dots" | "rating" | "scale" | "ranking";
  criterion: string | null;
  value: number;
  createdAt: Date;
};

export type VoteRow = MyVoteRow & { clientId: string; participantId: string | null };

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

/** Rows come newest first: the first answer seen per question is the one that counts. */
export function tallyMyVotes(rows: MyVoteRow[]): MyVotes {
  const mine: MyVotes = { dotsSpent: 0, dotsByItem: {}, ratings: {}, scale: {}, ranking: {} };
  const newestBallot = new Map<string, number>();
  for (const row of rows) {
    if (row.kind === "dots") {
      mine.dotsSpent += row.value;
      mine.dotsByItem[row.agendaItemId] = (mine.dotsByItem[row.agendaItemId] ?? 0) + row.value;
    } else if (row.kind === "rating") {
      const ratings = (mine.ratings[row.agendaItemId] ??= {});
      ratings[row.criterion!] ??= row.value;
    } else if (row.kind === "scale") {
      mine.scale[row.agendaItemId] ??= row.value;
    } else {
      const at = row.createdAt.getTime();
      if (!newestBallot.has(row.agendaItemId)) newestBallot.set(row.agendaItemId, at);
      if (newestBallot.get(row.agendaItemId) !== at) continue;
      const ballot = (mine.ranking[row.agendaItemId] ??= []);
      ballot[row.value - 1] = row.criterion!;
    }
  }
  return mine;
}

import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { votes } from "../../db/schema";
import { staffNames } from "../auth/staff-names.server";
import type { LiveDeps } from "./events";

type Reader = Pick<Db, "select">;
type VoteRow = typeof votes.$inferSelect;

/** One paper entry as the console lists it: what was counted, how many ballots, who typed it in. */
export type PaperBatch = {
  id: string;
  agendaItemId: string;
  kind: "dots" | "rating" | "scale";
  criterion: string | null;
  value: number;
  weight: number;
  enteredBy: string | null;
  createdAt: string;
};

/**
 * The session's paper entries, oldest first, as the moderators typed them in. Callers have
 * authorised the reader (listPaperVotes, or a moderator's live state).
 */
export async function paperBatchesOf(db: Reader, liveSessionId: string): Promise<PaperBatch[]> {
  const rows = await db
    .select()
    .from(votes)
    .where(and(eq(votes.liveSessionId, liveSessionId), eq(votes.source, "paper")))
    .orderBy(asc(votes.createdAt), asc(votes.id));
  const names = await staffNames(db, rows.map((vote) => vote.enteredBy));
  return rows.map((vote) => toBatch(vote, names));
}

function toBatch(vote: VoteRow, names: Map<string, string>): PaperBatch {
  return {
    id: vote.id,
    agendaItemId: vote.agendaItemId,
    kind: vote.kind as PaperBatch["kind"],
    criterion: vote.criterion,
    value: vote.value,
    weight: vote.weight,
    enteredBy: vote.enteredBy ? (names.get(vote.enteredBy) ?? null) : null,
    createdAt: vote.createdAt.toISOString(),
  };
}

/**
 * After commit: every console watching the session lists the entry as it now stands (a new one
 * or a correction), so a second moderator sees a colleague's entry without reloading. The
 * result follows through `votes.changed`.
 */
export async function publishPaperBatch(deps: LiveDeps, vote: VoteRow): Promise<PaperBatch> {
  const batch = toBatch(vote, await staffNames(deps.db, [vote.enteredBy]));
  deps.publish({ type: "paperBatch.updated", liveSessionId: vote.liveSessionId, audience: "moderators", batch });
  deps.publish({ type: "votes.changed", liveSessionId: vote.liveSessionId, audience: "internal", agendaItemId: vote.agendaItemId });
  return batch;
}

import { asc, count, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { agendaItems, liveSessions } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/permissions";
import { authorizeConference } from "../conferences/team.server";
import { uuid } from "./schemas";

type Reader = Pick<Db, "select">;

export type LiveSessionSummary = {
  id: string;
  title: string;
  status: "draft" | "live" | "closed";
  joinCode: string | null;
  dotsPerParticipant: number;
  itemCount: number;
  startedAt: Date | null;
  closedAt: Date | null;
};

/** The live sessions of one conference, for its page: started ones first, then drafts. */
export async function listLiveSessions(db: Reader, actor: Actor, conferenceId: string): Promise<LiveSessionSummary[]> {
  authorize(actor, "conference.manage");
  if (!uuid.safeParse(conferenceId).success) return [];
  await authorizeConference(db, actor, "conference.manage", conferenceId);
  const itemCounts = db
    .select({ liveSessionId: agendaItems.liveSessionId, n: count().as("item_count") })
    .from(agendaItems)
    .groupBy(agendaItems.liveSessionId)
    .as("ic");
  const rows = await db
    .select({
      id: liveSessions.id,
      title: liveSessions.title,
      status: liveSessions.status,
      joinCode: liveSessions.joinCode,
      dotsPerParticipant: liveSessions.dotsPerParticipant,
      itemCount: itemCounts.n,
      startedAt: liveSessions.startedAt,
      closedAt: liveSessions.closedAt,
    })
    .from(liveSessions)
    .leftJoin(itemCounts, eq(itemCounts.liveSessionId, liveSessions.id))
    .where(eq(liveSessions.conferenceId, conferenceId))
    .orderBy(sql`${liveSessions.startedAt} asc nulls last`, asc(liveSessions.title));
  return rows.map((r) => ({ ...r, itemCount: Number(r.itemCount ?? 0) }));
}

import { and, asc, count, desc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { agendaItems, liveSessions } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/permissions";
import { conferenceRefs } from "../conferences/conferences.server";
import { authorizeConference, steerableConferences } from "../conferences/team.server";
import { uuid } from "./schemas";

type Reader = Pick<Db, "select">;

export type LiveSessionSummary = {
  id: string;
  title: string;
  status: "draft" | "live" | "closed";
  joinCode: string | null;
  dotsPerParticipant: number;
  /** Its step in a two-step prioritisation (decision 051), null in a free agenda. */
  step: "working_group" | "steering_group" | null;
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
      step: liveSessions.step,
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

export type MediatedSession = { id: string; title: string; status: "live" | "closed"; startedAt: Date | null; conference: { id: string; title: string } };

/** How many sessions the mediators' list shows: the running ones, then the latest closed. */
const mediatedSessionsShown = 50;

/**
 * The started sessions of the conferences whose team a language mediator is on (decision 042),
 * running ones first, then the latest closed (comments there may still lack translations): their
 * way to each session's mediator console. Drafts have no comments yet.
 */
export async function mediatedSessions(db: Reader, actor: Actor): Promise<MediatedSession[]> {
  authorize(actor, "translation.write");
  const teams = await steerableConferences(db, actor);
  if (teams !== "all" && teams.size === 0) return [];
  const rows = await db
    .select({ id: liveSessions.id, title: liveSessions.title, status: liveSessions.status, startedAt: liveSessions.startedAt, conferenceId: liveSessions.conferenceId })
    .from(liveSessions)
    .where(and(ne(liveSessions.status, "draft"), teams === "all" ? undefined : inArray(liveSessions.conferenceId, [...teams])))
    .orderBy(sql`${liveSessions.status} = 'live' desc`, desc(liveSessions.startedAt), asc(liveSessions.title))
    .limit(mediatedSessionsShown);
  const refs = await conferenceRefs(db, rows.map((r) => r.conferenceId));
  return rows.map(({ conferenceId, status, ...row }) => ({
    ...row,
    status: status === "live" ? "live" : "closed",
    conference: { id: conferenceId, title: refs.get(conferenceId)?.title ?? "" },
  }));
}

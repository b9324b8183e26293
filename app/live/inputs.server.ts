import { and, asc, eq, inArray, isNull, not, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Db } from "../../db/client";
import { agendaItems, comments, commentSupports, liveSessions, proposals, votes } from "../../db/schema";
import { loadComments } from "./comments.server";
import { loadProposals } from "./proposals.server";
import type { CommentView, ProposalView } from "./views";

// The live room's records as the rooms above it read them (decisions, feedback): they name
// inputs by id and never join the live tables themselves (docs/decisions/020).

type Reader = Pick<Db, "select">;

/** Ids to leave out (inputs already answered), as one array parameter however many there are. */
const except = (column: SQLWrapper, ids: string[]): SQL | undefined =>
  ids.length ? not(sql`${column} = any(${sql.param(ids)}::uuid[])`) : undefined;

export type ProposalRecord = typeof proposals.$inferSelect;

export async function proposalsByIds(db: Reader, ids: string[]): Promise<ProposalRecord[]> {
  if (ids.length === 0) return [];
  return db.select().from(proposals).where(inArray(proposals.id, ids));
}

/** A comment with its supporters counted and the conference it was made in. */
export type CommentRecord = typeof comments.$inferSelect & { supportCount: number; conferenceId: string };

const commentRecord = {
  comment: comments,
  conferenceId: liveSessions.conferenceId,
  supportCount: sql<number>`(select count(*) from ${commentSupports} where ${commentSupports.commentId} = ${comments.id})::int`,
};

async function commentRecords(db: Reader, where: SQL): Promise<CommentRecord[]> {
  const rows = await db
    .select(commentRecord)
    .from(comments)
    .innerJoin(agendaItems, eq(agendaItems.id, comments.agendaItemId))
    .innerJoin(liveSessions, eq(liveSessions.id, agendaItems.liveSessionId))
    .where(where)
    .orderBy(asc(comments.createdAt));
  return rows.map(({ comment, conferenceId, supportCount }) => ({ ...comment, conferenceId, supportCount: Number(supportCount) }));
}

export async function commentsByIds(db: Reader, ids: string[]): Promise<CommentRecord[]> {
  return ids.length ? commentRecords(db, inArray(comments.id, ids)) : [];
}

/** An agenda item with its live session and conference: the join every input's context needs, done here once. */
export type ItemPlace = {
  id: string;
  kind: (typeof agendaItems.$inferSelect)["kind"];
  measureId: string | null;
  clusterId: string | null;
  question: string | null;
  liveSession: { id: string; title: string; status: (typeof liveSessions.$inferSelect)["status"] };
  conferenceId: string;
};

const itemPlace = {
  id: agendaItems.id,
  kind: agendaItems.kind,
  measureId: agendaItems.measureId,
  clusterId: agendaItems.clusterId,
  question: agendaItems.question,
  liveSession: { id: liveSessions.id, title: liveSessions.title, status: liveSessions.status },
  conferenceId: liveSessions.conferenceId,
};

export async function itemPlaces(db: Reader, ids: string[]): Promise<Map<string, ItemPlace>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select(itemPlace)
    .from(agendaItems)
    .innerJoin(liveSessions, eq(liveSessions.id, agendaItems.liveSessionId))
    .where(inArray(agendaItems.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The conferences' proposals still in play (not hidden, not merged into another), oldest first, but for `answered`. */
export async function openProposals(db: Reader, conferenceIds: string[], answered: string[]): Promise<ProposalRecord[]> {
  if (conferenceIds.length === 0) return [];
  return db
    .select()
    .from(proposals)
    .where(and(inArray(proposals.conferenceId, conferenceIds), isNull(proposals.hiddenAt), isNull(proposals.mergedIntoId), except(proposals.id, answered)))
    .orderBy(asc(proposals.createdAt));
}

/** The comments the moderators flagged as relevant for the planners and left visible, oldest first, but for `answered`. */
export async function flaggedComments(db: Reader, conferenceIds: string[], answered: string[]): Promise<CommentRecord[]> {
  if (conferenceIds.length === 0) return [];
  return commentRecords(
    db,
    and(
      inArray(liveSessions.conferenceId, conferenceIds),
      eq(comments.flaggedRelevant, true),
      isNull(comments.hiddenAt),
      isNull(comments.mergedIntoId),
      except(comments.id, answered),
    )!,
  );
}

/** The measures voted on in the conferences' closed sessions (their results are final), but for `answered`. */
export async function votedMeasureItems(db: Reader, conferenceIds: string[], answered: string[]): Promise<ItemPlace[]> {
  if (conferenceIds.length === 0) return [];
  return db
    .select(itemPlace)
    .from(agendaItems)
    .innerJoin(liveSessions, eq(liveSessions.id, agendaItems.liveSessionId))
    .where(
      and(
        inArray(liveSessions.conferenceId, conferenceIds),
        eq(liveSessions.status, "closed"),
        sql`${agendaItems.measureId} is not null`,
        sql`exists (select 1 from ${votes} where ${votes.agendaItemId} = ${agendaItems.id})`,
        except(agendaItems.id, answered),
      ),
    );
}

/** A conference's live sessions, closed ones only for the public, in the order they ran or closed. */
export async function liveSessionsOf(
  db: Reader,
  conferenceId: string,
  { closedOnly, order }: { closedOnly: boolean; order: "startedAt" | "closedAt" },
): Promise<(typeof liveSessions.$inferSelect)[]> {
  return db
    .select()
    .from(liveSessions)
    .where(and(eq(liveSessions.conferenceId, conferenceId), closedOnly ? eq(liveSessions.status, "closed") : undefined))
    .orderBy(asc(order === "startedAt" ? liveSessions.startedAt : liveSessions.closedAt));
}

/** A participant's own proposals, or a conference's (without the hidden ones unless `withHidden`), newest first. */
export async function proposalsOf(
  db: Reader,
  of: { participantId: string } | { conferenceId: string; withHidden: boolean },
): Promise<ProposalView[]> {
  return loadProposals(
    db,
    "participantId" in of
      ? eq(proposals.participantId, of.participantId)
      : and(eq(proposals.conferenceId, of.conferenceId), of.withHidden ? undefined : isNull(proposals.hiddenAt))!,
  );
}

/** A participant's own comments (hidden ones too, so they learn why), or the comments on some agenda items, newest first. */
export async function commentsOf(
  db: Reader,
  of: { participantId: string } | { agendaItemIds: string[] },
  { withHidden, limit }: { withHidden: boolean; limit: number },
): Promise<CommentView[]> {
  if ("agendaItemIds" in of && of.agendaItemIds.length === 0) return [];
  const where = "participantId" in of ? eq(comments.participantId, of.participantId) : inArray(comments.agendaItemId, of.agendaItemIds);
  return loadComments(db, where, { withHidden, limit });
}

/** The ids of a conference's proposals and of the comments on its items, hidden ones only `withHidden`: what decisions may answer. */
export async function inputIdsOf(
  db: Reader,
  { conferenceId, agendaItemIds, withHidden }: { conferenceId: string; agendaItemIds: string[]; withHidden: boolean },
): Promise<{ proposalIds: string[]; commentIds: string[] }> {
  const [proposalRows, commentRows] = await Promise.all([
    db.select({ id: proposals.id }).from(proposals).where(and(eq(proposals.conferenceId, conferenceId), withHidden ? undefined : isNull(proposals.hiddenAt))),
    agendaItemIds.length
      ? db.select({ id: comments.id }).from(comments).where(and(inArray(comments.agendaItemId, agendaItemIds), withHidden ? undefined : isNull(comments.hiddenAt)))
      : Promise.resolve([]),
  ]);
  return { proposalIds: proposalRows.map((p) => p.id), commentIds: commentRows.map((c) => c.id) };
}

/** The conferences with at least one closed session: those whose feedback has something to show. */
export async function conferencesWithClosedSessions(db: Reader): Promise<string[]> {
  const rows = await db
    .select({ conferenceId: liveSessions.conferenceId })
    .from(liveSessions)
    .where(eq(liveSessions.status, "closed"))
    .groupBy(liveSessions.conferenceId);
  return rows.map((r) => r.conferenceId);
}

/** The agenda items of some conferences (given as a subquery of ids), as a subquery: plan-wide results stay one query. */
export function itemsOfConferences(db: Reader, conferenceIds: SQLWrapper) {
  return db
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .innerJoin(liveSessions, eq(liveSessions.id, agendaItems.liveSessionId))
    .where(inArray(liveSessions.conferenceId, conferenceIds));
}

/** itemsOfConferences with what plan-wide results need of each item, as a subquery to join a result table to. */
export function itemFactsOfConferences(db: Reader, conferenceIds: SQLWrapper) {
  return db
    .select({
      id: agendaItems.id,
      measureId: agendaItems.measureId,
      clusterId: agendaItems.clusterId,
      kind: agendaItems.kind,
      ratingMax: sql<number | null>`(${agendaItems.activities}->'rating'->>'max')::int`.as("rating_max"),
    })
    .from(agendaItems)
    .innerJoin(liveSessions, eq(liveSessions.id, agendaItems.liveSessionId))
    .where(inArray(liveSessions.conferenceId, conferenceIds));
}

import { and, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { agendaItems, comments, commentSupports, liveSessions, participants, users } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/permissions";
import { limitContribution } from "../auth/rate-limit.server";
import { authorizeConference } from "../conferences/team.server";
import { DomainError, parseInput } from "../errors";
import type { LiveDeps } from "./events";
import { notFound } from "./setup.server";
import { commentRefSchema, moderateCommentSchema, postCommentSchema } from "./schemas";
import type { CommentView } from "./views";

type Reader = Pick<Db, "select">;

/** Comments as clients see them; hidden and merged ones only when `withHidden` (moderators). */
export async function loadComments(
  db: Reader,
  where: SQL,
  { withHidden, limit = 200 }: { withHidden: boolean; limit?: number },
): Promise<CommentView[]> {
  const supportCount = db
    .select({ commentId: commentSupports.commentId, n: sql<number>`count(*)::int`.as("n") })
    .from(commentSupports)
    .groupBy(commentSupports.commentId)
    .as("support_count");
  const rows = await db
    .select({
      comment: comments,
      authorName: participants.displayName,
      hiddenByName: users.displayName,
      supportCount: supportCount.n,
    })
    .from(comments)
    .leftJoin(participants, eq(participants.id, comments.participantId))
    .leftJoin(users, eq(users.id, comments.hiddenBy))
    .leftJoin(supportCount, eq(supportCount.commentId, comments.id))
    .where(withHidden ? where : and(where, isNull(comments.hiddenAt), isNull(comments.mergedIntoId)))
    .orderBy(desc(comments.pinned), desc(comments.createdAt))
    .limit(limit);
  return rows.map(({ comment: c, authorName, hiddenByName, supportCount: n }) => ({
    id: c.id,
    agendaItemId: c.agendaItemId,
    parentId: c.parentId,
    body: c.body,
    language: c.language,
    authorName: authorName ?? null,
    byStaff: c.authorUserId !== null,
    createdAt: c.createdAt.toISOString(),
    pinned: c.pinned,
    flaggedRelevant: c.flaggedRelevant,
    supportCount: Number(n ?? 0),
    hidden: c.hiddenAt ? { reason: c.hiddenReason ?? "", at: c.hiddenAt.toISOString(), by: hiddenByName ?? null } : null,
    mergedIntoId: c.mergedIntoId,
  }));
}

async function loadOne(db: Reader, commentId: string): Promise<CommentView> {
  const [view] = await loadComments(db, eq(comments.id, commentId), { withHidden: true, limit: 1 });
  return view!;
}

async function sessionOfComment(db: Reader, commentId: string) {
  const [row] = await db
    .select({ liveSessionId: agendaItems.liveSessionId, conferenceId: liveSessions.conferenceId, status: liveSessions.status })
    .from(comments)
    .innerJoin(agendaItems, eq(agendaItems.id, comments.agendaItemId))
    .innerJoin(liveSessions, eq(liveSessions.id, agendaItems.liveSessionId))
    .where(eq(comments.id, commentId));
  if (!row) throw notFound();
  return row;
}

/** A comment or an answer on the current item; re-sent with the same clientId, it is stored once. */
export async function postComment(deps: LiveDeps, actor: Actor, input: unknown): Promise<CommentView> {
  authorize(actor, "comment.write");
  if (actor.kind !== "participant") throw new DomainError("forbidden", "live:error.notInConference");
  const data = parseInput(postCommentSchema, input);
  const { id, liveSessionId, duplicate } = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ item: agendaItems, session: liveSessions })
      .from(agendaItems)
      .innerJoin(liveSessions, eq(liveSessions.id, agendaItems.liveSessionId))
      .where(eq(agendaItems.id, data.agendaItemId));
    if (!row) throw notFound();
    if (row.session.conferenceId !== actor.conferenceId) throw new DomainError("forbidden", "live:error.notInConference");
    if (row.session.status !== "live" || !row.item.activities.comments || !row.item.commentsOpen) {
      throw new DomainError("conflict", "live:error.commentsClosed");
    }
    if (data.parentId) {
      const [parent] = await tx
        .select({ agendaItemId: comments.agendaItemId })
        .from(comments)
        .where(eq(comments.id, data.parentId));
      if (parent?.agendaItemId !== data.agendaItemId) throw notFound();
    }
    const [inserted] = await tx
      .insert(comments)
      .values({
        agendaItemId: data.agendaItemId,
        participantId: actor.participantId,
        parentId: data.parentId ?? null,
        body: data.body,
        language: actor.language,
        clientId: data.clientId ?? null,
      })
      .onConflictDoNothing()
      .returning({ id: comments.id });
    if (inserted) {
      await limitContribution(tx, actor.participantId, row.session.id);
      return { id: inserted.id, liveSessionId: row.session.id, duplicate: false };
    }
    const [earlier] = await tx
      .select({ id: comments.id })
      .from(comments)
      .where(and(eq(comments.participantId, actor.participantId), eq(comments.clientId, data.clientId!)));
    return { id: earlier!.id, liveSessionId: row.session.id, duplicate: true };
  });
  const comment = await loadOne(deps.db, id);
  if (!duplicate) deps.publish({ type: "comment.added", liveSessionId, audience: "all", comment });
  return comment;
}

export async function supportComment(deps: LiveDeps, actor: Actor, input: unknown): Promise<CommentView> {
  authorize(actor, "comment.support");
  if (actor.kind !== "participant") throw new DomainError("forbidden", "live:error.notInConference");
  const data = parseInput(commentRefSchema, input);
  const session = await sessionOfComment(deps.db, data.commentId);
  if (session.conferenceId !== actor.conferenceId) throw new DomainError("forbidden", "live:error.notInConference");
  if (session.status !== "live") throw new DomainError("conflict", "live:error.sessionClosed");
  await deps.db
    .insert(commentSupports)
    .values({ commentId: data.commentId, participantId: actor.participantId })
    .onConflictDoNothing();
  const comment = await loadOne(deps.db, data.commentId);
  if (!comment.hidden) deps.publish({ type: "comment.updated", liveSessionId: session.liveSessionId, audience: "all", comment });
  return comment;
}

/** Hide (with a reason), pin, flag as relevant for the planners, or merge a duplicate. Nothing is deleted. */
export async function moderateComment(deps: LiveDeps, actor: Actor, input: unknown): Promise<CommentView> {
  authorize(actor, "comment.hide");
  const data = parseInput(moderateCommentSchema, input);
  const session = await sessionOfComment(deps.db, data.commentId);
  await authorizeConference(deps.db, actor, "comment.hide", session.conferenceId);
  const staffId = actor.kind === "staff" ? actor.userId : null;
  const before = await loadOne(deps.db, data.commentId);
  if (data.action === "merge") {
    const target = await sessionOfComment(deps.db, data.intoCommentId);
    if (target.liveSessionId !== session.liveSessionId || data.intoCommentId === data.commentId) throw notFound();
  }
  const changes =
    data.action === "hide"
      ? { hiddenAt: sql`now()`, hiddenBy: staffId, hiddenReason: data.reason }
      : data.action === "unhide"
        ? { hiddenAt: null, hiddenBy: null, hiddenReason: null }
        : data.action === "merge"
          ? { mergedIntoId: data.intoCommentId }
          : data.action === "pin" || data.action === "unpin"
            ? { pinned: data.action === "pin" }
            : { flaggedRelevant: data.action === "flag" };
  await deps.db.update(comments).set(changes).where(eq(comments.id, data.commentId));
  const comment = await loadOne(deps.db, data.commentId);
  const wasPublic = !before.hidden && !before.mergedIntoId;
  const isPublic = !comment.hidden && !comment.mergedIntoId;
  const liveSessionId = session.liveSessionId;
  deps.publish({ type: "comment.updated", liveSessionId, audience: "moderators", comment });
  if (wasPublic && !isPublic) deps.publish({ type: "comment.removed", liveSessionId, audience: "all", commentId: comment.id });
  else if (!wasPublic && isPublic) deps.publish({ type: "comment.added", liveSessionId, audience: "all", comment });
  else if (isPublic) deps.publish({ type: "comment.updated", liveSessionId, audience: "all", comment });
  return comment;
}

export async function commentsOfItems(db: Reader, agendaItemIds: string[], withHidden: boolean) {
  if (agendaItemIds.length === 0) return [];
  return loadComments(db, inArray(comments.agendaItemId, agendaItemIds), { withHidden });
}

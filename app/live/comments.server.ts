import { and, desc, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { agendaItems, comments, commentSupports, liveSessions } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { participantNameOf } from "../auth/participant-profiles.server";
import { authorize } from "../auth/permissions";
import { limitContribution } from "../auth/rate-limit.server";
import { staffNameOf } from "../auth/staff-names.server";
import { authorizeConference } from "../conferences/team.server";
import { DomainError, parseInput, notFound } from "../errors";
import type { AuthorAudience, LiveDeps, LiveEvent } from "./events";
import { commentable, commentAudience, commentPublic, sessionRunning, supportable } from "./rules";
import { commentRefSchema, moderateCommentSchema, postCommentSchema } from "./schemas";
import { translateLater } from "./machine-translations.server";
import { withCommentTranslations } from "./translations.server";
import type { CommentView } from "./views";

type Reader = Pick<Db, "select">;

/**
 * rules.commentAudience in SQL, for a participant's reads: the public comments, and `authorId`'s
 * own while they wait for approval (tests/live/premoderation.test.ts holds the two together).
 */
function participantCommentFilter(authorId: string | undefined): SQL {
  const waitingOwn = authorId ? eq(comments.participantId, authorId) : undefined;
  return and(
    isNull(comments.hiddenAt),
    isNull(comments.mergedIntoId),
    waitingOwn ? or(eq(comments.awaitingApproval, false), waitingOwn) : eq(comments.awaitingApproval, false),
  )!;
}

/**
 * Comments as clients see them: every one when `withHidden` (moderators), else those
 * rules.commentAudience lets participants see, with `authorId`'s own waiting ones.
 */
export async function loadComments(
  db: Reader,
  where: SQL,
  { withHidden, authorId, limit = 200 }: { withHidden: boolean; authorId?: string; limit?: number },
): Promise<CommentView[]> {
  const supportCount = db
    .select({ commentId: commentSupports.commentId, n: sql<number>`count(*)::int`.as("n") })
    .from(commentSupports)
    .groupBy(commentSupports.commentId)
    .as("support_count");
  const rows = await db
    .select({
      comment: comments,
      authorName: participantNameOf(comments.participantId),
      hiddenByName: staffNameOf(comments.hiddenBy),
      supportCount: supportCount.n,
    })
    .from(comments)
    .leftJoin(supportCount, eq(supportCount.commentId, comments.id))
    .where(withHidden ? where : and(where, participantCommentFilter(authorId)))
    .orderBy(desc(comments.pinned), desc(comments.createdAt))
    .limit(limit);
  const views = rows.map(({ comment: c, authorName, hiddenByName, supportCount: n }) => ({
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
    awaitingApproval: c.awaitingApproval,
  }));
  return withCommentTranslations(db, views);
}

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

async function loadOne(db: Reader, commentId: string): Promise<CommentView> {
  const [view] = await loadComments(db, eq(comments.id, commentId), { withHidden: true, limit: 1 });
  return view!;
}

/** What a participant's reply may carry: never who hid a comment, nor why (only the team sees that). */
function participantView(view: CommentView): CommentView {
  return view.hidden ? { ...view, hidden: { reason: "", at: view.hidden.at, by: null } } : view;
}

/**
 * The comments' session, locked against closing (shared, so that a room's supports run side by
 * side), then the comments themselves, locked for `mode` in id order so two merges cannot
 * deadlock. Read under the locks: a hide or merge committed meanwhile is seen.
 */
async function lockComments(tx: Tx, commentIds: string[], mode: "share" | "update") {
  const [ref] = await tx
    .select({ liveSessionId: agendaItems.liveSessionId })
    .from(comments)
    .innerJoin(agendaItems, eq(agendaItems.id, comments.agendaItemId))
    .where(eq(comments.id, commentIds[0]!));
  if (!ref) throw notFound();
  const [session] = await tx
    .select({ id: liveSessions.id, conferenceId: liveSessions.conferenceId, status: liveSessions.status })
    .from(liveSessions)
    .where(eq(liveSessions.id, ref.liveSessionId))
    .for("share");
  const rows = await tx
    .select({
      id: comments.id,
      agendaItemId: comments.agendaItemId,
      participantId: comments.participantId,
      hiddenAt: comments.hiddenAt,
      mergedIntoId: comments.mergedIntoId,
      awaitingApproval: comments.awaitingApproval,
    })
    .from(comments)
    .where(inArray(comments.id, commentIds))
    .orderBy(comments.id)
    .for(mode);
  const locked = commentIds.map((id) => rows.find((row) => row.id === id));
  if (!session || locked.some((row) => !row)) throw notFound();
  return { session, comments: locked as NonNullable<(typeof locked)[number]>[] };
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
      .where(eq(agendaItems.id, data.agendaItemId))
      .for("share", { of: liveSessions });
    if (!row) throw notFound();
    if (row.session.conferenceId !== actor.conferenceId) throw new DomainError("forbidden", "live:error.notInConference");
    if (!commentable(row.session, row.item)) throw new DomainError("conflict", "live:error.commentsClosed");
    if (data.parentId) {
      const [parent] = await tx
        .select({
          agendaItemId: comments.agendaItemId,
          participantId: comments.participantId,
          hidden: comments.hiddenAt,
          mergedIntoId: comments.mergedIntoId,
          awaitingApproval: comments.awaitingApproval,
        })
        .from(comments)
        .where(eq(comments.id, data.parentId));
      // An answer only to a comment this participant can see: never to one still waiting for another's approval.
      const seen = parent && (commentPublic(parent) || (commentAudience(parent) === "author" && parent.participantId === actor.participantId));
      if (!seen || parent.agendaItemId !== data.agendaItemId) throw notFound();
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
        awaitingApproval: row.item.commentsPremoderated,
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
  if (!duplicate) {
    if (commentPublic(comment)) deps.publish({ type: "comment.added", liveSessionId, audience: "all", comment });
    else {
      // Waiting for approval: the moderators' queue, and the author's other screens.
      deps.publish({ type: "comment.added", liveSessionId, audience: "moderators", comment });
      deps.publish({ type: "comment.added", liveSessionId, audience: "author", authorId: actor.participantId, comment });
    }
    // Machine translations after the commit, never awaited: the reply does not wait for them (decision 042).
    translateLater(deps, { kind: "comment", id, liveSessionId, from: comment.language, text: comment.body });
  }
  return participantView(comment);
}

/** One support per participant, for a comment everybody can see: a hidden or merged one is refused. */
export async function supportComment(deps: LiveDeps, actor: Actor, input: unknown): Promise<CommentView> {
  authorize(actor, "comment.support");
  if (actor.kind !== "participant") throw new DomainError("forbidden", "live:error.notInConference");
  const data = parseInput(commentRefSchema, input);
  const { comment, liveSessionId } = await deps.db.transaction(async (tx) => {
    const { session, comments: [target] } = await lockComments(tx, [data.commentId], "share");
    if (session.conferenceId !== actor.conferenceId) throw new DomainError("forbidden", "live:error.notInConference");
    const facts = { ...target!, hidden: target!.hiddenAt };
    // Refused by rules.supportable, each part with its own reason.
    if (!supportable(session, facts)) {
      throw new DomainError("conflict", sessionRunning(session) ? "live:error.commentNotPublic" : "live:error.sessionClosed");
    }
    await tx.insert(commentSupports).values({ commentId: data.commentId, participantId: actor.participantId }).onConflictDoNothing();
    const [view] = await loadComments(tx, eq(comments.id, data.commentId), { withHidden: false, limit: 1 });
    return { comment: view!, liveSessionId: session.id };
  });
  deps.publish({ type: "comment.updated", liveSessionId, audience: "all", comment });
  return comment;
}

/**
 * What participants' screens must hear when a moderator changed a comment: each of them keeps a
 * comment by rules.commentAudience, so a change of audience is an arrival or a departure.
 */
function audienceChange(liveSessionId: string, before: CommentView, after: CommentView, author: string | null): LiveEvent[] {
  const [was, is] = [commentAudience(before), commentAudience(after)];
  const toAuthor = author ? ({ audience: "author", authorId: author } satisfies AuthorAudience) : null;
  const events: LiveEvent[] = [];
  if (is === "all") events.push({ type: was === "all" ? "comment.updated" : "comment.added", liveSessionId, audience: "all", comment: after });
  else if (was === "all") events.push({ type: "comment.removed", liveSessionId, audience: "all", commentId: after.id });
  if (toAuthor && is === "author") events.push({ type: "comment.updated", liveSessionId, ...toAuthor, comment: after });
  else if (toAuthor && was === "author" && is === "moderators") {
    events.push({ type: "comment.removed", liveSessionId, ...toAuthor, commentId: after.id });
  }
  return events;
}

/**
 * Approve a comment waiting under pre-moderation, hide one (with a reason), pin, flag as relevant
 * for the planners, or merge a duplicate. Nothing is deleted.
 */
export async function moderateComment(deps: LiveDeps, actor: Actor, input: unknown): Promise<CommentView> {
  authorize(actor, "comment.hide");
  const data = parseInput(moderateCommentSchema, input);
  const staffId = actor.kind === "staff" ? actor.userId : null;
  const { before, comment, liveSessionId, author } = await deps.db.transaction(async (tx) => {
    const ids = data.action === "merge" ? [data.commentId, data.intoCommentId] : [data.commentId];
    if (new Set(ids).size !== ids.length) throw notFound();
    const { session, comments: locked } = await lockComments(tx, ids, "update");
    await authorizeConference(tx, actor, "comment.hide", session.conferenceId);
    if (data.action === "merge") {
      const [source, target] = locked as [(typeof locked)[number], (typeof locked)[number]];
      const [targetItem] = await tx
        .select({ liveSessionId: agendaItems.liveSessionId })
        .from(agendaItems)
        .where(eq(agendaItems.id, target.agendaItemId));
      if (targetItem?.liveSessionId !== session.id) throw notFound();
      // Merged once, into a comment that is itself not merged: no chain, and never a loop.
      if (source.mergedIntoId || target.mergedIntoId) throw new DomainError("conflict", "live:error.alreadyMerged");
    }
    const before = await loadOne(tx, data.commentId);
    const changes =
      data.action === "hide"
        ? { hiddenAt: sql`now()`, hiddenBy: staffId, hiddenReason: data.reason }
        : data.action === "unhide"
          ? { hiddenAt: null, hiddenBy: null, hiddenReason: null }
          : data.action === "approve"
            ? { awaitingApproval: false }
            : data.action === "merge"
            ? { mergedIntoId: data.intoCommentId }
            : data.action === "pin" || data.action === "unpin"
              ? { pinned: data.action === "pin" }
              : { flaggedRelevant: data.action === "flag" };
    await tx.update(comments).set(changes).where(eq(comments.id, data.commentId));
    const author = locked[0]!.participantId;
    return { before, comment: await loadOne(tx, data.commentId), liveSessionId: session.id, author };
  });
  deps.publish({ type: "comment.updated", liveSessionId, audience: "moderators", comment });
  for (const event of audienceChange(liveSessionId, before, comment, author)) deps.publish(event);
  return comment;
}

/** The items' comments for a moderator (`withHidden`), for everybody, or for `authorId` (their own waiting ones too). */
export async function commentsOfItems(db: Reader, agendaItemIds: string[], withHidden: boolean, authorId?: string) {
  if (agendaItemIds.length === 0) return [];
  return loadComments(db, inArray(comments.agendaItemId, agendaItemIds), { withHidden, authorId });
}

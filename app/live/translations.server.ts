import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { agendaItems, comments, liveSessions, proposals } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/permissions";
import { getConference } from "../conferences/conferences.server";
import { authorizeConference } from "../conferences/team.server";
import { DomainError, parseInput, notFound } from "../errors";
import { languages } from "../i18n/config";
import { text } from "../text";
import {
  commentTranslationsOf,
  proposalTranslationsOf,
  savePersonTranslation,
  type TranslationTarget,
} from "../translation/input-translations.server";
import type { TranslationView } from "../translation/views";
import type { LiveDeps } from "./events";
import { commentBodyMax, proposalBodyMax, proposalTitleMax } from "./limits";
import { commentAudience, type CommentFacts } from "./rules";
import { uuid } from "./schemas";
import type { CommentView, ProposalView } from "./views";

type Reader = Pick<Db, "select">;

/** Comments as loadComments reads them, each with its translations. */
export async function withCommentTranslations(db: Reader, views: Omit<CommentView, "translations">[]): Promise<CommentView[]> {
  const translations = await commentTranslationsOf(db, views.map((v) => v.id));
  return views.map((view) => ({ ...view, translations: translations.get(view.id) ?? [] }));
}

export async function withProposalTranslations(db: Reader, views: Omit<ProposalView, "translations">[]): Promise<ProposalView[]> {
  const translations = await proposalTranslationsOf(db, views.map((v) => v.id));
  return views.map((view) => ({ ...view, translations: translations.get(view.id) ?? [] }));
}

/**
 * Tells whoever sees the comment about its new translation, as rules.commentAudience says: a
 * public comment's to everybody, a waiting one's to the team and its author, a hidden one's to
 * the team only.
 */
export function announceCommentTranslation(
  deps: Pick<LiveDeps, "publish">,
  liveSessionId: string,
  comment: CommentFacts & { id: string; agendaItemId: string; participantId: string | null },
  translation: TranslationView,
): void {
  const event = { type: "comment.translated" as const, liveSessionId, agendaItemId: comment.agendaItemId, commentId: comment.id, translation };
  const audience = commentAudience(comment);
  if (audience === "all") return deps.publish({ ...event, audience: "all" });
  deps.publish({ ...event, audience: "moderators" });
  if (audience === "author" && comment.participantId) deps.publish({ ...event, audience: "author", authorId: comment.participantId });
}

const language = z.enum(languages);
const translateSchema = z.discriminatedUnion("target", [
  z.object({ target: z.literal("comment"), liveSessionId: uuid, id: uuid, language, text: text({ min: 1, max: commentBodyMax }) }),
  z.object({
    target: z.literal("proposal"),
    liveSessionId: uuid,
    id: uuid,
    language,
    title: text({ min: 1, max: proposalTitleMax }),
    text: text({ min: 1, max: proposalBodyMax }),
  }),
]);

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** The input to translate, read under a share lock of its session, with the conference it belongs to. */
async function inputOf(tx: Tx, target: TranslationTarget, liveSessionId: string) {
  const [session] = await tx
    .select({ id: liveSessions.id, conferenceId: liveSessions.conferenceId })
    .from(liveSessions)
    .where(eq(liveSessions.id, liveSessionId))
    .for("share");
  if (!session) throw notFound();
  if (target.kind === "comment") {
    const [row] = await tx
      .select({ comment: comments, liveSessionId: agendaItems.liveSessionId })
      .from(comments)
      .innerJoin(agendaItems, eq(agendaItems.id, comments.agendaItemId))
      .where(eq(comments.id, target.id));
    if (!row || row.liveSessionId !== session.id) throw notFound();
    const c = row.comment;
    const facts = { id: c.id, agendaItemId: c.agendaItemId, participantId: c.participantId, hidden: c.hiddenAt, mergedIntoId: c.mergedIntoId, awaitingApproval: c.awaitingApproval };
    return { session, language: c.language, comment: facts };
  }
  const [row] = await tx.select({ conferenceId: proposals.conferenceId, language: proposals.language }).from(proposals).where(eq(proposals.id, target.id));
  if (!row || row.conferenceId !== session.conferenceId) throw notFound();
  return { session, language: row.language, comment: null };
}

/**
 * A language mediator's translation of a comment or proposal into one of the conference's
 * languages (decision 042). It replaces a machine's translation for that language, or corrects an
 * earlier one; every screen that shows the input receives it.
 */
export async function translateInput(deps: LiveDeps, actor: Actor, input: unknown): Promise<TranslationView> {
  authorize(actor, "translation.write");
  if (actor.kind !== "staff") throw new DomainError("forbidden", "common:error.forbiddenText");
  const data = parseInput(translateSchema, input);
  const target: TranslationTarget = { kind: data.target, id: data.id };
  const { translation, comment } = await deps.db.transaction(async (tx) => {
    const { session, language: original, comment } = await inputOf(tx, target, data.liveSessionId);
    await authorizeConference(tx, actor, "translation.write", session.conferenceId);
    const conference = (await getConference(tx, session.conferenceId))!;
    // Into another of the languages the conference offers: those are the ones its readers chose.
    if (data.language === original || !conference.languages.includes(data.language)) {
      throw new DomainError("invalid", "conferences:mediation.error.language", { language: "conferences:mediation.error.language" });
    }
    const title = data.target === "proposal" ? data.title : null;
    const translation = await savePersonTranslation(tx, target, { language: data.language, title, text: data.text, userId: actor.userId });
    return { translation, comment };
  });
  if (comment) announceCommentTranslation(deps, data.liveSessionId, comment, translation);
  else deps.publish({ type: "proposal.translated", liveSessionId: data.liveSessionId, audience: "moderators", proposalId: data.id, translation });
  return translation;
}

import { useEffect, useRef, useState } from "react";
import { useTranslation } from "../../i18n/translate";
import { ReadAloud } from "../../components/read-aloud";
import { directionOf } from "../../i18n/config";
import { commentBodyMax } from "../limits";
import { commentable, commentAudience, supportable } from "../rules";
import type { AgendaItemView, CommentView } from "../views";
import { LiveForm, sentText, useRefusedPost } from "./live-form";
import { TranslationNote } from "./translation-note";

/** A textarea with its hint and a character count that follows the typing. */
function CommentField({ id, label, formId }: { id: string; label: string; formId: string }) {
  const { t } = useTranslation();
  const sent = sentText(useRefusedPost(formId), "body");
  const [length, setLength] = useState(sent?.length ?? 0);
  const field = useRef<HTMLTextAreaElement>(null);
  // A sent comment clears its form; the count has to follow.
  useEffect(() => {
    const form = field.current?.form;
    const reset = () => setLength(0);
    form?.addEventListener("reset", reset);
    return () => form?.removeEventListener("reset", reset);
  }, []);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        ref={field}
        id={id}
        name="body"
        rows={4}
        maxLength={commentBodyMax}
        required
        defaultValue={sent}
        aria-describedby={`${id}-hint ${id}-count`}
        onChange={(event) => setLength(event.currentTarget.value.length)}
      />
      <span id={`${id}-hint`} className="hint">
        {t("live:comment.hint", { max: commentBodyMax })}
      </span>
      <span id={`${id}-count`} className="hint live-count">
        {t("live:comment.count", { count: length, max: commentBodyMax })}
      </span>
    </div>
  );
}

/**
 * Pinned first, then the newest; answers sit under their comment, oldest first, like a conversation.
 * The page holds only what the server lets this participant see; the rule is asked again anyway.
 */
function threads(comments: CommentView[]) {
  const visible = comments.filter((c) => commentAudience(c) !== "moderators");
  const tops = visible
    .filter((c) => !c.parentId)
    .sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.createdAt.localeCompare(a.createdAt));
  return tops.map((comment) => ({
    comment,
    answers: visible.filter((c) => c.parentId === comment.id).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
  }));
}

function CommentBody({ comment }: { comment: CommentView }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <p className="comment__meta">
        <span className="comment__author">
          {comment.byStaff ? t("live:comment.staff") : (comment.authorName ?? t("live:comment.anonymous"))}
        </span>
        {comment.pinned && <span className="badge comment__pinned">{t("live:comment.pinned")}</span>}
        {comment.awaitingApproval && <span className="badge comment__waiting">{t("live:comment.awaiting")}</span>}
      </p>
      {/* Participants' text is text: React escapes it, and it keeps its own language and direction. */}
      <p id={`comment-${comment.id}`} className="comment__body" lang={comment.language} dir={directionOf(comment.language)}>
        {comment.body}
      </p>
      <ReadAloud text={comment.body} language={comment.language} describedBy={`comment-${comment.id}`} />
      {/* A reader of another language sees the original and, once there is one, its translation (decision 042). */}
      <TranslationNote original={comment.language} translations={comment.translations} reader={i18n.language} />
    </>
  );
}

type EntryProps = { comment: CommentView; answers: CommentView[]; session: Parameters<typeof supportable>[0]; open: boolean };

function CommentEntry({ comment, answers, session, open }: EntryProps) {
  const { t } = useTranslation();
  const supports = t("live:comment.supports", { count: comment.supportCount });
  const answerRefused = useRefusedPost(`answer-${comment.id}`);
  return (
    <li className={`comment${comment.pinned ? " comment--pinned" : ""}`}>
      <CommentBody comment={comment} />
      {comment.awaitingApproval ? (
        <p className="hint">{t("live:comment.awaitingHint")}</p>
      ) : supportable(session, comment) ? (
        <LiveForm formId={`support-${comment.id}`} intent="support" hidden={{ commentId: comment.id }} className="comment__support">
          <button type="submit" className="button button--secondary" aria-describedby={`comment-${comment.id}`}>
            {t("live:comment.support")}
          </button>{" "}
          <span>{supports}</span>
        </LiveForm>
      ) : (
        <p className="comment__support">{supports}</p>
      )}
      {answers.length > 0 && (
        <ul className="comment-list comment-list--answers" aria-label={t("live:comment.answers")}>
          {answers.map((answer) => (
            <li key={answer.id} className="comment comment--answer">
              <CommentBody comment={answer} />
            </li>
          ))}
        </ul>
      )}
      {open && !comment.awaitingApproval && (
        <details className="comment__answer" open={answerRefused ? true : undefined}>
          <summary>{t("live:comment.answer")}</summary>
          <LiveForm
            formId={`answer-${comment.id}`}
            intent="comment"
            once={`a${comment.id.slice(0, 8)}`}
            hidden={{ agendaItemId: comment.agendaItemId, parentId: comment.id }}
            resetOnSuccess
          >
            <CommentField id={`answer-${comment.id}-body`} label={t("live:comment.answerLabel")} formId={`answer-${comment.id}`} />
            <button type="submit" className="button">
              {t("live:comment.answerSubmit")}
            </button>
          </LiveForm>
        </details>
      )}
    </li>
  );
}

/** The item's conversation: a form to add to it while comments are open, and what others wrote. */
export function CommentsSection({ item, comments, session }: { item: AgendaItemView; comments: CommentView[]; session: Parameters<typeof commentable>[0] }) {
  const { t } = useTranslation();
  const open = commentable(session, item);
  const list = threads(comments.filter((c) => c.agendaItemId === item.id));
  return (
    <section aria-labelledby="comments-title" className="live-section">
      <h2 id="comments-title">{t("live:comment.heading")}</h2>
      {open && item.commentsPremoderated && <p className="hint">{t("live:comment.premoderated")}</p>}
      {open ? (
        <LiveForm formId={`comment-${item.id}`} intent="comment" once="c" hidden={{ agendaItemId: item.id }} resetOnSuccess>
          <CommentField id="comment-body" label={t("live:comment.label")} formId={`comment-${item.id}`} />
          <button type="submit" className="button">
            {t("live:comment.submit")}
          </button>
        </LiveForm>
      ) : (
        <p className="notice">{t("live:comment.closed")}</p>
      )}
      {list.length === 0 ? (
        <p className="muted">{t("live:comment.none")}</p>
      ) : (
        <ul className="comment-list">
          {list.map(({ comment, answers }) => (
            <CommentEntry key={comment.id} comment={comment} answers={answers} session={session} open={open} />
          ))}
        </ul>
      )}
    </section>
  );
}

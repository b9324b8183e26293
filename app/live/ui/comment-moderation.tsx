import { useTranslation } from "react-i18next";
import { inLanguage } from "../../i18n/parts";
import type { CommentView } from "../views";
import { ActionForm } from "../../components/action-form";
import { HideForm, MergeForm } from "./hide-form";
import { ModerationNote, excerpt } from "./moderation-note";

/** A toggle button: its label stays, its pressed state says whether it is on. */
function Toggle({
  comment,
  on,
  action,
  undo,
  label,
}: {
  comment: CommentView;
  on: boolean;
  action: string;
  undo: string;
  label: string;
}) {
  return (
    <ActionForm
      formId={`${action}-${comment.id}`}
      intent="comment"
      values={{ commentId: comment.id, action: on ? undo : action }}
    >
      <button type="submit" className="button button--toggle" aria-pressed={on}>
        {label}
      </button>
    </ActionForm>
  );
}

/** The current item's comments as the moderator sees them: hidden and merged ones too, marked. */
export function CommentModeration({ comments }: { comments: CommentView[] }) {
  const { t } = useTranslation();
  if (comments.length === 0) return <p>{t("conferences:comments.empty")}</p>;
  const byId = new Map(comments.map((c) => [c.id, c]));
  const mergeable = comments.filter((c) => !c.mergedIntoId && !c.hidden);
  return (
    <ul className="moderation-list">
      {comments.map((comment) => {
        const into = comment.mergedIntoId ? byId.get(comment.mergedIntoId) : undefined;
        return (
          <li
            key={comment.id}
            className={`moderation-entry${comment.hidden || comment.mergedIntoId ? " moderation-entry--hidden" : ""}`}
          >
            <article aria-labelledby={`comment-${comment.id}-by`}>
              <p className="moderation-entry__meta">
                <strong id={`comment-${comment.id}-by`}>
                  {comment.byStaff
                    ? t("conferences:comments.staff")
                    : comment.authorName ?? t("conferences:comments.anonymous")}
                </strong>
                {" · "}
                {t(`conferences:language.${comment.language}`)}
                {comment.parentId && ` · ${t("conferences:comments.reply")}`}
                {" · "}
                {t("conferences:comments.supports", { count: comment.supportCount })}
                {comment.pinned && <span className="tag">{t("conferences:comments.pinned")}</span>}
                {comment.flaggedRelevant && <span className="tag">{t("conferences:comments.flagged")}</span>}
              </p>
              <p className="moderation-entry__body" {...inLanguage(comment.language)}>
                {comment.body}
              </p>
              <ModerationNote
                hidden={comment.hidden}
                merged={Boolean(comment.mergedIntoId)}
                mergedInto={into ? { text: into.body, language: into.language } : undefined}
              />
              <div className="actions">
                <Toggle
                  comment={comment}
                  on={comment.pinned}
                  action="pin"
                  undo="unpin"
                  label={t("conferences:comments.pin")}
                />
                <Toggle
                  comment={comment}
                  on={comment.flaggedRelevant}
                  action="flag"
                  undo="unflag"
                  label={t("conferences:comments.flag")}
                />
              </div>
              <HideForm
                target={{ intent: "comment", idField: "commentId", id: comment.id }}
                hidden={Boolean(comment.hidden)}
              />
              {!comment.mergedIntoId && (
                <MergeForm
                  target={{ intent: "comment", idField: "commentId", id: comment.id }}
                  options={mergeable
                    .filter((c) => c.id !== comment.id)
                    .map((c) => ({ id: c.id, label: excerpt(c.body), language: c.language }))}
                />
              )}
            </article>
          </li>
        );
      })}
    </ul>
  );
}

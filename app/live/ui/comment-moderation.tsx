import { useEffect, useState } from "react";
import { useTranslation } from "../../i18n/translate";
import { inLanguage } from "../../i18n/parts";
import type { CommentView } from "../views";
import { ActionForm } from "../../components/action-form";
import { HideForm, MergeForm } from "./hide-form";
import { ModerationNote, excerpt } from "./moderation-note";
import { TranslationList } from "./translation-list";

type Order = "newest" | "supported";

/** Under pre-moderation the room waits for the moderator: comments to approve come first, in either order. */
const waitingFirst = (a: CommentView, b: CommentView) => Number(b.awaitingApproval) - Number(a.awaitingApproval);
const orders: Record<Order, (a: CommentView, b: CommentView) => number> = {
  newest: (a, b) => waitingFirst(a, b) || b.createdAt.localeCompare(a.createdAt),
  supported: (a, b) => waitingFirst(a, b) || b.supportCount - a.supportCount || b.createdAt.localeCompare(a.createdAt),
};

/** A toggle button: its label stays, its pressed state says whether it is on. */
function Toggle({ comment, on, action, undo, label }: { comment: CommentView; on: boolean; action: string; undo: string; label: string }) {
  return (
    <ActionForm formId={`${action}-${comment.id}`} intent="comment" values={{ commentId: comment.id, action: on ? undo : action }}>
      <button type="submit" className="button button--toggle" aria-pressed={on}>
        {label}
      </button>
    </ActionForm>
  );
}

function Entry({ comment, byId, mergeable }: { comment: CommentView; byId: Map<string, CommentView>; mergeable: CommentView[] }) {
  const { t } = useTranslation();
  const into = comment.mergedIntoId ? byId.get(comment.mergedIntoId) : undefined;
  const target = { intent: "comment", idField: "commentId", id: comment.id } as const;
  const waiting = comment.awaitingApproval && !comment.hidden && !comment.mergedIntoId;
  return (
    <li
      className={`moderation-entry${comment.hidden || comment.mergedIntoId ? " moderation-entry--hidden" : ""}${waiting ? " moderation-entry--waiting" : ""}`}
    >
      <article aria-labelledby={`comment-${comment.id}-by`}>
        <p className="moderation-entry__meta">
          <strong id={`comment-${comment.id}-by`}>
            {comment.byStaff ? t("conferences:comments.staff") : (comment.authorName ?? t("conferences:comments.anonymous"))}
          </strong>
          {" · "}
          {t(`conferences:language.${comment.language}`)}
          {comment.parentId && ` · ${t("conferences:comments.reply")}`}
          {" · "}
          {t("conferences:comments.supports", { count: comment.supportCount })}
          {comment.pinned && <span className="tag">{t("conferences:comments.pinned")}</span>}
          {comment.flaggedRelevant && <span className="tag">{t("conferences:comments.flagged")}</span>}
          {waiting && <span className="tag tag--waiting">{t("conferences:comments.awaiting")}</span>}
        </p>
        <p id={`comment-${comment.id}-body`} className="moderation-entry__body" {...inLanguage(comment.language)}>
          {comment.body}
        </p>
        <TranslationList translations={comment.translations} />
        <ModerationNote
          hidden={comment.hidden}
          merged={Boolean(comment.mergedIntoId)}
          mergedInto={into ? { text: into.body, language: into.language } : undefined}
        />
        {/* Approving is the one action a waiting comment needs at once; rejecting is hiding, with a reason, in the menu. */}
        {waiting && (
          <ActionForm formId={`approve-${comment.id}`} intent="comment" values={{ commentId: comment.id, action: "approve" }}>
            <button type="submit" className="button" aria-describedby={`comment-${comment.id}-body`}>
              {t("conferences:comments.approve")}
            </button>
          </ActionForm>
        )}
        {/* One closed menu per comment: the queue stays a list of comments, not of forms. */}
        <details className="action-menu">
          <summary aria-describedby={`comment-${comment.id}-body`}>{t("conferences:comments.actions")}</summary>
          <div className="action-menu__items">
            <div className="actions">
              <Toggle comment={comment} on={comment.pinned} action="pin" undo="unpin" label={t("conferences:comments.pin")} />
              <Toggle comment={comment} on={comment.flaggedRelevant} action="flag" undo="unflag" label={t("conferences:comments.flag")} />
            </div>
            <HideForm target={target} hidden={Boolean(comment.hidden)} />
            {!comment.mergedIntoId && (
              <MergeForm
                target={target}
                options={mergeable
                  .filter((c) => c.id !== comment.id)
                  .map((c) => ({ id: c.id, label: excerpt(c.body), language: c.language }))}
              />
            )}
          </div>
        </details>
      </article>
    </li>
  );
}

/**
 * The current item's incoming comments as the moderator sees them (hidden and merged ones too,
 * marked): newest first, or the most supported first, which needs JavaScript to switch.
 */
export function CommentModeration({ comments }: { comments: CommentView[] }) {
  const { t } = useTranslation();
  const [order, setOrder] = useState<Order>("newest");
  const [scripted, setScripted] = useState(false);
  useEffect(() => setScripted(true), []);
  if (comments.length === 0) return <p>{t("conferences:comments.empty")}</p>;
  const byId = new Map(comments.map((c) => [c.id, c]));
  const mergeable = comments.filter((c) => !c.mergedIntoId && !c.hidden);
  const waiting = comments.filter((c) => c.awaitingApproval && !c.hidden && !c.mergedIntoId).length;
  const sorted = [...comments].sort(orders[order]);
  return (
    <>
      {waiting > 0 && (
        <p className="notice queue-waiting" role="status">
          {t("conferences:comments.waitingCount", { count: waiting })}
        </p>
      )}
      {scripted && (
        <div className="queue-order" role="group" aria-label={t("conferences:comments.order")}>
          {(["newest", "supported"] as const).map((choice) => (
            <button
              key={choice}
              type="button"
              className="button button--toggle"
              aria-pressed={order === choice}
              onClick={() => setOrder(choice)}
            >
              {t(`conferences:comments.orders.${choice}`)}
            </button>
          ))}
        </div>
      )}
      <ul className="moderation-list">
        {sorted.map((comment) => (
          <Entry key={comment.id} comment={comment} byId={byId} mergeable={mergeable} />
        ))}
      </ul>
    </>
  );
}

import { useTranslation } from "../../i18n/translate";
import { ActionForm } from "../../components/action-form";

type Target = { intent: "comment" | "proposal"; idField: "commentId" | "proposalId"; id: string };

/** Hiding needs a reason on the record; unhiding takes it back. Nothing is ever deleted. */
export function HideForm({ target, hidden }: { target: Target; hidden: boolean }) {
  const { t } = useTranslation();
  const ids = { [target.idField]: target.id };
  if (hidden) {
    return (
      <ActionForm formId={`unhide-${target.id}`} intent={target.intent} values={{ ...ids, action: "unhide" }}>
        <button type="submit" className="button button--secondary">
          {t("conferences:moderation.unhide")}
        </button>
      </ActionForm>
    );
  }
  const inputId = `hide-${target.id}-reason`;
  // The reason is asked only once the moderator chose to hide.
  return (
    <details className="hide-form">
      <summary>{t("conferences:moderation.hideStart")}</summary>
      <ActionForm
        formId={`hide-${target.id}`}
        intent={target.intent}
        values={{ ...ids, action: "hide" }}
        className="inline-form"
        resetOnSuccess
      >
        {({ describe, fieldError }) => (
          <>
            <div className="field">
              <label htmlFor={inputId}>{t("conferences:moderation.reason")}</label>
              <input id={inputId} name="reason" required maxLength={300} {...describe("reason")} />
              {fieldError("reason", "conferences:moderation.reasonRequired")}
            </div>
            <button type="submit" className="button button--secondary">
              {t("conferences:moderation.hide")}
            </button>
          </>
        )}
      </ActionForm>
    </details>
  );
}

/** Marks a duplicate as merged into another entry of the same list. */
export function MergeForm({
  target,
  options,
}: {
  target: Target;
  options: { id: string; label: string; language: string }[];
}) {
  const { t } = useTranslation();
  if (options.length === 0) return null;
  const intoField = target.intent === "comment" ? "intoCommentId" : "intoProposalId";
  const selectId = `merge-${target.id}-into`;
  return (
    <ActionForm
      formId={`merge-${target.id}`}
      intent={target.intent}
      values={{ [target.idField]: target.id, action: "merge" }}
      className="inline-form"
    >
      {({ describe, fieldError }) => (
        <>
          <div className="field">
            <label htmlFor={selectId}>{t("conferences:moderation.mergeInto")}</label>
            <select id={selectId} name={intoField} {...describe(intoField)}>
              {options.map((option) => (
                <option key={option.id} value={option.id} lang={option.language}>
                  {option.label}
                </option>
              ))}
            </select>
            {fieldError(intoField)}
          </div>
          <button type="submit" className="button button--secondary">
            {t("conferences:moderation.merge")}
          </button>
        </>
      )}
    </ActionForm>
  );
}

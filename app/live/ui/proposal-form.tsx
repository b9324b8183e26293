import { useTranslation } from "../../i18n/translate";
import { proposalBodyMax, proposalTitleMax } from "../limits";
import type { AgendaItemView } from "../views";
import { LiveForm, sentText, useRefusedPost } from "./live-form";


/**
 * A participant's own idea. Folded away by default so the item stays on the first screen; a
 * `details` element opens without JavaScript.
 */
export function ProposalForm({ current }: { current: AgendaItemView | null }) {
  const { t } = useTranslation();
  const refused = useRefusedPost("proposal");
  const changing = sentText(refused, "kind") === "change_measure";
  return (
    <section aria-labelledby="proposal-title" className="live-section">
      <h2 id="proposal-title">{t("live:proposal.heading")}</h2>
      {/* A refused post opens it again, with the message and what was typed. */}
      <details className="proposal" open={refused ? true : undefined}>
        <summary>{t("live:proposal.open")}</summary>
        <LiveForm formId="proposal" intent="proposal" once="p" hidden={{ agendaItemId: current?.id ?? "" }} resetOnSuccess>
          <fieldset className="choice-group">
            <legend>{t("live:proposal.kind")}</legend>
            <label className="choice choice--wide" htmlFor="proposal-kind-new">
              <input type="radio" id="proposal-kind-new" name="kind" value="new_measure" defaultChecked={!changing} />
              <span>{t("live:proposal.kindNew")}</span>
            </label>
            <label className="choice choice--wide" htmlFor="proposal-kind-change">
              <input type="radio" id="proposal-kind-change" name="kind" value="change_measure" defaultChecked={changing} />
              <span>{t("live:proposal.kindChange")}</span>
            </label>
          </fieldset>
          <div className="field">
            <label htmlFor="proposal-code">{t("live:proposal.measureCode")}</label>
            <input
              id="proposal-code"
              name="measureCode"
              dir="ltr"
              autoComplete="off"
              defaultValue={sentText(refused, "measureCode") ?? current?.measure?.code ?? ""}
              aria-describedby="proposal-code-hint"
            />
            <span id="proposal-code-hint" className="hint">
              {t("live:proposal.measureCodeHint")}
            </span>
          </div>
          <div className="field">
            <label htmlFor="proposal-title-input">{t("live:proposal.title")}</label>
            <input id="proposal-title-input" name="title" required maxLength={proposalTitleMax} defaultValue={sentText(refused, "title")} />
          </div>
          <div className="field">
            <label htmlFor="proposal-body">{t("live:proposal.body")}</label>
            <textarea
              id="proposal-body"
              name="body"
              rows={5}
              required
              maxLength={proposalBodyMax}
              defaultValue={sentText(refused, "body")}
              aria-describedby="proposal-body-hint"
            />
            <span id="proposal-body-hint" className="hint">
              {t("live:proposal.bodyHint", { max: proposalBodyMax })}
            </span>
          </div>
          <button type="submit" className="button">
            {t("live:proposal.submit")}
          </button>
        </LiveForm>
      </details>
    </section>
  );
}

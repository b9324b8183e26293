import { useTranslation } from "../../i18n/translate";
import { ActionForm } from "../../components/action-form";
import type { PaperBatch } from "../paper-batch.server";
import type { AgendaItemView } from "../views";
import { criterionLabel } from "./criteria";

/** A miscounted entry is put right in place: its value, its ballots, its criterion. */
function CorrectForm({ batch, item }: { batch: PaperBatch; item: AgendaItemView }) {
  const { t } = useTranslation();
  const id = (name: string) => `paper-batch-${batch.id}-${name}`;
  const criteria = item.activities.rating?.criteria ?? [];
  return (
    <ActionForm formId={`correct-${batch.id}`} intent="paperCorrect" values={{ voteId: batch.id }} className="stack-form">
      {({ describe, fieldError, done }) => (
        <>
          {batch.kind === "rating" && (
            <div className="field">
              <label htmlFor={id("criterion")}>{t("conferences:paper.criterion")}</label>
              <select id={id("criterion")} name="criterion" defaultValue={batch.criterion ?? undefined} {...describe("criterion")}>
                {criteria.map((criterion) => (
                  <option key={criterion} value={criterion}>
                    {criterionLabel(t, criterion)}
                  </option>
                ))}
              </select>
              {fieldError("criterion")}
            </div>
          )}
          <div className="field">
            <label htmlFor={id("value")}>{t("conferences:paper.value")}</label>
            <input id={id("value")} name="value" type="number" min={1} max={10000} required defaultValue={batch.value} {...describe("value")} />
            {fieldError("value")}
          </div>
          {batch.kind !== "dots" && (
            <div className="field">
              <label htmlFor={id("weight")}>{t("conferences:paper.weight")}</label>
              <input id={id("weight")} name="weight" type="number" min={1} max={10000} required defaultValue={batch.weight} {...describe("weight")} />
              {fieldError("weight")}
            </div>
          )}
          <div className="actions">
            <button type="submit" className="button">
              {t("conferences:paper.correctSubmit")}
            </button>
            <span role="status" className="form-status">
              {done ? t("conferences:paper.corrected") : ""}
            </span>
          </div>
        </>
      )}
    </ActionForm>
  );
}

/**
 * The paper entries of the current item, oldest first: each can be corrected or withdrawn, and the
 * result follows live (the commands publish the change like any vote).
 */
export function PaperBatches({ item, batches }: { item: AgendaItemView; batches: PaperBatch[] }) {
  const { t, i18n } = useTranslation();
  if (batches.length === 0) return null;
  const time = new Intl.DateTimeFormat(i18n.language, { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Berlin" });
  return (
    <section aria-labelledby={`paper-batches-${item.id}`} className="paper-batches">
      <h3 id={`paper-batches-${item.id}`}>{t("conferences:paper.batchesHeading", { count: batches.length })}</h3>
      <ul className="moderation-list">
        {batches.map((batch) => {
          const what =
            batch.kind === "dots"
              ? t("conferences:paper.batchDots", { count: batch.value })
              : t("conferences:paper.batchAnswer", {
                  kind: batch.kind === "rating" && batch.criterion ? criterionLabel(t, batch.criterion) : t(`conferences:paper.kinds.${batch.kind}`),
                  value: batch.value,
                  count: batch.weight,
                });
          return (
            <li key={batch.id} className="moderation-entry">
              <p id={`paper-batch-${batch.id}`} className="paper-batch__what">
                {what}
              </p>
              <p className="moderation-entry__meta">
                {t("conferences:paper.batchBy", { name: batch.enteredBy ?? t("conferences:comments.staff"), time: time.format(new Date(batch.createdAt)) })}
              </p>
              <details className="action-menu">
                <summary aria-describedby={`paper-batch-${batch.id}`}>{t("conferences:paper.batchActions")}</summary>
                <div className="action-menu__items">
                  <CorrectForm batch={batch} item={item} />
                  <ActionForm formId={`withdraw-${batch.id}`} intent="paperWithdraw" values={{ voteId: batch.id }}>
                    <button type="submit" className="button button--secondary" aria-describedby={`paper-batch-${batch.id}`}>
                      {t("conferences:paper.withdraw")}
                    </button>
                  </ActionForm>
                </div>
              </details>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

import { useTranslation } from "../../i18n/translate";
import type { AgendaItemView } from "../views";
import { ActionForm } from "../../components/action-form";
import { criterionLabel } from "./criteria";

/**
 * Votes counted on paper in the room. `clientId` was made when the page was rendered, so a
 * double submit of the same form counts once; the next render brings a new one.
 */
export function PaperVotes({ item, clientId }: { item: AgendaItemView; clientId: string }) {
  const { t } = useTranslation();
  const label = (criterion: string) => criterionLabel(t, criterion);
  const { activities } = item;
  const kinds = [activities.dots && "dots", activities.rating && "rating", activities.scale && "scale"].filter(
    (k): k is "dots" | "rating" | "scale" => Boolean(k),
  );
  if (kinds.length === 0) return <p>{t("conferences:paper.none")}</p>;
  const id = (name: string) => `paper-${item.id}-${name}`;
  return (
    <ActionForm
      formId={`paper-${item.id}`}
      intent="paper"
      values={{ agendaItemId: item.id, clientId }}
      className="stack-form"
      resetOnSuccess
    >
      {({ describe, fieldError, done }) => (
        <>
          <div className="field">
            <label htmlFor={id("kind")}>{t("conferences:paper.kind")}</label>
            <select id={id("kind")} name="kind" {...describe("kind")}>
              {kinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`conferences:paper.kinds.${kind}`)}
                </option>
              ))}
            </select>
            {fieldError("kind")}
          </div>
          {activities.rating && (
            <div className="field">
              <label htmlFor={id("criterion")}>{t("conferences:paper.criterion")}</label>
              <select id={id("criterion")} name="criterion" {...describe("criterion", id("criterion-hint"))}>
                {activities.rating.criteria.map((criterion) => (
                  <option key={criterion} value={criterion}>
                    {label(criterion)}
                  </option>
                ))}
              </select>
              <span id={id("criterion-hint")} className="hint">
                {t("conferences:paper.criterionHint")}
              </span>
              {fieldError("criterion")}
            </div>
          )}
          <div className="field">
            <label htmlFor={id("value")}>{t("conferences:paper.value")}</label>
            <input
              id={id("value")}
              name="value"
              type="number"
              min={1}
              max={10000}
              required
              {...describe("value", id("value-hint"))}
            />
            <span id={id("value-hint")} className="hint">
              {t("conferences:paper.valueHint")}
            </span>
            {fieldError("value")}
          </div>
          <div className="field">
            <label htmlFor={id("weight")}>{t("conferences:paper.weight")}</label>
            <input
              id={id("weight")}
              name="weight"
              type="number"
              min={1}
              max={10000}
              defaultValue={1}
              {...describe("weight", id("weight-hint"))}
            />
            <span id={id("weight-hint")} className="hint">
              {t("conferences:paper.weightHint")}
            </span>
            {fieldError("weight")}
          </div>
          <div className="actions">
            <button type="submit" className="button">
              {t("conferences:paper.submit")}
            </button>
            <span role="status" className="form-status">
              {done ? t("conferences:paper.recorded") : ""}
            </span>
          </div>
        </>
      )}
    </ActionForm>
  );
}

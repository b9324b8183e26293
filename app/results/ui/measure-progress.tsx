import { Form, Link, useSearchParams } from "@remix-run/react";
import { IndicatorChart } from "../../catalogue/ui/indicator-chart";
import { SelectField, TextAreaField } from "../../components/form-fields";
import { usePageForm } from "../../components/page-form";
import { inLanguage } from "../../i18n/parts";
import { useTranslation } from "../../i18n/translate";
import type { MeasureProgressData } from "../measure-progress.server";
import type { ScaleResultChoice } from "../scale-to-indicator.server";
import { entryTitle } from "../../live/ranking-names";

type Props = {
  progress: MeasureProgressData;
  planSlug: string;
  /** The language of the plan's own texts. */
  planLanguage: string;
};

/**
 * The measure page's progress section (docs/decisions/043): each indicator's values over time
 * against its target and due date, a value that came from a live session linked back to its
 * result, and for planners the form that records a closed session's scale result as a value.
 */
export function MeasureProgress({ progress, planSlug, planLanguage }: Props) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  if (progress.indicators.length === 0) return null;
  // An indicator without target, due date or values has nothing to show beyond the list above.
  const shown = progress.indicators.filter((i) => i.targetValue || i.dueDate || i.values.length > 0);
  if (shown.length === 0 && !progress.choices) return null;
  const sourceOf = (valueId: string) => {
    const source = progress.sources[valueId];
    if (!source) return null;
    return (
      <>
        <Link to={`/conferences/${source.conferenceId}/feedback#item-${source.agendaItemId}`} {...inLanguage(planLanguage)}>
          {source.liveSession.title}
        </Link>
        {`: ${t("progress:values.meanOf", { count: source.answers })}`}
      </>
    );
  };
  return (
    <section className="measure-field" aria-labelledby="progress-title">
      <h2 id="progress-title">{t("progress:measure.heading")}</h2>
      {params.get("recorded") && (
        <p className="notice" role="status">
          {t("progress:record.saved")}
        </p>
      )}
      {shown.map((indicator) => (
        <IndicatorChart key={indicator.id} indicator={indicator} contentLanguage={planLanguage} sourceOf={sourceOf} />
      ))}
      <p>
        <Link to={`/plans/${planSlug}/progress`}>{t("progress:measure.overviewLink")}</Link>
      </p>
      {progress.choices && <RecordScaleForm progress={progress} planLanguage={planLanguage} />}
    </section>
  );
}

/** An agenda item as an option names it: a measure by code and title, a cluster, goal or question by its words. */
function itemLabel(item: ScaleResultChoice["item"]): string {
  if (item.measure) return `${item.measure.code} ${item.measure.title}`;
  return entryTitle(item) ?? item.question ?? "";
}

function RecordScaleForm({ progress, planLanguage }: { progress: MeasureProgressData; planLanguage: string }) {
  const { t } = useTranslation();
  const view = usePageForm("recordScale");
  const choices = progress.choices ?? [];
  const content = inLanguage(planLanguage);
  const errorId = view.error ? view.errorId : undefined;
  return (
    <section aria-labelledby="record-scale-title" className="catalogue-form">
      <h3 id="record-scale-title">{t("progress:record.heading")}</h3>
      <p className="hint">{t("progress:record.explained")}</p>
      {choices.length === 0 ? (
        <p className="muted">{t("progress:record.none")}</p>
      ) : (
        <>
          {view.error && (
            <p id={view.errorId} className="form-error" role="alert">
              {t(view.error.messageKey, view.error.values)}
            </p>
          )}
          <Form method="post" className="planning-form">
            <input type="hidden" name="intent" value="recordScale" />
            <input type="hidden" name="formId" value="recordScale" />
            <SelectField
              id="record-scale-item"
              name="agendaItemId"
              label={t("progress:record.result")}
              defaultValue={view.sentText("agendaItemId") ?? choices[0]!.agendaItemId}
              error={view.fieldMessage("agendaItemId")}
              alsoDescribedBy={errorId}
            >
              {choices.map((choice) => (
                <option key={choice.agendaItemId} value={choice.agendaItemId}>
                  {`${choice.liveSession.title} – ${itemLabel(choice.item)}: ${t("progress:record.mean", { mean: choice.mean, count: choice.answers })}`}
                </option>
              ))}
            </SelectField>
            <SelectField
              id="record-scale-indicator"
              name="indicator"
              label={t("progress:record.indicator")}
              defaultValue={view.sentText("indicator") ?? "1"}
              error={view.fieldMessage("indicator")}
            >
              {progress.indicators.map((indicator) => (
                <option key={indicator.id} value={indicator.number} {...content}>
                  {`${indicator.number}. ${indicator.text.length > 90 ? `${indicator.text.slice(0, 89)}…` : indicator.text}`}
                </option>
              ))}
            </SelectField>
            <TextAreaField
              id="record-scale-reason"
              name="reason"
              label={t("catalogue:revise.reason")}
              hint={t("catalogue:revise.reasonHint")}
              rows={3}
              required
              defaultValue={view.sentText("reason") ?? ""}
              error={view.fieldMessage("reason")}
              {...content}
            />
            <div className="actions">
              <button type="submit" className="button">
                {t("progress:record.submit")}
              </button>
            </div>
          </Form>
        </>
      )}
    </section>
  );
}

import { Trans, useTranslation } from "../../i18n/translate";
import { criterionMax, defaultCriteria } from "../limits";
import type { AgendaItemView } from "../views";
import { ActionForm } from "../../components/action-form";
import { usePageForm } from "../../components/page-form";
import { TranslationFields } from "../../components/translation-fields";
import { fallbackLanguage } from "../../i18n/config";
import { inLanguage } from "../../i18n/parts";
import { criterionLabel, isKnownCriterion } from "./criteria";
import { rankable } from "../rules";

/**
 * Which activities an agenda item offers: comments, dots, rating on criteria, a 1–10 scale,
 * ranking. Folded away behind a summary, so a long agenda stays readable; a refused form opens.
 */
export function ActivitiesForm({ item, languages }: { item: AgendaItemView; languages: string[] }) {
  const { t } = useTranslation();
  const label = (criterion: string) => criterionLabel(t, criterion);
  const { activities } = item;
  const formId = `activities-${item.id}`;
  const refused = usePageForm(formId).error;
  const id = (name: string) => `${formId}-${name}`;
  const criteria = (activities.rating?.criteria ?? defaultCriteria).map(label).join("\n");
  // The four known criteria are translated by the locale files; the moderator's own ones here.
  const own = (activities.rating?.criteria ?? []).filter((criterion) => !isKnownCriterion(criterion));
  const translatable = languages.some((language) => language !== fallbackLanguage);
  const enabled = [
    activities.comments && t("conferences:activities.comments"),
    activities.dots && t("conferences:activities.dots"),
    activities.rating && t("conferences:activities.rating"),
    activities.scale && t("conferences:activities.scale"),
    activities.ranking && t("conferences:activities.ranking"),
  ].filter(Boolean);
  return (
    <details className="activities" open={Boolean(refused)}>
      <summary>
        {t("conferences:activities.summary", {
          list: enabled.length > 0 ? enabled.join(" · ") : t("conferences:activities.noneEnabled"),
        })}
      </summary>
      <ActionForm formId={formId} intent="activities" values={{ agendaItemId: item.id }} className="activities-form">
        {({ describe, fieldError, done }) => (
          <fieldset>
            <legend>{t("conferences:activities.legend")}</legend>
            <label className="choice">
              <input type="checkbox" name="comments" defaultChecked={activities.comments} />
              {t("conferences:activities.comments")}
            </label>

            <div className="activity">
              <label className="choice">
                <input type="checkbox" name="dots" defaultChecked={Boolean(activities.dots)} />
                {t("conferences:activities.dots")}
              </label>
              <div className="field field--inline">
                <label htmlFor={id("dots-max")}>{t("conferences:activities.dotsMax")}</label>
                <input
                  id={id("dots-max")}
                  name="dotsMax"
                  type="number"
                  min={1}
                  max={50}
                  defaultValue={activities.dots?.maxPerItem ?? 3}
                  {...describe("activities.dots.maxPerItem")}
                />
                {fieldError("activities.dots.maxPerItem")}
              </div>
            </div>

            <div className="activity">
              <label className="choice">
                <input type="checkbox" name="rating" defaultChecked={Boolean(activities.rating)} />
                {t("conferences:activities.rating")}
              </label>
              <div className="field">
                <label htmlFor={id("criteria")}>{t("conferences:activities.criteria")}</label>
                <textarea
                  id={id("criteria")}
                  name="criteria"
                  rows={4}
                  defaultValue={criteria}
                  {...describe("activities.rating.criteria", id("criteria-hint"))}
                />
                <span id={id("criteria-hint")} className="hint">
                  {t("conferences:activities.criteriaHint")}
                </span>
                {fieldError("activities.rating.criteria")}
              </div>
              <div className="field field--inline">
                <label htmlFor={id("rating-max")}>{t("conferences:activities.ratingMax")}</label>
                <input
                  id={id("rating-max")}
                  name="ratingMax"
                  type="number"
                  min={3}
                  max={10}
                  defaultValue={activities.rating?.max ?? 5}
                  {...describe("activities.rating.max")}
                />
                {fieldError("activities.rating.max")}
              </div>
              {translatable && (
                <div>
                  <p className="hint">{t("conferences:activities.criterionTranslationsHint")}</p>
                  {own.map((criterion, i) => (
                    <div key={criterion}>
                      <input type="hidden" name={`criterionName.${i}`} value={criterion} />
                      <TranslationFields
                        idPrefix={id(`criterion-${i}`)}
                        languages={languages}
                        name={`criterionTranslation.${i}`}
                        field={`activities.rating.criterionTranslations.${criterion}`}
                        legend={
                          <Trans
                            i18nKey="conferences:activities.criterionTranslations"
                            components={{ criterion: <span {...inLanguage(fallbackLanguage)}>{criterion}</span> }}
                          />
                        }
                        max={criterionMax}
                        values={(language) => activities.rating?.criterionTranslations?.[criterion]?.[language]}
                        form={{ describe, fieldError }}
                      />
                    </div>
                  ))}
                </div>
              )}
            </div>

            <div className="activity">
              <label className="choice">
                <input type="checkbox" name="scale" defaultChecked={Boolean(activities.scale)} />
                {t("conferences:activities.scale")}
              </label>
              <div className="field">
                <label htmlFor={id("scale-label")}>{t("conferences:activities.scaleLabel")}</label>
                <input
                  id={id("scale-label")}
                  name="scaleLabel"
                  maxLength={120}
                  defaultValue={activities.scale?.label ?? ""}
                  {...describe("activities.scale.label", id("scale-label-hint"))}
                />
                <span id={id("scale-label-hint")} className="hint">
                  {t("conferences:activities.scaleLabelHint")}
                </span>
                {fieldError("activities.scale.label")}
              </div>
            </div>

            {rankable(item.kind) && (
              <label className="choice">
                <input type="checkbox" name="ranking" defaultChecked={activities.ranking} />
                {t("conferences:activities.ranking")}
              </label>
            )}

            <div className="actions">
              <button type="submit" className="button button--secondary">
                {t("conferences:activities.save")}
              </button>
              <span role="status" className="form-status">
                {done ? t("conferences:activities.saved") : ""}
              </span>
            </div>
          </fieldset>
        )}
      </ActionForm>
    </details>
  );
}

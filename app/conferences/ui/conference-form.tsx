import { useTranslation } from "../../i18n/translate";
import { bielefeldDistricts } from "../districts";
import { conferenceKinds } from "../kinds";
import { inLanguage } from "../../i18n/parts";
import { ActionForm } from "../../components/action-form";
import { useLanguageNames } from "../../i18n/provider";
import { languages } from "../../i18n/config";
import { ConferenceTextFields } from "./conference-text-fields";
import { MethodFields } from "./method-fields";

type PlanOption = { slug: string; title: string; language: string };
/** A series the conference may join; the server checks it is one of the chosen plan's. */
type SeriesOption = { id: string; title: string; planSlug: string };

/** The conference a moderator sets up: which plan and series, what kind, when, where, in which languages. */
export function ConferenceForm({ plans, series }: { plans: PlanOption[]; series: SeriesOption[] }) {
  const { t } = useTranslation();
  const languageNames = useLanguageNames();
  return (
    <ActionForm formId="create-conference" intent="create" className="stack-form">
      {({ describe, fieldError, error, sent, sentText }) => {
        const sentLanguages = sent ? [sent.languages ?? []].flat() : ["de"];
        return (
          <>
            <div className="field">
              <label htmlFor="conference-plan">{t("conferences:create.plan")}</label>
              <select
                id="conference-plan"
                name="planSlug"
                defaultValue={sentText("planSlug")}
                {...describe("planSlug")}
              >
                {plans.map((plan) => (
                  <option key={plan.slug} value={plan.slug} {...inLanguage(plan.language)}>
                    {plan.title}
                  </option>
                ))}
              </select>
              {fieldError("planSlug")}
            </div>
            {series.length > 0 && (
              <div className="field">
                <label htmlFor="conference-series">{t("conferences:create.series")}</label>
                <select id="conference-series" name="seriesId" defaultValue={sentText("seriesId") ?? ""} {...describe("seriesId", "conference-series-hint")}>
                  <option value="">{t("conferences:create.noSeries")}</option>
                  {plans.map((plan) => {
                    const ofPlan = series.filter((s) => s.planSlug === plan.slug);
                    return ofPlan.length === 0 ? null : (
                      <optgroup key={plan.slug} label={plan.title}>
                        {ofPlan.map((s) => (
                          <option key={s.id} value={s.id}>
                            {s.title}
                          </option>
                        ))}
                      </optgroup>
                    );
                  })}
                </select>
                <span id="conference-series-hint" className="hint">
                  {t("conferences:create.seriesHint")}
                </span>
                {fieldError("seriesId")}
              </div>
            )}
            <MethodFields describe={describe} fieldError={fieldError} sentText={sentText} />
            <fieldset className="choice-group" aria-describedby={describe("kind")["aria-describedby"]}>
              <legend>{t("conferences:create.kind")}</legend>
              {conferenceKinds.map((kind) => (
                <label key={kind} className="choice">
                  <input
                    type="radio"
                    name="kind"
                    value={kind}
                    defaultChecked={(sentText("kind") ?? "future_conference") === kind}
                  />
                  {t(`conferences:kind.${kind}`)}
                </label>
              ))}
              {fieldError("kind")}
            </fieldset>
            <ConferenceTextFields idPrefix="conference" languages={languages} values={sentText} form={{ describe, fieldError, error }} />
            <div className="field">
              <label htmlFor="conference-starts">{t("conferences:create.startsAt")}</label>
              <input
                id="conference-starts"
                name="startsAt"
                type="datetime-local"
                required
                defaultValue={sentText("startsAt")}
                {...describe("startsAt", "conference-starts-hint")}
              />
              <span id="conference-starts-hint" className="hint">
                {t("conferences:create.startsAtHint")}
              </span>
              {fieldError("startsAt")}
            </div>
            <div className="field">
              <label htmlFor="conference-place">{t("conferences:create.place")}</label>
              <input
                id="conference-place"
                name="place"
                maxLength={200}
                defaultValue={sentText("place")}
                {...describe("place")}
              />
              {fieldError("place")}
            </div>
            <div className="field">
              <label htmlFor="conference-district">{t("conferences:create.district")}</label>
              <input
                id="conference-district"
                name="district"
                maxLength={200}
                defaultValue={sentText("district")}
                {...describe("district")}
              />
              {fieldError("district")}
            </div>
            <div className="field">
              <label htmlFor="conference-districts">{t("conferences:create.districts")}</label>
              <textarea
                id="conference-districts"
                name="districts"
                rows={4}
                defaultValue={sentText("districts")}
                {...describe("districts", "conference-districts-hint")}
              />
              <span id="conference-districts-hint" className="hint">
                {t("conferences:create.districtsHint", { districts: bielefeldDistricts.join(", ") })}
              </span>
              {fieldError("districts")}
            </div>
            <fieldset className="choice-group" aria-describedby={describe("languages")["aria-describedby"]}>
              <legend>{t("conferences:create.languages")}</legend>
              {languageNames.map(({ code, name }) => (
                <label key={code} className="choice">
                  <input type="checkbox" name="languages" value={code} defaultChecked={sentLanguages.includes(code)} />
                  <span {...inLanguage(code)}>{name}</span>
                </label>
              ))}
              {fieldError("languages", "conferences:create.languagesRequired")}
            </fieldset>
            <div className="actions">
              <button type="submit" className="button">
                {t("conferences:create.submit")}
              </button>
            </div>
          </>
        );
      }}
    </ActionForm>
  );
}

import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "../../i18n/translate";
import { usePageForm } from "../../components/page-form";
import { languages } from "../../i18n/config";
import { inLanguage } from "../../i18n/parts";
import type { Outcome } from "../outcomes";
import { OutcomeDetails, type DecideOptions } from "./decide-details";
import { describedBy, TextAreaField } from "../../components/form-fields";

type Props = {
  offered: readonly Outcome[];
  options: DecideOptions;
  planLanguage: string;
  /** Suggestions from the input: the outcome to preselect, a proposal's title, a result's measure. */
  suggested: Record<string, string>;
  /** Sent with the form, so that a second submit of it stores nothing more. */
  clientId: string;
};

/**
 * A planner's answer to one input: an outcome with its details and a reason, required in the
 * plan's language and optional in the others. A plain form post; the page shows the outcome after.
 */
export function DecideForm({ offered, options, planLanguage, suggested, clientId }: Props) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  // What was sent when the server refused it, so nothing typed is lost without JavaScript.
  const { error, errorId, sentText, fieldMessage: fieldError } = usePageForm("decide", { wholePage: true });
  const value = (name: string) => sentText(name) ?? suggested[name] ?? "";
  const formErrorId = error ? errorId : undefined;
  const outcomeError = fieldError("outcome");
  const reasonLanguages = [planLanguage, ...languages.filter((l) => l !== planLanguage)];
  const offeredHere = offered.filter((o) => o !== "mergeProposal" || options.proposals.length > 0);

  return (
    <>
      {error && (
        <p id={errorId} className="form-error" role="alert">
          {t(error.messageKey, error.values)}
        </p>
      )}
      <Form method="post" className="decide-form" aria-labelledby="decide-title">
        <input type="hidden" name="clientId" value={sentText("clientId") ?? clientId} />
        <fieldset className="outcome-choice" aria-describedby={describedBy("decide-outcome", undefined, outcomeError, formErrorId)}>
          <legend>{t("decisions:decide.outcomeLegend")}</legend>
          {outcomeError && (
            <p id="decide-outcome-error" className="field-error">
              {outcomeError}
            </p>
          )}
          {offeredHere.map((option) => (
            <div key={option} className="outcome-option">
              <label className="choice">
                <input type="radio" name="outcome" value={option} defaultChecked={value("outcome") === option} required />
                {t(`decisions:option.${option}.label`)}
              </label>
              <OutcomeDetails option={option} options={options} planLanguage={planLanguage} value={value} error={fieldError} />
            </div>
          ))}
        </fieldset>

        <fieldset className="reasons" aria-describedby="decide-reasons-hint">
          <legend>{t("decisions:decide.reasonsLegend")}</legend>
          <p id="decide-reasons-hint" className="hint">
            {t("decisions:decide.reasonsHint")}
          </p>
          {reasonLanguages.map((language) => {
            const required = language === planLanguage;
            return (
              <TextAreaField
                key={language}
                id={`decide-reason-${language}`}
                name={`reason.${language}`}
                label={
                  <>
                    {`${t("decisions:decide.reasonIn")} ${t(`conferences:language.${language}`)}`}
                    {required ? ` ${t("decisions:decide.requiredMark")}` : ` ${t("decisions:decide.optionalMark")}`}
                  </>
                }
                defaultValue={value(`reason.${language}`)}
                error={fieldError(`reason.${language}`)}
                alsoDescribedBy={required ? formErrorId : undefined}
                required={required}
                {...inLanguage(language)}
              />
            );
          })}
        </fieldset>

        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {t("decisions:decide.submit")}
          </button>
        </div>
      </Form>
    </>
  );
}

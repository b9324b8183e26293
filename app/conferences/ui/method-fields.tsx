import { useTranslation } from "../../i18n/translate";
import type { FormState } from "../../components/action-form";
import { conferenceMethods } from "../kinds";
import { goalsNamedFirstDefault, goalsNamedFirstMax } from "../limits";

type Props = Pick<FormState, "describe" | "fieldError" | "sentText">;

/**
 * How the conference is set up: a free agenda the moderator builds, or the Integrationskonzept's
 * two-step prioritisation from its template (decision 051), with how many goals it names first.
 * Without JavaScript both fields are there; the number only counts for the template.
 */
export function MethodFields({ describe, fieldError, sentText }: Props) {
  const { t } = useTranslation();
  const method = sentText("method") ?? "free";
  return (
    <fieldset className="choice-group" aria-describedby={describe("method", "conference-method-hint")["aria-describedby"]}>
      <legend>{t("conferences:create.method")}</legend>
      <span id="conference-method-hint" className="hint">
        {t("conferences:create.methodHint")}
      </span>
      {conferenceMethods.map((value) => (
        <label key={value} className="choice">
          <input type="radio" name="method" value={value} defaultChecked={method === value} />
          {t(`conferences:create.methods.${value}`)}
        </label>
      ))}
      {fieldError("method")}
      <div className="field">
        <label htmlFor="conference-goals-named-first">{t("conferences:create.goalsNamedFirst")}</label>
        <input
          id="conference-goals-named-first"
          name="goalsNamedFirst"
          type="number"
          min={1}
          max={goalsNamedFirstMax}
          defaultValue={sentText("goalsNamedFirst") ?? goalsNamedFirstDefault}
          {...describe("goalsNamedFirst", "conference-goals-named-first-hint")}
        />
        <span id="conference-goals-named-first-hint" className="hint">
          {t("conferences:create.goalsNamedFirstHint")}
        </span>
        {fieldError("goalsNamedFirst")}
      </div>
    </fieldset>
  );
}

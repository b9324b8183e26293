import { Form } from "@remix-run/react";
import { useTranslation } from "../../i18n/translate";
import { MaturityOptions } from "./maturity-badge";
import { Field } from "../../components/field";
import { usePageForm } from "../../components/page-form";
import { inLanguage } from "../../i18n/parts";
import { SelectField, TextAreaField } from "../../components/form-fields";

export type CatalogueIntent = "maturity" | "indicator";

type Props = {
  maturity: "A" | "B" | "C" | null;
  indicators: { text: string; targetValue: string | null }[];
  contentLanguage: string;
};

/**
 * Staff with catalogue.edit update a measure's maturity or record an indicator's actual value;
 * each lands in a new plan revision with its reason, which the history above then lists.
 */
export function CatalogueForms({ maturity, indicators, contentLanguage }: Props) {
  const { t } = useTranslation();
  const content = inLanguage(contentLanguage);
  // Each form is named by its intent (the action names it so when a post does not).
  const form = (view: ReturnType<typeof usePageForm>) => ({
    errorId: view.error ? view.errorId : undefined,
    error: view.error && (
      <p id={view.errorId} className="form-error" role="alert">
        {t(view.error.messageKey, view.error.values)}
      </p>
    ),
    fieldError: view.fieldMessage,
    value: (name: string, fallback = "") => view.sentText(name) ?? fallback,
  });
  const m = form(usePageForm("maturity"));
  const v = form(usePageForm("indicator"));
  return (
    <>
      <section aria-labelledby="maturity-title" className="catalogue-form">
        <h3 id="maturity-title">{t("catalogue:revise.maturityHeading")}</h3>
        {m.error}
        <Form method="post" className="planning-form">
          <input type="hidden" name="intent" value="maturity" />
          <SelectField
            id="maturity-value"
            name="maturity"
            label={t("catalogue:maturity.label")}
            defaultValue={m.value("maturity", maturity ?? "")}
            error={m.fieldError("maturity")}
            alsoDescribedBy={m.errorId}
          >
            <MaturityOptions />
          </SelectField>
          <TextAreaField
            id="maturity-reason"
            name="reason"
            label={t("catalogue:revise.reason")}
            hint={t("catalogue:revise.reasonHint")}
            rows={3}
            required
            defaultValue={m.value("reason")}
            error={m.fieldError("reason")}
            {...content}
          />
          <div className="actions">
            <button type="submit" className="button">
              {t("catalogue:revise.saveMaturity")}
            </button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="indicator-title" className="catalogue-form">
        <h3 id="indicator-title">{t("catalogue:revise.indicatorHeading")}</h3>
        {indicators.length === 0 ? (
          <p className="muted">{t("catalogue:revise.noIndicators")}</p>
        ) : (
          <>
            {v.error}
            <Form method="post" className="planning-form">
              <input type="hidden" name="intent" value="indicator" />
              <SelectField
                id="indicator-number"
                name="indicator"
                label={t("catalogue:revise.indicator")}
                defaultValue={v.value("indicator", "1")}
                error={v.fieldError("indicator")}
                alsoDescribedBy={v.errorId}
              >
                {indicators.map((indicator, i) => (
                  <option key={i} value={i + 1} {...content}>
                    {`${i + 1}. ${indicator.text}${indicator.targetValue ? ` (${indicator.targetValue})` : ""}`}
                  </option>
                ))}
              </SelectField>
              <Field
                id="indicator-date"
                name="recordedOn"
                type="date"
                label={t("catalogue:revise.date")}
                required
                defaultValue={v.value("recordedOn")}
                error={v.fieldError("recordedOn")}
              />
              <Field
                id="indicator-value"
                name="value"
                type="text"
                label={t("catalogue:revise.value")}
                required
                defaultValue={v.value("value")}
                error={v.fieldError("value")}
                {...content}
              />
              <Field
                id="indicator-note"
                name="note"
                type="text"
                label={t("catalogue:revise.note")}
                defaultValue={v.value("note")}
                error={v.fieldError("note")}
                {...content}
              />
              <TextAreaField
                id="indicator-reason"
                name="reason"
                label={t("catalogue:revise.reason")}
                hint={t("catalogue:revise.reasonHint")}
                rows={3}
                required
                defaultValue={v.value("reason")}
                error={v.fieldError("reason")}
                {...content}
              />
              <div className="actions">
                <button type="submit" className="button">
                  {t("catalogue:revise.saveValue")}
                </button>
              </div>
            </Form>
          </>
        )}
      </section>
    </>
  );
}

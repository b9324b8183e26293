import { Form } from "@remix-run/react";
import { Field } from "../../components/field";
import { SelectField, TextAreaField } from "../../components/form-fields";
import { usePageForm } from "../../components/page-form";
import { formatDate, formatMoney } from "../../i18n/format";
import { inLanguage } from "../../i18n/parts";
import { useTranslation } from "../../i18n/translate";
import { MaturityOptions } from "./maturity-badge";
import type { ClusterVersion } from "../clusters.server";
import type { Maturity } from "../../../db/schema";

/** How a cluster's Reifegrad and budget came to be (issue 12): each revision that set them, oldest first. */
export function ClusterHistory({ clusterKey, versions, contentLanguage }: { clusterKey: string; versions: ClusterVersion[]; contentLanguage: string }) {
  const { t, i18n } = useTranslation();
  if (versions.length === 0) return null;
  const lng = i18n.language;
  return (
    <details className="cluster-history">
      <summary>{t("catalogue:cluster.history")}</summary>
      <ol className="plain-list" aria-label={t("catalogue:cluster.historyLabel", { key: clusterKey })}>
        {versions.map((v) => (
          <li key={v.revision}>
            <strong>{t("catalogue:plan.revision", { number: v.revision, date: formatDate(new Date(v.createdAt), lng) })}</strong>
            {v.createdBy && <> {t("catalogue:history.by", { name: v.createdBy })}</>}
            {": "}
            {v.budgetCents === null ? t("catalogue:cluster.noBudget") : t("catalogue:plan.budget", { amount: formatMoney(v.budgetCents, lng) })}
            {" · "}
            {v.maturity ? t(`catalogue:maturity.${v.maturity}`) : t("catalogue:maturity.none")}
            <br />
            <span {...inLanguage(contentLanguage)}>{v.reason}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}

/** Euros as the form shows them again: "250.000" or "1.250,50", the way the field reads them. */
function euros(cents: number | null): string {
  if (cents === null) return "";
  const whole = Math.trunc(cents / 100).toLocaleString("de-DE");
  return cents % 100 === 0 ? whole : `${whole},${String(cents % 100).padStart(2, "0")}`;
}

/** Planners change a cluster's Reifegrad or budget with a reason: a new revision of the plan. */
export function ClusterForm({ clusterKey, budgetCents, maturity, contentLanguage }: { clusterKey: string; budgetCents: number | null; maturity: Maturity; contentLanguage: string }) {
  const { t } = useTranslation();
  const formId = `cluster-${clusterKey}`;
  const view = usePageForm(formId);
  const sent = (name: string, fallback: string) => view.sentText(name) ?? fallback;
  const errorId = view.error ? view.errorId : undefined;
  return (
    <details className="catalogue-form" open={view.error ? true : undefined}>
      <summary>{t("catalogue:cluster.formHeading")}</summary>
      {view.error && (
        <p id={view.errorId} className="form-error" role="alert">
          {t(view.error.messageKey, view.error.values)}
        </p>
      )}
      <Form method="post" className="planning-form">
        <input type="hidden" name="formId" value={formId} />
        <input type="hidden" name="key" value={clusterKey} />
        <SelectField
          id={`${formId}-maturity`}
          name="maturity"
          label={t("catalogue:maturity.label")}
          defaultValue={sent("maturity", maturity ?? "")}
          error={view.fieldMessage("maturity")}
          alsoDescribedBy={errorId}
        >
          <MaturityOptions />
        </SelectField>
        <Field
          id={`${formId}-budget`}
          name="budget"
          label={t("catalogue:cluster.budgetLabel")}
          hint={t("catalogue:cluster.budgetHint")}
          inputMode="decimal"
          defaultValue={sent("budget", euros(budgetCents))}
          error={view.fieldMessage("budget")}
          alsoDescribedBy={errorId}
        />
        <TextAreaField
          id={`${formId}-reason`}
          name="reason"
          label={t("catalogue:revise.reason")}
          hint={t("catalogue:revise.reasonHint")}
          rows={2}
          required
          defaultValue={sent("reason", "")}
          error={view.fieldMessage("reason")}
          alsoDescribedBy={errorId}
          {...inLanguage(contentLanguage)}
        />
        <div className="actions">
          <button type="submit" className="button">
            {t("catalogue:cluster.save")}
          </button>
        </div>
      </Form>
    </details>
  );
}

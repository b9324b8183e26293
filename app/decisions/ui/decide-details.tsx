import type { ChangeEvent } from "react";
import { useTranslation } from "../../i18n/translate";
import { Field } from "../../components/field";
import { inLanguage } from "../../i18n/parts";
import { isLongField } from "../../catalogue/measure-fields";
import { changeFields, newMeasureFields, type Outcome } from "../outcomes";
import { SelectField, TextAreaField } from "../../components/form-fields";

export type DecideOptions = {
  clusters: { key: string; title: string }[];
  /** Each with the next free code a new measure there would get, if its codes follow a pattern. */
  sections: { key: string; title: string; nextCode: string | null }[];
  units: { code: string; name: string }[];
  measures: { code: string; title: string }[];
  /** Other open proposals of the plan, to merge into. */
  proposals: { id: string; title: string; language: string }[];
};

type Props = {
  option: Outcome;
  options: DecideOptions;
  planLanguage: string;
  /** What the field shows: what was sent before, else a suggestion from the input. */
  value: (name: string) => string;
  error: (name: string) => string | undefined;
};

const idOf = (name: string) => `decide-${name.replace(/\./g, "-")}`;

/** The fields that belong to one outcome of the decide form; outcomes without details render nothing. */
export function OutcomeDetails({ option, options, planLanguage, value, error }: Props) {
  const { t } = useTranslation();
  const content = inLanguage(planLanguage);
  const text = (name: string, label: string, extra: { hint?: string } = {}) => {
    const field = name.split(".")[1]!;
    const common = { id: idOf(name), name, label, defaultValue: value(name), error: error(name), ...content, ...extra };
    return isLongField(field) ? <TextAreaField key={name} {...common} /> : <Field key={name} type="text" {...common} />;
  };
  const select = (
    name: string,
    label: string,
    empty: string,
    choices: { value: string; label: string; lang?: boolean }[],
    hint?: string,
    onChange?: (event: ChangeEvent<HTMLSelectElement>) => void
  ) => (
    <SelectField
      key={name}
      id={idOf(name)}
      name={name}
      label={label}
      defaultValue={value(name)}
      error={error(name)}
      hint={hint}
      onChange={onChange}
    >
      <option value="">{empty}</option>
      {choices.map((c) => (
        <option key={c.value} value={c.value} {...(c.lang ? content : {})}>
          {c.label}
        </option>
      ))}
    </SelectField>
  );
  const maturities = (["A", "B", "C"] as const).map((m) => ({ value: m, label: t(`catalogue:maturity.${m}`) }));
  const measures = options.measures.map((m) => ({ value: m.code, label: `${m.code} ${m.title}`, lang: true }));
  const labelOf = (field: string) => (field === "title" ? t("catalogue:field.title") : t(`catalogue:measure.${field}`));

  if (option === "acceptNew") {
    const nextCode = (key: string) => options.sections.find((s) => s.key === key)?.nextCode ?? "";
    // Another section, another code: the suggestion follows unless the planner typed their own.
    const followSection = (event: ChangeEvent<HTMLSelectElement>) => {
      const code = event.currentTarget.form?.elements.namedItem("new.code");
      if (!(code instanceof HTMLInputElement)) return;
      const suggested = new Set(["", ...options.sections.map((s) => s.nextCode ?? "")]);
      if (suggested.has(code.value)) code.value = nextCode(event.currentTarget.value);
    };
    return (
      <fieldset className="outcome-details">
        <legend>{t("decisions:option.acceptNew.details")}</legend>
        {text("new.code", t("catalogue:measure.code"), { hint: `${t("decisions:decide.codeHint")} ${t("decisions:decide.codeSuggested")}` })}
        {text("new.title", t("catalogue:field.title"))}
        {select(
          "new.clusterKey",
          t("catalogue:measure.cluster"),
          t("decisions:decide.none"),
          options.clusters.map((c) => ({ value: c.key, label: c.title, lang: true }))
        )}
        {select(
          "new.sectionKey",
          t("catalogue:measure.section"),
          t("decisions:decide.none"),
          options.sections.map((s) => ({ value: s.key, label: s.title, lang: true })),
          undefined,
          followSection
        )}
        {select(
          "new.unitCode",
          t("catalogue:measure.unit"),
          t("decisions:decide.none"),
          options.units.map((u) => ({ value: u.code, label: `${u.code} ${u.name}`, lang: true }))
        )}
        {select("new.maturity", t("catalogue:maturity.label"), t("catalogue:maturity.none"), maturities)}
        {newMeasureFields.filter(isLongField).map((f) => text(`new.${f}`, labelOf(f)))}
      </fieldset>
    );
  }
  if (option === "acceptChange") {
    const changeError = error("change");
    return (
      <fieldset className="outcome-details" aria-describedby={changeError ? "decide-change-error" : "decide-change-hint"}>
        <legend>{t("decisions:option.acceptChange.details")}</legend>
        <p id="decide-change-hint" className="hint">
          {t("decisions:decide.changeHint")}
        </p>
        {changeError && (
          <p id="decide-change-error" className="field-error">
            {changeError}
          </p>
        )}
        {select("change.code", t("decisions:decide.measure"), t("decisions:decide.chooseMeasure"), measures)}
        {changeFields.map((f) =>
          f === "maturity"
            ? select("change.maturity", t("catalogue:maturity.label"), t("decisions:decide.unchanged"), maturities)
            : text(`change.${f}`, labelOf(f))
        )}
      </fieldset>
    );
  }
  if (option === "mergeMeasure") {
    return (
      <fieldset className="outcome-details">
        <legend>{t("decisions:option.mergeMeasure.details")}</legend>
        {select("merge.code", t("decisions:decide.measure"), t("decisions:decide.chooseMeasure"), measures)}
      </fieldset>
    );
  }
  if (option === "mergeProposal") {
    return (
      <fieldset className="outcome-details">
        <legend>{t("decisions:option.mergeProposal.details")}</legend>
        <SelectField
          id={idOf("merge.proposalId")}
          name="merge.proposalId"
          label={t("decisions:decide.proposal")}
          defaultValue={value("merge.proposalId")}
          error={error("merge.proposalId")}
        >
          <option value="">{t("decisions:decide.chooseProposal")}</option>
          {options.proposals.map((p) => (
            <option key={p.id} value={p.id} {...inLanguage(p.language)}>
              {p.title}
            </option>
          ))}
        </SelectField>
      </fieldset>
    );
  }
  return null;
}

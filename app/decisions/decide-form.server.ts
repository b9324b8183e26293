import { languages } from "../i18n/config";
import type { FormError } from "../forms";
import type { InputKind } from "./input.server";
import { changeFields, newMeasureFields, type Outcome } from "./outcomes";

type Form = Record<string, string | string[]>;

const text = (form: Form, name: string) => {
  const value = form[name];
  return typeof value === "string" ? value : "";
};

const subjectOf = (kind: InputKind, id: string) =>
  kind === "proposal" ? { kind, proposalId: id } : kind === "result" ? { kind, agendaItemId: id } : { kind, commentId: id };

/**
 * The plan's own language first and always sent, so that an empty first row is refused by the
 * domain as a missing reason; translations only where the planner wrote one.
 */
function reasonLanguages(form: Form, planLanguage: string): string[] {
  const others = languages.filter((l) => l !== planLanguage && text(form, `reason.${l}`).trim() !== "");
  return [planLanguage, ...others];
}

function decisionOf(form: Form): unknown {
  const outcome = text(form, "outcome");
  const pick = (prefix: string, fields: readonly string[], keepEmpty: boolean) =>
    Object.fromEntries(
      fields.flatMap((f) => {
        const value = text(form, `${prefix}.${f}`);
        return keepEmpty || value.trim() !== "" ? [[f, value]] : [];
      })
    );
  switch (outcome) {
    case "acceptNew":
      return { outcome: "accepted", change: { kind: "newMeasure", measure: pick("new", newMeasureFields, true) } };
    case "acceptChange":
      // A field left empty stays as it is; the form offers no way to clear a field.
      return {
        outcome: "accepted",
        change: { kind: "changeMeasure", code: text(form, "change.code"), changes: pick("change", changeFields, false) },
      };
    case "mergeMeasure":
      return { outcome: "merged", into: { kind: "measure", code: text(form, "merge.code") } };
    case "mergeProposal":
      return { outcome: "merged", into: { kind: "proposal", proposalId: text(form, "merge.proposalId") } };
    case "deferred":
    case "declined":
      return { outcome };
    default:
      return { outcome: null };
  }
}

/** The decide page's form as decide() takes it. */
export function decideInputFromForm(kind: InputKind, id: string, form: Form, planLanguage: string) {
  return {
    subjects: [subjectOf(kind, id)],
    decision: decisionOf(form),
    reasons: reasonLanguages(form, planLanguage).map((language) => ({ language, text: text(form, `reason.${language}`) })),
    clientId: text(form, "clientId") || undefined,
  };
}

/**
 * The refusal's fields named as the form names them: the schema says `decision.change.measure.code`
 * or `reasons.0.text`, the catalogue functions say `code` or `clusterKey`.
 */
export function formFieldsOf(error: FormError, form: Form, planLanguage: string): Record<string, string> {
  const outcome = text(form, "outcome") as Outcome;
  const sent = reasonLanguages(form, planLanguage);
  const prefix = outcome === "acceptNew" ? "new" : outcome === "acceptChange" ? "change" : "merge";
  const fields: Record<string, string> = {};
  for (const [path, key] of Object.entries(error.fields)) {
    const parts = path.split(".");
    let name: string;
    if (parts[0] === "reasons") name = `reason.${sent[Number(parts[1] ?? 0)] ?? planLanguage}`;
    else if (path === "decision.outcome" || path === "decision") name = "outcome";
    else if (path.startsWith("decision.change.measure.")) name = `new.${parts[3]}`;
    else if (path === "decision.change.changes") name = "change";
    else if (path.startsWith("decision.change.changes.")) name = `change.${parts[3]}`;
    else if (path === "decision.change.code") name = "change.code";
    else if (path === "decision.into.code") name = "merge.code";
    else if (path === "decision.into.proposalId" || path === "into") name = "merge.proposalId";
    else if (path === "code") name = `${prefix}.code`;
    else name = `${prefix}.${path}`;
    // The schema can only say "invalid" about an empty change; the page says what is missing.
    fields[name] ??= name === "change" ? "decisions:decide.nothingToChange" : key;
  }
  return fields;
}

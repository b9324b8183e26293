import { Form } from "@remix-run/react";
import type { TFunction } from "../../i18n/translate";
import { useTranslation } from "../../i18n/translate";
import type { MeasureDiff, RevisionEntry } from "../history.server";
import { formatDate, formatDateTime } from "../../i18n/format";
import { inLanguage } from "../../i18n/parts";
import { DataTable } from "../../components/data-table";
import { measureFields } from "../measure-fields";

/** An input that led to a revision, as the decisions room records it (decisions/revision-inputs.server.ts). */
type InputOfRevision = { decisionId: string; kind: "proposal" | "result" | "comment"; text: string | null; language: string | null };

/** A revision as the public history shows it: the planner's name only for staff readers. */
export type HistoryRevision = Omit<RevisionEntry, "id"> & { inputs: InputOfRevision[] };

const scalarFields = new Set<string>(["code", ...measureFields]);
const indicatorFields = new Set(["text", "targetValue", "dueDate"]);

/** `indicators.2.targetValue` → "Indicator 2: target value"; `actuals.1.2026-06-30` → "Indicator 1: actual value on 30 June 2026". */
function fieldLabel(t: TFunction, field: string, language: string): string {
  const [head, number, rest] = field.split(".");
  if (head === "indicators" && rest && indicatorFields.has(rest)) return t(`catalogue:field.indicator.${rest}`, { number });
  if (head === "actuals" && rest) return t("catalogue:field.actual", { number, date: formatDate(rest, language) });
  return head && scalarFields.has(head) && !number ? t(`catalogue:field.${head}`) : field;
}

/** Every revision that touched the measure, newest first: when, who (staff only), why, and which inputs led to it. */
export function RevisionList({ revisions, contentLanguage }: { revisions: HistoryRevision[]; contentLanguage: string }) {
  const { t, i18n } = useTranslation();
  return (
    <ol className="revision-list" reversed>
      {revisions.map((r) => (
        <li key={r.number} className="revision">
          <h3>{t("catalogue:history.revision", { version: r.version, number: r.number })}</h3>
          <p className="muted">
            <time dateTime={r.createdAt}>{formatDateTime(r.createdAt, i18n.language)}</time>
            {r.createdBy && ` · ${t("catalogue:history.by", { name: r.createdBy })}`}
          </p>
          <p>
            {t("catalogue:history.reason")} <span {...inLanguage(contentLanguage)}>{r.reason}</span>
          </p>
          {r.inputs.length > 0 && (
            <>
              <p>{t("catalogue:history.inputs")}</p>
              <ul>
                {r.inputs.map((input) => (
                  <li key={input.decisionId}>
                    {t(`catalogue:history.inputKind.${input.kind}`)}
                    {input.text && (
                      <>
                        {": "}
                        <q {...(input.language ? inLanguage(input.language) : {})}>{input.text}</q>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </li>
      ))}
    </ol>
  );
}

/** A version of the measure and the plan revision it came with. */
export type VersionRef = { number: number; version: number };

type DiffProps = { diff: MeasureDiff | null; versions: VersionRef[]; contentLanguage: string };

/**
 * Two versions chosen with a plain GET form, and what changed between them, field by field. The
 * choice and the table name the versions alike; the form is keyed by the shown pair, so a new
 * page (after a change, or back and forward) shows its own pair, not the one chosen before.
 */
export function DiffView({ diff, versions, contentLanguage }: DiffProps) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const versionOf = (n: number) => versions.find((v) => v.number === n)?.version ?? n;
  const label = (n: number) => t("catalogue:history.revision", { version: versionOf(n), number: n });
  const choice = (name: "from" | "to", selected: number | undefined) => (
    <div className="field">
      <label htmlFor={`diff-${name}`}>{t(`catalogue:history.${name}`)}</label>
      <select id={`diff-${name}`} name={name} defaultValue={selected}>
        {versions.map((v) => (
          <option key={v.number} value={v.number}>
            {label(v.number)}
          </option>
        ))}
      </select>
    </div>
  );
  const value = (field: string, text: string | null) => {
    if (text === null) return <span className="muted">{t("catalogue:history.empty")}</span>;
    // A maturity is a level with a name; the letter alone says nothing to most readers.
    if (field === "maturity" && ["A", "B", "C"].includes(text)) return <span>{t(`catalogue:maturity.${text}`)}</span>;
    // A section, cluster, goal or unit by its title; the key is for files, not for readers.
    const named = diff?.names[`${field}:${text}`];
    if (named) return <span {...inLanguage(contentLanguage)}>{named}</span>;
    return <span {...inLanguage(contentLanguage)}>{text}</span>;
  };
  const pair = diff && { from: versionOf(diff.from), to: versionOf(diff.to) };
  return (
    <>
      <Form method="get" className="inline-form diff-form" key={diff ? `${diff.from}-${diff.to}` : "none"}>
        <input type="hidden" name="lng" value={lng} />
        {choice("from", diff?.from)}
        {choice("to", diff?.to)}
        <button type="submit" className="button button--secondary">
          {t("catalogue:history.compare")}
        </button>
      </Form>
      {diff &&
        pair &&
        (diff.changes.length === 0 ? (
          <p>{t("catalogue:history.noChanges", pair)}</p>
        ) : (
          <DataTable className="diff-table" caption={t("catalogue:history.diffCaption", pair)}>
            <thead>
              <tr>
                <th scope="col">{t("catalogue:history.field")}</th>
                <th scope="col">{label(diff.from)}</th>
                <th scope="col">{label(diff.to)}</th>
              </tr>
            </thead>
            <tbody>
              {diff.changes.map((c) => (
                <tr key={c.field}>
                  <th scope="row">{fieldLabel(t, c.field, lng)}</th>
                  <td className="diff-before">{value(c.field, c.before)}</td>
                  <td className="diff-after">{value(c.field, c.after)}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        ))}
    </>
  );
}

/**
 * The one list of a measure's fields (issue 8): forms, diffs, history, exports and translations
 * derive theirs from here, so a new field is added once. Free of zod and server code: the
 * phone's bundle may import it.
 */
import type { measures } from "../../db/schema";

/**
 * Free-text fields in the order the catalogue shows them; each one a planner may translate. A
 * field missing from the table fails the type check here, not at run time in an insert.
 */
export const measureTextFields = [
  "situation",
  "objective",
  "actions",
  "steps",
  "stakeholders",
  "responsible",
  "dataSources",
] as const satisfies readonly (keyof typeof measures.$inferSelect)[];
export type MeasureTextField = (typeof measureTextFields)[number];

/** Fields that point into the plan's structure by key; a file and a form carry the key. */
export const measureStructureFields = ["sectionKey", "clusterKey", "goalKey", "unitCode"] as const;
export type MeasureStructureField = (typeof measureStructureFields)[number];

/** Everything a measure says besides its code and indicators, in the catalogue file's order. */
export const measureFields = ["title", ...measureStructureFields, "maturity", ...measureTextFields] as const;
export type MeasureField = (typeof measureFields)[number];

/** What a translation may carry: the title, a short summary in plain words, and the text fields. */
export const translatableFields = ["title", "summary", ...measureTextFields] as const;
export type TranslatableField = (typeof translatableFields)[number];

/** Long texts show as paragraphs and diff by line; the rest is one line. */
export function isLongField(field: string): field is MeasureTextField {
  return (measureTextFields as readonly string[]).includes(field);
}

/** One value per field, typed by the field list: a schema's shape, a row's columns. */
export function eachField<K extends string, V>(fields: readonly K[], value: (field: K) => V): Record<K, V> {
  return Object.fromEntries(fields.map((field) => [field, value(field)])) as Record<K, V>;
}

/** The listed fields of a row, so a copy follows the list instead of naming each field again. */
export function pickFields<T, K extends keyof T>(row: T, fields: readonly K[]): Pick<T, K> {
  return eachField(fields as readonly (K & string)[], (field) => row[field]) as Pick<T, K>;
}

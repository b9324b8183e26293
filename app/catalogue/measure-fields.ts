/**
 * The one list of a measure's fields (issue 8): forms, diffs, history, exports and translations
 * derive theirs from here, so a new field is added once. Free of zod and server code: the
 * phone's bundle may import it.
 */

/** Free-text fields in the order the catalogue shows them; each one a planner may translate. */
export const measureTextFields = ["situation", "objective", "actions", "steps", "stakeholders", "responsible", "dataSources"] as const;
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

import type { InputKind } from "./input.server";
import { measureTextFields, type MeasureField } from "../catalogue/measure-fields";

/** What the decide form offers; each maps to one shape of decide()'s `decision`. */
const outcomes = ["acceptNew", "acceptChange", "mergeMeasure", "mergeProposal", "deferred", "declined"] as const;
export type Outcome = (typeof outcomes)[number];

/**
 * A result is about a measure that exists already: it can change it, feed into it, wait or be
 * turned down, but not become a measure of its own or part of a proposal.
 */
export function outcomesFor(kind: InputKind): readonly Outcome[] {
  return kind === "result" ? ["acceptChange", "mergeMeasure", "deferred", "declined"] : outcomes;
}

/** The fields a new measure can be given on the form; the rest is added later in the catalogue. */
export const newMeasureFields = [
  "code",
  "title",
  "clusterKey",
  "sectionKey",
  "unitCode",
  "maturity",
  "objective",
  "situation",
  "actions",
] as const satisfies readonly ("code" | MeasureField)[];

/** The fields the form can change on an existing measure: what it says, not where it sits. */
export const changeFields = ["title", "maturity", ...measureTextFields] as const;

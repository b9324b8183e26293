import { z } from "zod";
import { eachField, measureTextFields } from "./measure-fields";
import { catalogueKey, isoDay, measureCode } from "./catalogue-file";
import { text } from "../text";

/**
 * Inputs of the catalogue commands. They follow the catalogue file's rules (catalogue-file.ts),
 * so that whatever a planner writes can be exported and imported again; an empty form field
 * means "none".
 */
const blank = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);
const orNone = <T extends z.ZodTypeAny>(schema: T) => z.preprocess(blank, schema.nullable());
const longText = text({ min: 1, max: 20_000 });

export const planSlug = text({ min: 1, max: 100 });
export const reason = text({ min: 1, max: 2000 });
export const measureCodeInput = text({ min: 1, max: 40 }).pipe(measureCode);

const indicatorSchema = z.object({
  text: longText,
  targetValue: orNone(text({ max: 200 })),
  dueDate: orNone(isoDay),
});

const measureFieldsSchema = z.object({
  title: text({ min: 1, max: 300 }),
  sectionKey: orNone(catalogueKey),
  clusterKey: orNone(catalogueKey),
  goalKey: orNone(catalogueKey),
  unitCode: orNone(text({ max: 40 })),
  maturity: orNone(z.enum(["A", "B", "C"])),
  ...eachField(measureTextFields, () => orNone(longText)),
  indicators: z.array(indicatorSchema).max(30),
});
export type MeasureFields = z.infer<typeof measureFieldsSchema>;

/** A new measure: a code and a title, every other field optional. */
export const newMeasureSchema = measureFieldsSchema.partial().extend({ code: measureCodeInput, title: measureFieldsSchema.shape.title });
export type NewMeasure = z.infer<typeof newMeasureSchema>;

/** Changed fields of a measure: only what is given changes; its code never does. */
export const measureChangesSchema = measureFieldsSchema
  .partial()
  .refine((changes) => Object.keys(changes).length > 0, { message: "nothing to change" });
export type MeasureChanges = z.infer<typeof measureChangesSchema>;

export const setMaturitySchema = z.object({ planSlug, reason, code: measureCodeInput, maturity: orNone(z.enum(["A", "B", "C"])) });
export const recordIndicatorValueSchema = z.object({
  planSlug,
  reason,
  code: measureCodeInput,
  /** The indicator's number as the catalogue shows it, from 1. */
  indicator: z.coerce.number().int().min(1).max(30),
  recordedOn: isoDay,
  value: text({ min: 1, max: 200 }),
  note: orNone(text({ max: 1000 })).optional(),
});
export type RecordIndicatorValueInput = z.infer<typeof recordIndicatorValueSchema>;
export const measureRefSchema = z.object({ planSlug, code: measureCodeInput });
export const measureDiffSchema = measureRefSchema.extend({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
});

/**
 * Euros as a German reader types them ("250.000", "1250,50", "250000"), in cents; blank for none.
 * A point groups thousands and a comma starts the cents, as in the city's documents.
 */
export const euroCents = z.preprocess(
  blank,
  z
    .string()
    .trim()
    .regex(/^(\d{1,3}(\.\d{3})+|\d{1,13})(,\d{1,2})?$/)
    .transform((euros) => {
      const [whole, cents = ""] = euros.replaceAll(".", "").split(",");
      return Number(whole) * 100 + Number(cents.padEnd(2, "0"));
    })
    .nullable(),
);

export const reviseClusterSchema = z.object({
  planSlug,
  reason,
  key: catalogueKey,
  maturity: orNone(z.enum(["A", "B", "C"])),
  budget: euroCents,
});

import { z } from "zod";
import { text as checkedText } from "../text";
import { eachField, measureTextFields } from "./measure-fields";

/** The catalogue exchange format (db/demo/FORMAT.md): demo data, import and export. */
// As long as the planners' forms allow (revision-schemas.ts), so an imported catalogue stays editable.
const text = checkedText({ min: 1, max: 20_000 });
const optionalText = text.nullable();
export const catalogueKey = z.string().regex(/^[a-z0-9][a-z0-9-]*$/);
const key = catalogueKey;
const maturity = z.enum(["A", "B", "C"]).nullable();
export const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const isoDate = isoDay.nullable();
/** Letters, digits, dots and hyphens: `540-2`, `Jobcenter-1`, `IK-1.1`. */
export const measureCode = z.string().regex(/^[\p{L}\p{N}][\p{L}\p{N}.-]*$/u);

export const catalogueFileSchema = z
  .object({
    slug: key,
    title: text,
    description: optionalText,
    publisher: optionalText,
    publishedOn: isoDate,
    source: optionalText,
    units: z.array(z.object({ code: text, name: text })),
    sections: z.array(z.object({ key, title: text, parentKey: key.nullable() })),
    clusters: z.array(
      z.object({
        key,
        title: text,
        description: optionalText,
        budgetCents: z.number().int().nonnegative().nullable(),
        maturity,
      }),
    ),
    goals: z.array(
      z.object({
        key,
        number: z.number().int().positive().nullable(),
        title: text,
        description: optionalText,
        clusterKey: key.nullable(),
      }),
    ),
    measures: z.array(
      z.object({
        code: measureCode,
        title: text,
        sectionKey: key.nullable(),
        clusterKey: key.nullable(),
        goalKey: key.nullable(),
        unitCode: optionalText,
        maturity,
        ...eachField(measureTextFields, () => optionalText),
        indicators: z.array(
          z.object({ text, targetValue: optionalText, dueDate: isoDate }),
        ),
      }),
    ),
  })
  .superRefine((file, ctx) => {
    const unique = (values: string[], path: string) => {
      const seen = new Set<string>();
      for (const value of values) {
        if (seen.has(value)) ctx.addIssue({ code: "custom", path: [path], message: `duplicate ${value}` });
        seen.add(value);
      }
      return seen;
    };
    const sections = unique(file.sections.map((s) => s.key), "sections");
    const clusters = unique(file.clusters.map((c) => c.key), "clusters");
    const goals = unique(file.goals.map((g) => g.key), "goals");
    const units = unique(file.units.map((u) => u.code), "units");
    unique(file.measures.map((m) => m.code.toLowerCase()), "measures");
    const expect = (known: Set<string>, value: string | null, path: (string | number)[]) => {
      if (value !== null && !known.has(value)) {
        ctx.addIssue({ code: "custom", path, message: `unknown reference ${value}` });
      }
    };
    file.sections.forEach((s, i) => expect(sections, s.parentKey, ["sections", i, "parentKey"]));
    file.goals.forEach((g, i) => expect(clusters, g.clusterKey, ["goals", i, "clusterKey"]));
    file.measures.forEach((m, i) => {
      expect(sections, m.sectionKey, ["measures", i, "sectionKey"]);
      expect(clusters, m.clusterKey, ["measures", i, "clusterKey"]);
      expect(goals, m.goalKey, ["measures", i, "goalKey"]);
      expect(units, m.unitCode, ["measures", i, "unitCode"]);
    });
  });

export type CatalogueFile = z.infer<typeof catalogueFileSchema>;
export type CatalogueFileMeasure = CatalogueFile["measures"][number];

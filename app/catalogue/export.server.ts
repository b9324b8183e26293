import { asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Db } from "../../db/client";
import { clusters, goals, plans, sections, units } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/permissions";
import { csvFormatOf, toCsv } from "../csv";
import { DomainError, parseInput } from "../errors";
import type { CatalogueFile } from "./catalogue-file";
import type { ExportFile } from "../files.server";
import { measureFields, measureTextFields } from "./measure-fields";
import { measuresAsFile } from "./measure-file.server";
import { planTranslations } from "./translations.server";
import { text } from "../text";
import { fallbackLanguage, languages } from "../i18n/config";
import { i18nServer } from "../i18n/i18n.server";

type Reader = Pick<Db, "select">;

const exportInput = z.object({
  planSlug: text({ min: 1, max: 100 }),
  format: z.enum(["json", "csv"]),
  /** The reader's language: the CSV's headings, maturity names, separator and decimal mark. */
  language: z.enum(languages).default(fallbackLanguage),
  /** `translations`: the measures' translations instead of the catalogue (JSON only). */
  dataset: z.enum(["catalogue", "translations"]).default("catalogue"),
});

/**
 * The whole catalogue of a plan as it stands now, in exactly the format importPlan reads
 * (db/demo/FORMAT.md): exported, imported into an empty database and exported again, it comes
 * out the same. Units are those the plan's measures name, in the order they first appear.
 */
export async function catalogueFile(db: Reader, slug: string): Promise<CatalogueFile> {
  const [plan] = await db.select().from(plans).where(eq(plans.slug, slug));
  if (!plan) throw new DomainError("not_found", "common:error.notFoundText");
  const parent = alias(sections, "parent");
  const [sectionRows, clusterRows, goalRows, measureRows, unitRows] = await Promise.all([
    db
      .select({ key: sections.key, title: sections.title, parentKey: parent.key })
      .from(sections)
      .leftJoin(parent, eq(parent.id, sections.parentId))
      .where(eq(sections.planId, plan.id))
      .orderBy(asc(sections.position)),
    db
      .select({ key: clusters.key, title: clusters.title, description: clusters.description, budgetCents: clusters.budgetCents, maturity: clusters.maturity })
      .from(clusters)
      .where(eq(clusters.planId, plan.id))
      .orderBy(asc(clusters.position)),
    db
      .select({ key: goals.key, number: goals.number, title: goals.title, description: goals.description, clusterKey: clusters.key })
      .from(goals)
      .leftJoin(clusters, eq(clusters.id, goals.clusterId))
      .where(eq(goals.planId, plan.id))
      .orderBy(asc(goals.position)),
    measuresAsFile(db, plan.id),
    db.select({ code: units.code, name: units.name }).from(units),
  ]);
  const unitNames = new Map(unitRows.map((u) => [u.code, u.name]));
  const usedUnits = [...new Set(measureRows.flatMap((m) => (m.unitCode ? [m.unitCode] : [])))];
  return {
    slug: plan.slug,
    title: plan.title,
    description: plan.description,
    publisher: plan.publisher,
    publishedOn: plan.publishedOn,
    source: plan.source,
    units: usedUnits.map((code) => ({ code, name: unitNames.get(code)! })),
    sections: sectionRows,
    clusters: clusterRows,
    goals: goalRows,
    measures: measureRows.map(({ id: _id, ...measure }) => measure),
  };
}

/**
 * The catalogue for download: JSON (the import format) or CSV, one row per measure; or, as JSON,
 * the measures' translations, each with its language, state, base revision and whether the German
 * changed since (decision 041).
 */
export async function exportCatalogue(db: Reader, actor: Actor, input: unknown): Promise<ExportFile> {
  authorize(actor, "catalogue.read");
  const { planSlug, format, language, dataset } = parseInput(exportInput, input);
  if (dataset === "translations") {
    const [plan] = await db.select({ id: plans.id, language: plans.language }).from(plans).where(eq(plans.slug, planSlug));
    if (!plan) throw new DomainError("not_found", "common:error.notFoundText");
    const body = { plan: planSlug, original: plan.language, translations: await planTranslations(db, plan.id) };
    return { filename: `${planSlug}-translations.json`, contentType: "application/json; charset=utf-8", body: `${JSON.stringify(body, null, 2)}\n` };
  }
  const file = await catalogueFile(db, planSlug);
  if (format === "json") {
    return { filename: `${file.slug}.json`, contentType: "application/json; charset=utf-8", body: `${JSON.stringify(file, null, 2)}\n` };
  }
  return { filename: `${file.slug}.csv`, contentType: "text/csv; charset=utf-8", body: catalogueCsv(file, language) };
}

/**
 * Titles instead of keys and headings in the reader's language, for reading in a spreadsheet; the
 * indicators, their target values and due dates as three cells with one line per indicator, so
 * the lines match up.
 */
export function catalogueCsv(file: CatalogueFile, language: string = fallbackLanguage): string {
  const t = i18nServer.getFixedT(language, "catalogue");
  const title = <T extends { key: string; title: string }>(list: T[], key: string | null) => list.find((x) => x.key === key)?.title ?? null;
  const sectionPath = (key: string | null): string | null => {
    const section = file.sections.find((s) => s.key === key);
    if (!section) return null;
    const parent = sectionPath(section.parentKey);
    return parent ? `${parent} › ${section.title}` : section.title;
  };
  const lines = (values: (string | null)[]) => values.map((v) => v ?? "").join("\n");
  const fields = ["code", ...measureFields];
  return toCsv(
    [...fields.map((f) => t(`catalogue:field.${f}`)), t("catalogue:export.indicators"), t("catalogue:export.targetValues"), t("catalogue:export.dueDates")],
    file.measures.map((m) => [
      m.code,
      m.title,
      sectionPath(m.sectionKey),
      title(file.clusters, m.clusterKey),
      title(file.goals, m.goalKey),
      m.unitCode ? `${m.unitCode} ${file.units.find((u) => u.code === m.unitCode)?.name ?? ""}`.trim() : null,
      m.maturity && t(`catalogue:maturity.${m.maturity}`),
      ...measureTextFields.map((field) => m[field]),
      lines(m.indicators.map((i) => i.text)),
      lines(m.indicators.map((i) => i.targetValue)),
      lines(m.indicators.map((i) => i.dueDate)),
    ]),
    csvFormatOf(language),
  );
}

import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import {
  clusters,
  goals,
  indicators,
  measures,
  measureVersions,
  planRevisions,
  plans,
  sections,
  units,
} from "../../db/schema";
import { text } from "../text";
import { measureTextFields, type MeasureTextField, type TranslatableField } from "./measure-fields";
import { contentNote, shownField, translationFor, type ContentNote, type TranslatedTexts } from "./translated";
import { forReaders, loadTranslations } from "./translations.server";

export type PlanSummary = {
  slug: string;
  title: string;
  description: string | null;
  /** The language the plan's own texts (title, description, measures) are written in. */
  language: string;
  publisher: string | null;
  publishedOn: string | null;
  measureCount: number;
  clusterCount: number;
};

export async function listPlans(db: Db): Promise<PlanSummary[]> {
  const measureCounts = db
    .select({ planId: measures.planId, n: count().as("measure_count") })
    .from(measures)
    .groupBy(measures.planId)
    .as("mc");
  const clusterCounts = db
    .select({ planId: clusters.planId, n: count().as("cluster_count") })
    .from(clusters)
    .groupBy(clusters.planId)
    .as("cc");
  const rows = await db
    .select({
      slug: plans.slug,
      title: plans.title,
      description: plans.description,
      language: plans.language,
      publisher: plans.publisher,
      publishedOn: plans.publishedOn,
      measureCount: measureCounts.n,
      clusterCount: clusterCounts.n,
    })
    .from(plans)
    .leftJoin(measureCounts, eq(measureCounts.planId, plans.id))
    .leftJoin(clusterCounts, eq(clusterCounts.planId, plans.id))
    .orderBy(asc(plans.createdAt), asc(plans.title));
  return rows.map((r) => ({
    ...r,
    measureCount: Number(r.measureCount ?? 0),
    clusterCount: Number(r.clusterCount ?? 0),
  }));
}

const catalogueFilterSchema = z.object({
  cluster: text({ max: 100 }).optional().catch(undefined),
  unit: text({ max: 100 }).optional().catch(undefined),
  maturity: z.enum(["A", "B", "C"]).optional().catch(undefined),
  q: text({ max: 200 }).optional().catch(undefined),
});
export type CatalogueFilter = z.infer<typeof catalogueFilterSchema>;

/** Reads the filter from a URL's search params; an unknown value is dropped, never an error. */
export function parseCatalogueFilter(params: URLSearchParams): CatalogueFilter {
  const raw = Object.fromEntries(
    ["cluster", "unit", "maturity", "q"].flatMap((k) => {
      const v = params.get(k);
      return v ? [[k, v]] : [];
    }),
  );
  return catalogueFilterSchema.parse(raw);
}

export type CatalogueMeasure = {
  code: string;
  /** In the reader's language where a translation gives it (`titleLanguage`), else the original. */
  title: string;
  titleLanguage: string;
  summary: string | null;
  note: ContentNote;
  maturity: "A" | "B" | "C" | null;
  sectionKey: string | null;
  clusterKey: string | null;
  goalKey: string | null;
  unit: { code: string; name: string } | null;
};

export type Catalogue = {
  plan: {
    slug: string;
    title: string;
    description: string | null;
    publisher: string | null;
    publishedOn: string | null;
    language: string;
    revision: { number: number; createdAt: Date } | null;
  };
  sections: { key: string; title: string; parentKey: string | null }[];
  clusters: {
    key: string;
    title: string;
    description: string | null;
    budgetCents: number | null;
    maturity: "A" | "B" | "C" | null;
  }[];
  goals: { key: string; number: number | null; title: string; clusterKey: string | null }[];
  units: { code: string; name: string }[];
  measures: CatalogueMeasure[];
  measureTotal: number;
};

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function searchCondition(q: string): SQL | undefined {
  const words = q.split(/\s+/).filter(Boolean).slice(0, 8);
  const conditions = words.map((word) => {
    const pattern = `%${escapeLike(word)}%`;
    return or(
      ilike(measures.code, pattern),
      ilike(measures.title, pattern),
      ilike(measures.objective, pattern),
      ilike(measures.situation, pattern),
      ilike(measures.actions, pattern),
    )!;
  });
  return conditions.length > 0 ? and(...conditions) : undefined;
}

export async function getCatalogue(
  db: Db,
  slug: string,
  filter: CatalogueFilter = {},
  reader?: string,
): Promise<Catalogue | null> {
  const [plan] = await db.select().from(plans).where(eq(plans.slug, slug));
  if (!plan) return null;

  const [revision] = await db
    .select({ number: planRevisions.number, createdAt: planRevisions.createdAt })
    .from(planRevisions)
    .where(eq(planRevisions.planId, plan.id))
    .orderBy(desc(planRevisions.number))
    .limit(1);

  const sectionParent = db
    .select({ id: sections.id, key: sections.key })
    .from(sections)
    .as("parent_section");
  const [sectionRows, clusterRows, goalRows, allMeasures] = await Promise.all([
    db
      .select({ key: sections.key, title: sections.title, parentKey: sectionParent.key })
      .from(sections)
      .leftJoin(sectionParent, eq(sectionParent.id, sections.parentId))
      .where(eq(sections.planId, plan.id))
      .orderBy(asc(sections.position)),
    db
      .select({
        key: clusters.key,
        title: clusters.title,
        description: clusters.description,
        budgetCents: clusters.budgetCents,
        maturity: clusters.maturity,
      })
      .from(clusters)
      .where(eq(clusters.planId, plan.id))
      .orderBy(asc(clusters.position)),
    db
      .select({ key: goals.key, number: goals.number, title: goals.title, clusterKey: clusters.key })
      .from(goals)
      .leftJoin(clusters, eq(clusters.id, goals.clusterId))
      .where(eq(goals.planId, plan.id))
      .orderBy(asc(goals.position)),
    db
      .select({
        id: measures.id,
        code: measures.code,
        title: measures.title,
        maturity: measures.maturity,
        sectionKey: sections.key,
        clusterKey: clusters.key,
        goalKey: goals.key,
        unitCode: units.code,
        unitName: units.name,
        position: measures.position,
        matches: filter.q ? sql<boolean>`${searchCondition(filter.q)}` : sql<boolean>`true`,
      })
      .from(measures)
      .leftJoin(sections, eq(sections.id, measures.sectionId))
      .leftJoin(clusters, eq(clusters.id, measures.clusterId))
      .leftJoin(goals, eq(goals.id, measures.goalId))
      .leftJoin(units, eq(units.id, measures.unitId))
      .where(eq(measures.planId, plan.id))
      .orderBy(asc(measures.position)),
  ]);

  const unitsInPlan = new Map<string, string>();
  for (const m of allMeasures) if (m.unitCode && m.unitName) unitsInPlan.set(m.unitCode, m.unitName);

  const selected = allMeasures.filter(
    (m) =>
      m.matches &&
      (!filter.cluster || m.clusterKey === filter.cluster) &&
      (!filter.unit || m.unitCode === filter.unit) &&
      (!filter.maturity || m.maturity === filter.maturity),
  );

  const translations =
    reader && reader !== plan.language ? await loadTranslations(db, selected.map((m) => m.id), [reader]) : new Map();
  const inReaders = (m: (typeof selected)[number]) => {
    const translation = translationFor(forReaders(translations.get(m.id)), reader ?? plan.language, plan.language);
    const title = shownField("title", m, plan.language, translation);
    return {
      title: title.text!,
      titleLanguage: title.language,
      summary: shownField("summary", m, plan.language, translation).text,
      note: contentNote(reader ?? plan.language, plan.language, translation),
    };
  };

  return {
    plan: {
      slug: plan.slug,
      title: plan.title,
      description: plan.description,
      publisher: plan.publisher,
      publishedOn: plan.publishedOn,
      language: plan.language,
      revision: revision ?? null,
    },
    sections: sectionRows,
    clusters: clusterRows,
    goals: goalRows,
    units: [...unitsInPlan].map(([code, name]) => ({ code, name })),
    measures: selected.map((m) => ({
      code: m.code,
      ...inReaders(m),
      maturity: m.maturity,
      sectionKey: m.sectionKey,
      clusterKey: m.clusterKey,
      goalKey: m.goalKey,
      unit: m.unitCode && m.unitName ? { code: m.unitCode, name: m.unitName } : null,
    })),
    measureTotal: allMeasures.length,
  };
}

export type MeasureDetail = {
  plan: { slug: string; title: string; language: string };
  code: string;
  title: string;
  maturity: "A" | "B" | "C" | null;
  sectionPath: string[];
  cluster: { key: string; title: string } | null;
  goal: { key: string; number: number | null; title: string } | null;
  unit: { code: string; name: string } | null;
  situation: string | null;
  objective: string | null;
  actions: string | null;
  steps: string | null;
  stakeholders: string | null;
  responsible: string | null;
  dataSources: string | null;
  indicators: { text: string; targetValue: string | null; dueDate: string | null }[];
  /** The plan revision the measure last changed in, and which version of the measure that made. */
  revision: { number: number; createdAt: Date; version: number };
  /** The language the title is in: a translation's, or the plan's own. */
  contentLanguage: string;
  /** The translation's short summary in plain words; none without a translation. */
  summary: string | null;
  /** Each shown field's language: a translation may give some fields and not others. */
  fieldLanguages: Record<TranslatableField, string>;
  note: ContentNote;
  /** The translation shown (its state: a draft is marked as such), null for the original. */
  translation: Pick<TranslatedTexts, "state" | "outdated"> | null;
};

export async function getMeasure(
  db: Db,
  slug: string,
  code: string,
  language: string,
): Promise<MeasureDetail | null> {
  const [row] = await db
    .select({
      measure: measures,
      plan: { slug: plans.slug, title: plans.title, language: plans.language },
      cluster: { key: clusters.key, title: clusters.title },
      goal: { key: goals.key, number: goals.number, title: goals.title },
      unit: { code: units.code, name: units.name },
      revision: { number: planRevisions.number, createdAt: planRevisions.createdAt },
    })
    .from(measures)
    .innerJoin(plans, eq(plans.id, measures.planId))
    .innerJoin(planRevisions, eq(planRevisions.id, measures.revisionId))
    .leftJoin(clusters, eq(clusters.id, measures.clusterId))
    .leftJoin(goals, eq(goals.id, measures.goalId))
    .leftJoin(units, eq(units.id, measures.unitId))
    .where(and(eq(plans.slug, slug), sql`lower(${measures.code}) = lower(${code})`));
  if (!row) return null;
  const m = row.measure;

  const translation =
    language === row.plan.language ? null : translationFor(forReaders((await loadTranslations(db, [m.id], [language])).get(m.id)), language, row.plan.language);
  const shown = Object.fromEntries(
    (["title", "summary", ...measureTextFields] as TranslatableField[]).map((f) => [f, shownField(f, m, row.plan.language, translation)]),
  ) as Record<TranslatableField, { text: string | null; language: string }>;
  const texts = Object.fromEntries(measureTextFields.map((f) => [f, shown[f].text])) as Record<MeasureTextField, string | null>;

  const [indicatorRows, sectionPath, [versions]] = await Promise.all([
    db
      .select({ text: indicators.text, targetValue: indicators.targetValue, dueDate: indicators.dueDate })
      .from(indicators)
      .where(eq(indicators.measureId, m.id))
      .orderBy(asc(indicators.position)),
    m.sectionId ? loadSectionPath(db, m.sectionId) : Promise.resolve([]),
    db.select({ n: count() }).from(measureVersions).where(eq(measureVersions.measureId, m.id)),
  ]);

  return {
    plan: row.plan,
    code: m.code,
    title: shown.title.text!,
    maturity: m.maturity,
    sectionPath,
    cluster: row.cluster?.key ? row.cluster : null,
    goal: row.goal?.key ? row.goal : null,
    unit: row.unit?.code ? row.unit : null,
    ...texts,
    indicators: indicatorRows,
    revision: { ...row.revision, version: versions?.n ?? 1 },
    contentLanguage: shown.title.language,
    summary: shown.summary.text,
    fieldLanguages: Object.fromEntries(Object.entries(shown).map(([f, v]) => [f, v.language])) as Record<TranslatableField, string>,
    note: contentNote(language, row.plan.language, translation),
    translation: translation && { state: translation.state, outdated: translation.outdated },
  };
}

async function loadSectionPath(db: Db, sectionId: string): Promise<string[]> {
  const path: string[] = [];
  let id: string | null = sectionId;
  // Sections nest two or three levels deep; the loop ends at the root.
  while (id) {
    const [section]: { title: string; parentId: string | null }[] = await db
      .select({ title: sections.title, parentId: sections.parentId })
      .from(sections)
      .where(eq(sections.id, id));
    if (!section) break;
    path.unshift(section.title);
    id = section.parentId;
  }
  return path;
}

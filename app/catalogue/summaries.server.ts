import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { clusters, measures, planRevisions, plans, sections, units, type Maturity } from "../../db/schema";
import type { TranslatedTexts } from "./translated";
import { forReaders, loadTranslations } from "./translations.server";

/** The key facts of a measure that other rooms show (agenda items, results, proposals). */
export type MeasureSummary = {
  id: string;
  code: string;
  title: string;
  objective: string | null;
  unitName: string | null;
  clusterTitle: string | null;
  /** Reifegrad A, B or C as the catalogue rates it, for the projector (issue 12). */
  maturity: Maturity;
  planSlug: string;
  language: string;
  /** Title, summary and objective in each language they were translated into (decision 041). */
  translations: TranslatedTexts[];
};

type Reader = Pick<Db, "select">;

export async function measureSummaries(db: Reader, ids: string[]): Promise<Map<string, MeasureSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: measures.id,
      code: measures.code,
      title: measures.title,
      objective: measures.objective,
      unitName: units.name,
      clusterTitle: clusters.title,
      maturity: measures.maturity,
      planSlug: plans.slug,
      language: plans.language,
    })
    .from(measures)
    .innerJoin(plans, eq(plans.id, measures.planId))
    .leftJoin(units, eq(units.id, measures.unitId))
    .leftJoin(clusters, eq(clusters.id, measures.clusterId))
    .where(inArray(measures.id, ids));
  const translations = await loadTranslations(db, rows.map((r) => r.id));
  // A screen shows title, summary and objective: the other fields stay out of every event.
  const short = (t: TranslatedTexts): TranslatedTexts => ({ ...t, fields: { title: t.fields.title, summary: t.fields.summary, objective: t.fields.objective } });
  return new Map(rows.map((r) => [r.id, { ...r, translations: forReaders(translations.get(r.id)).map(short) }]));
}

/**
 * A measure's translated titles alone, for lists that name measures (a ranking's options): up to
 * 30 measures in nine languages ride in every agenda event, so their summaries stay out.
 */
export function titlesOnly(translations: readonly TranslatedTexts[]): TranslatedTexts[] {
  return translations.map((t) => ({ ...t, fields: { title: t.fields.title } }));
}

/** A focus theme and its measures, each with its translated titles (titlesOnly). */
export type ClusterSummary = {
  id: string;
  key: string;
  title: string;
  /** The budget and Reifegrad the plan gives the focus theme (decision 050), for the projector. */
  budgetCents: number | null;
  maturity: Maturity;
  measures: { code: string; title: string; translations: TranslatedTexts[] }[];
};

export async function clusterSummaries(db: Reader, ids: string[]): Promise<Map<string, ClusterSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: clusters.id,
      key: clusters.key,
      title: clusters.title,
      budgetCents: clusters.budgetCents,
      maturity: clusters.maturity,
      measureId: measures.id,
      code: measures.code,
      measureTitle: measures.title,
    })
    .from(clusters)
    .leftJoin(measures, eq(measures.clusterId, clusters.id))
    .where(inArray(clusters.id, ids))
    .orderBy(asc(clusters.position), asc(measures.position));
  const translations = await loadTranslations(db, rows.flatMap((r) => (r.measureId ? [r.measureId] : [])));
  const result = new Map<string, ClusterSummary>();
  for (const r of rows) {
    const summary = result.get(r.id) ?? { id: r.id, key: r.key, title: r.title, budgetCents: r.budgetCents, maturity: r.maturity, measures: [] };
    if (r.measureId && r.code && r.measureTitle) {
      summary.measures.push({ code: r.code, title: r.measureTitle, translations: titlesOnly(forReaders(translations.get(r.measureId))) });
    }
    result.set(r.id, summary);
  }
  return result;
}

/** Resolves codes and cluster keys of one plan to ids, for building an agenda. */
export async function resolveCatalogueRefs(
  db: Reader,
  planId: string,
  refs: { measureCodes: string[]; clusterKeys: string[] },
): Promise<{ measures: Map<string, string>; clusters: Map<string, string> }> {
  const measureRows = refs.measureCodes.length
    ? await db
        .select({ id: measures.id, code: measures.code })
        .from(measures)
        .where(
          and(
            eq(measures.planId, planId),
            or(...refs.measureCodes.map((c) => sql`lower(${measures.code}) = lower(${c})`)),
          ),
        )
    : [];
  const clusterRows = refs.clusterKeys.length
    ? await db
        .select({ id: clusters.id, key: clusters.key })
        .from(clusters)
        .where(and(eq(clusters.planId, planId), inArray(clusters.key, refs.clusterKeys)))
    : [];
  return {
    measures: new Map(measureRows.map((m) => [m.code.toLowerCase(), m.id])),
    clusters: new Map(clusterRows.map((c) => [c.key, c.id])),
  };
}

export async function planIdOf(db: Reader, slug: string): Promise<string | null> {
  const [row] = await db.select({ id: plans.id }).from(plans).where(eq(plans.slug, slug));
  return row?.id ?? null;
}

export type PlanRef = { id: string; slug: string; title: string; language: string };

/** The plans other rooms name (a conference's, a decision's), by id. */
export async function planRefs(db: Reader, ids: string[]): Promise<Map<string, PlanRef>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: plans.id, slug: plans.slug, title: plans.title, language: plans.language })
    .from(plans)
    .where(inArray(plans.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Where in the catalogue an input arose: a section and a focus theme (null where there is none). */
export type CataloguePlace = { sectionKey: string | null; clusterKey: string | null };

/** A measure gives its section and focus theme; a focus theme given on its own (a theme's agenda item) wins. */
export async function cataloguePlace(db: Reader, ref: { measureId: string | null; clusterId: string | null }): Promise<CataloguePlace> {
  if (!ref.measureId && !ref.clusterId) return { sectionKey: null, clusterKey: null };
  const [measure] = ref.measureId
    ? await db
        .select({ sectionKey: sections.key, clusterId: measures.clusterId })
        .from(measures)
        .leftJoin(sections, eq(sections.id, measures.sectionId))
        .where(eq(measures.id, ref.measureId))
    : [];
  const clusterId = ref.clusterId ?? measure?.clusterId ?? null;
  const [cluster] = clusterId ? await db.select({ key: clusters.key }).from(clusters).where(eq(clusters.id, clusterId)) : [];
  return { sectionKey: measure?.sectionKey ?? null, clusterKey: cluster?.key ?? null };
}

/** Each measure's title by its code, for naming the measures of a plan in exports. */
export async function measureTitles(db: Reader, planId: string): Promise<Map<string, string>> {
  const rows = await db.select({ code: measures.code, title: measures.title }).from(measures).where(eq(measures.planId, planId));
  return new Map(rows.map((m) => [m.code, m.title]));
}

/** The number of each plan revision, by id: how decisions and the history name the revision a change landed in. */
export async function revisionNumbers(db: Reader, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: planRevisions.id, number: planRevisions.number }).from(planRevisions).where(inArray(planRevisions.id, ids));
  return new Map(rows.map((r) => [r.id, r.number]));
}

/** Each measure's focus theme (cluster) id, null where it has none. */
export async function measureClusterIds(db: Reader, ids: string[]): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: measures.id, clusterId: measures.clusterId }).from(measures).where(inArray(measures.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.clusterId]));
}

/** The codes of the measures a ranking offers: its own list of measures, else its focus theme's. */
export async function rankingCodes(db: Reader, of: { measureIds: string[] | null; clusterId: string | null }): Promise<string[]> {
  const rows = await db
    .select({ code: measures.code })
    .from(measures)
    .where(of.measureIds ? inArray(measures.id, of.measureIds) : eq(measures.clusterId, of.clusterId!));
  return rows.map((row) => row.code);
}

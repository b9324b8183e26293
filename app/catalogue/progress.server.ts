import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { clusters, indicators, indicatorValues, measures, plans, units } from "../../db/schema";
import { text } from "../text";
import { judgeIndicator, type IndicatorStatus, type Judgement } from "./indicator-status";

/**
 * Indicators with their recorded values and how they stand (docs/decisions/043): for the
 * measure page's charts, the plan-wide progress overview and the implementation report.
 */
type Reader = Pick<Db, "select">;

export type IndicatorValueView = { id: string; recordedOn: string; value: string; note: string | null };

export type IndicatorProgress = {
  id: string;
  /** As the catalogue numbers them, from 1. */
  number: number;
  text: string;
  targetValue: string | null;
  dueDate: string | null;
  /** Oldest first. */
  values: IndicatorValueView[];
  judgement: Judgement;
};

/** The indicators of these measures with their values up to `until` (a day, inclusive), judged on `today`. */
async function progressOf(db: Reader, measureIds: string[], today: string, until?: string): Promise<Map<string, IndicatorProgress[]>> {
  const byMeasure = new Map<string, IndicatorProgress[]>();
  if (measureIds.length === 0) return byMeasure;
  const rows = await db
    .select()
    .from(indicators)
    .where(inArray(indicators.measureId, measureIds))
    .orderBy(asc(indicators.measureId), asc(indicators.position));
  const values =
    rows.length === 0
      ? []
      : await db
          .select()
          .from(indicatorValues)
          .where(and(inArray(indicatorValues.indicatorId, rows.map((r) => r.id)), until ? lte(indicatorValues.recordedOn, until) : undefined))
          .orderBy(asc(indicatorValues.recordedOn), asc(indicatorValues.createdAt));
  for (const row of rows) {
    const own = values
      .filter((v) => v.indicatorId === row.id)
      .map((v) => ({ id: v.id, recordedOn: v.recordedOn, value: v.value, note: v.note }));
    const progress: IndicatorProgress = {
      id: row.id,
      number: row.position + 1,
      text: row.text,
      targetValue: row.targetValue,
      dueDate: row.dueDate,
      values: own,
      judgement: judgeIndicator(row, own, today),
    };
    const list = byMeasure.get(row.measureId);
    if (list) list.push(progress);
    else byMeasure.set(row.measureId, [progress]);
  }
  return byMeasure;
}

/** A measure's indicators with their values, for its page; null for an unknown plan or code. */
export async function measureProgress(db: Reader, planSlug: string, code: string, today: string): Promise<IndicatorProgress[] | null> {
  const [row] = await db
    .select({ id: measures.id })
    .from(measures)
    .innerJoin(plans, eq(plans.id, measures.planId))
    .where(and(eq(plans.slug, planSlug), sql`lower(${measures.code}) = lower(${code})`));
  if (!row) return null;
  return (await progressOf(db, [row.id], today)).get(row.id) ?? [];
}

const progressFilterSchema = z.object({
  cluster: text({ max: 100 }).optional().catch(undefined),
  unit: text({ max: 100 }).optional().catch(undefined),
  q: text({ max: 200 }).optional().catch(undefined),
});
export type ProgressFilter = z.infer<typeof progressFilterSchema>;

/** The overview's filter from a URL; an unknown value is dropped, never an error. */
export function parseProgressFilter(params: URLSearchParams): ProgressFilter {
  const raw = Object.fromEntries(["cluster", "unit", "q"].flatMap((k) => (params.get(k) ? [[k, params.get(k)]] : [])));
  return progressFilterSchema.parse(raw);
}

export type MeasureProgressRow = {
  code: string;
  title: string;
  cluster: { key: string; title: string } | null;
  unit: { code: string; name: string } | null;
  indicators: IndicatorProgress[];
};

export type PlanProgress = {
  plan: { slug: string; title: string; language: string };
  clusters: { key: string; title: string }[];
  units: { code: string; name: string }[];
  /** Measures with at least one indicator that the filter selects, in catalogue order. */
  measures: MeasureProgressRow[];
  counts: Record<IndicatorStatus, number>;
  /** Indicators in the whole plan, whatever the filter. */
  indicatorTotal: number;
};

type PlanRow = typeof plans.$inferSelect;

/** The plan's measures that have indicators, with cluster and unit, in catalogue order. */
async function measuresWithIndicators(db: Reader, plan: PlanRow, today: string, until?: string): Promise<MeasureProgressRow[]> {
  const rows = await db
    .select({
      id: measures.id,
      code: measures.code,
      title: measures.title,
      clusterKey: clusters.key,
      clusterTitle: clusters.title,
      unitCode: units.code,
      unitName: units.name,
    })
    .from(measures)
    .leftJoin(clusters, eq(clusters.id, measures.clusterId))
    .leftJoin(units, eq(units.id, measures.unitId))
    .where(eq(measures.planId, plan.id))
    .orderBy(asc(measures.position));
  const progress = await progressOf(db, rows.map((r) => r.id), today, until);
  return rows.flatMap((r) => {
    const list = progress.get(r.id);
    if (!list) return [];
    return [
      {
        code: r.code,
        title: r.title,
        cluster: r.clusterKey && r.clusterTitle ? { key: r.clusterKey, title: r.clusterTitle } : null,
        unit: r.unitCode && r.unitName ? { code: r.unitCode, name: r.unitName } : null,
        indicators: list,
      },
    ];
  });
}

export async function findPlan(db: Reader, slug: string): Promise<PlanRow | null> {
  const [plan] = await db.select().from(plans).where(eq(plans.slug, slug));
  return plan ?? null;
}

/** Every indicator of a plan and how it stands on `today`, filtered by cluster, unit and words of the measure's code or title. */
export async function planProgress(db: Reader, slug: string, filter: ProgressFilter, today: string): Promise<PlanProgress | null> {
  const plan = await findPlan(db, slug);
  if (!plan) return null;
  const [all, clusterRows] = await Promise.all([
    measuresWithIndicators(db, plan, today),
    db.select({ key: clusters.key, title: clusters.title }).from(clusters).where(eq(clusters.planId, plan.id)).orderBy(asc(clusters.position)),
  ]);
  const words = (filter.q ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  const selected = all.filter(
    (m) =>
      (!filter.cluster || m.cluster?.key === filter.cluster) &&
      (!filter.unit || m.unit?.code === filter.unit) &&
      words.every((word) => `${m.code} ${m.title}`.toLowerCase().includes(word)),
  );
  const counts: Record<IndicatorStatus, number> = { onTrack: 0, behind: 0, noData: 0, notJudged: 0 };
  for (const m of selected) for (const i of m.indicators) counts[i.judgement.status] += 1;
  const unitsInPlan = new Map(all.flatMap((m) => (m.unit ? [[m.unit.code, m.unit.name] as const] : [])));
  const clustersUsed = new Set(all.flatMap((m) => (m.cluster ? [m.cluster.key] : [])));
  return {
    plan: { slug: plan.slug, title: plan.title, language: plan.language },
    clusters: clusterRows.filter((c) => clustersUsed.has(c.key)),
    units: [...unitsInPlan].map(([code, name]) => ({ code, name })),
    measures: selected,
    counts,
    indicatorTotal: all.reduce((n, m) => n + m.indicators.length, 0),
  };
}

/** The plan's indicators with the values recorded up to `until`, judged as they stood on that day (the report's period end). */
export async function indicatorsAsOf(db: Reader, plan: PlanRow, until: string): Promise<MeasureProgressRow[]> {
  return measuresWithIndicators(db, plan, until, until);
}

import { and, asc, eq, inArray, isNotNull, or } from "drizzle-orm";
import type { Db } from "../../db/client";
import { clusters, goals, measures } from "../../db/schema";
import { titlesOnly } from "./summaries.server";
import type { TranslatedTexts } from "./translated";
import { forReaders, loadTranslations } from "./translations.server";

type Reader = Pick<Db, "select">;

export type GoalMeasure = { id: string; code: string; title: string; translations: TranslatedTexts[] };

/**
 * A goal (Oberziel) as the steering group rates it (docs/decisions/051): number, title, its field
 * of action and the measures proposed under it, each with its translated titles.
 */
export type GoalSummary = {
  id: string;
  key: string;
  number: number | null;
  title: string;
  description: string | null;
  clusterTitle: string | null;
  measures: GoalMeasure[];
};

export async function goalSummaries(db: Reader, ids: string[]): Promise<Map<string, GoalSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: goals.id,
      key: goals.key,
      number: goals.number,
      title: goals.title,
      description: goals.description,
      clusterTitle: clusters.title,
      measureId: measures.id,
      code: measures.code,
      measureTitle: measures.title,
    })
    .from(goals)
    .leftJoin(clusters, eq(clusters.id, goals.clusterId))
    .leftJoin(measures, eq(measures.goalId, goals.id))
    .where(inArray(goals.id, [...new Set(ids)]))
    .orderBy(asc(goals.position), asc(measures.position));
  const translations = await loadTranslations(db, rows.flatMap((r) => (r.measureId ? [r.measureId] : [])));
  const result = new Map<string, GoalSummary>();
  for (const { measureId, code, measureTitle, ...goal } of rows) {
    const summary = result.get(goal.id) ?? { ...goal, measures: [] };
    if (measureId && code && measureTitle) {
      summary.measures.push({ id: measureId, code, title: measureTitle, translations: titlesOnly(forReaders(translations.get(measureId))) });
    }
    result.set(goal.id, summary);
  }
  return result;
}

/** A plan's goals in the plan's order, each with its measures: the combined ranking lists every one (decision 051). */
export async function planGoalSummaries(db: Reader, planId: string): Promise<GoalSummary[]> {
  const rows = await db.select({ id: goals.id }).from(goals).where(eq(goals.planId, planId)).orderBy(asc(goals.position));
  const byId = await goalSummaries(db, rows.map((r) => r.id));
  return rows.map((r) => byId.get(r.id)!);
}

/** A plan's goals by key, for building an agenda from keys. */
export async function goalIdsByKey(db: Reader, planId: string, keys: string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = await db.select({ id: goals.id, key: goals.key }).from(goals).where(and(eq(goals.planId, planId), inArray(goals.key, keys)));
  return new Map(rows.map((r) => [r.key, r.id]));
}

/** A field of action (Handlungsfeld) with the codes of the proposed measures that belong to it. */
export type FieldOfAction = { id: string; key: string; title: string; measureCodes: string[] };

/**
 * A plan's fields of action for a two-step prioritisation, in the plan's order, and all its goals
 * (a goal filed under no field of action still goes to the steering group). A measure belongs
 * to its own focus theme, else to its goal's: the Integrationskonzept files its measures under
 * goals and the goals under fields of action, and gives the measures none of their own.
 */
export async function fieldsOfAction(db: Reader, planId: string): Promise<{ fields: FieldOfAction[]; goals: { key: string }[] }> {
  const [clusterRows, goalRows, measureRows] = await Promise.all([
    db.select({ id: clusters.id, key: clusters.key, title: clusters.title }).from(clusters).where(eq(clusters.planId, planId)).orderBy(asc(clusters.position)),
    db
      .select({ id: goals.id, key: goals.key, clusterId: goals.clusterId })
      .from(goals)
      .where(eq(goals.planId, planId))
      .orderBy(asc(goals.position)),
    db
      .select({ code: measures.code, goalId: measures.goalId, clusterId: measures.clusterId })
      .from(measures)
      .where(and(eq(measures.planId, planId), or(isNotNull(measures.clusterId), isNotNull(measures.goalId))))
      .orderBy(asc(measures.position)),
  ]);
  const clusterOfGoal = new Map(goalRows.map((g) => [g.id, g.clusterId]));
  const fields = clusterRows.map((cluster) => ({
    ...cluster,
    measureCodes: measureRows.filter((m) => (m.clusterId ?? (m.goalId ? clusterOfGoal.get(m.goalId) : null)) === cluster.id).map((m) => m.code),
  }));
  return { fields, goals: goalRows.map(({ key }) => ({ key })) };
}

import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { clusters, measures, plans } from "../../db/schema";

// The catalogue as the plan-wide results read it: a plan's measures and focus themes in their
// order, and query builders the results room joins to the live room's tallies as subqueries, so
// each read stays one query (docs/decisions/020).

type Reader = Pick<Db, "select">;

export async function planBySlug(db: Reader, slug: string): Promise<{ id: string; slug: string; title: string } | null> {
  const [plan] = await db.select({ id: plans.id, slug: plans.slug, title: plans.title }).from(plans).where(eq(plans.slug, slug));
  return plan ?? null;
}

/** A plan's measures in catalogue order. */
export async function planMeasures(db: Reader, planId: string): Promise<{ id: string; code: string; title: string; clusterId: string | null }[]> {
  return db
    .select({ id: measures.id, code: measures.code, title: measures.title, clusterId: measures.clusterId })
    .from(measures)
    .where(eq(measures.planId, planId))
    .orderBy(asc(measures.position));
}

/** A plan's focus themes in catalogue order. */
export async function planClusters(db: Reader, planId: string): Promise<{ id: string; key: string; title: string }[]> {
  return db
    .select({ id: clusters.id, key: clusters.key, title: clusters.title })
    .from(clusters)
    .where(eq(clusters.planId, planId))
    .orderBy(asc(clusters.position));
}

/** Every measure's code and focus theme, to join by id or by code (a ranking ballot names measures by code). */
export function measureRefs(db: Reader) {
  return db.select({ id: measures.id, code: measures.code, clusterId: measures.clusterId }).from(measures);
}

/** How many measures each focus theme has: the options a cluster's ranking item puts up. */
export function clusterSizes(db: Reader) {
  return db
    .select({ clusterId: measures.clusterId, n: sql<number>`count(*)::int`.as("n") })
    .from(measures)
    .groupBy(measures.clusterId);
}

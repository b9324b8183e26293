import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { Maturity } from "../../db/schema";
import { clusters, clusterVersions, planRevisions, plans } from "../../db/schema";
import type { Actor, StaffActor } from "../auth/actor";
import { authorize } from "../auth/permissions";
import { staffNames } from "../auth/staff-names.server";
import { DomainError, parseInput } from "../errors";
import { reviseClusterSchema } from "./revision-schemas";
import { lockPlan, openRevision, type RevisionRef } from "./revisions.server";

type Reader = Pick<Db, "select">;

/** A cluster's figures as one plan revision left them. */
export type ClusterVersion = {
  revision: number;
  createdAt: string;
  reason: string;
  /** The planner's display name, for staff only; null for the import and for the public. */
  createdBy: string | null;
  budgetCents: number | null;
  maturity: Maturity;
};

/**
 * A planner changes a cluster's Reifegrad or budget (issue 12): a new plan revision with the
 * reason, the cluster's new figures, and a version that keeps them for its history. A change
 * that changes nothing is refused, so the history never lists a revision that did nothing.
 */
export async function reviseCluster(db: Db, actor: Actor, input: unknown): Promise<{ revision: RevisionRef; key: string }> {
  authorize(actor, "catalogue.edit");
  const data = parseInput(reviseClusterSchema, input);
  return db.transaction(async (tx) => {
    const plan = await lockPlan(tx, data.planSlug);
    const [cluster] = await tx
      .select({ id: clusters.id, budgetCents: clusters.budgetCents, maturity: clusters.maturity })
      .from(clusters)
      .where(and(eq(clusters.planId, plan.id), eq(clusters.key, data.key)));
    if (!cluster) throw new DomainError("not_found", "common:error.notFoundText");
    if (cluster.budgetCents === data.budget && cluster.maturity === data.maturity) {
      throw new DomainError("invalid", "catalogue:cluster.unchanged", { budget: "catalogue:cluster.unchanged" });
    }
    // catalogue.edit is a staff permission: authorize let no one else through.
    const revision = await openRevision(tx, actor as StaffActor, plan.id, data.reason);
    await tx.update(clusters).set({ budgetCents: data.budget, maturity: data.maturity }).where(eq(clusters.id, cluster.id));
    await tx.insert(clusterVersions).values({ clusterId: cluster.id, revisionId: revision.id, budgetCents: data.budget, maturity: data.maturity });
    return { revision, key: data.key };
  });
}

/** Each cluster's versions of a plan, oldest first, by cluster key; who changed them for staff only. */
export async function clusterHistory(db: Reader, actor: Actor, planSlug: string): Promise<Map<string, ClusterVersion[]>> {
  const rows = await db
    .select({
      key: clusters.key,
      revision: planRevisions.number,
      createdAt: planRevisions.createdAt,
      reason: planRevisions.reason,
      createdBy: planRevisions.createdBy,
      budgetCents: clusterVersions.budgetCents,
      maturity: clusterVersions.maturity,
    })
    .from(clusterVersions)
    .innerJoin(clusters, eq(clusters.id, clusterVersions.clusterId))
    .innerJoin(plans, eq(plans.id, clusters.planId))
    .innerJoin(planRevisions, eq(planRevisions.id, clusterVersions.revisionId))
    .where(eq(plans.slug, planSlug))
    .orderBy(asc(clusters.position), asc(planRevisions.number));
  // The public reads when and why, not which colleague (as a measure's history).
  const names = actor.kind === "staff" ? await staffNames(db, rows.map((r) => r.createdBy)) : new Map<string, string>();
  const result = new Map<string, ClusterVersion[]>();
  for (const { key, createdAt, createdBy, ...row } of rows) {
    const version = { ...row, createdAt: createdAt.toISOString(), createdBy: (createdBy && names.get(createdBy)) ?? null };
    result.set(key, [...(result.get(key) ?? []), version]);
  }
  return result;
}

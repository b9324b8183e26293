import { eq, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { agendaItems, measures } from "../../db/schema";
import type { Distribution } from "../live/views";
import type { Reader } from "./answers.server";

/**
 * What the plan-wide results add up, in the same shapes whether an item's figures come from its
 * frozen snapshot or from the votes: one rollup per agenda item, distributions per measure.
 */
export type ItemRollup = {
  agendaItemId: string;
  measureId: string | null;
  clusterId: string | null;
  /** People who voted on the item (as the live result counts them). */
  voters: number;
  comments: number;
  dots: number;
  paperDots: number;
};

export type DistributionRow = {
  measureId: string | null;
  clusterId: string | null;
  kind: "rating" | "scale";
  criterion: string | null;
  /** The top of the rating range the item offered: answers on 1–5 and on 1–10 stay apart. */
  ratingMax: number | null;
  distribution: Distribution;
};

export type BordaRow = { measureId: string; points: number; firstPlaces: number; ballots: number };

/**
 * `column = any(ids)` with the ids as one array parameter: a live plan can have hundreds of open
 * agenda items, and one parameter each would cost more to send than the query takes.
 */
export const anyOf = (column: SQLWrapper, ids: string[]) => sql`${column} = any(${sql.param(ids)}::uuid[])`;

/** A measure's own cluster, or a cluster item's. */
export const clusterOf = sql<string | null>`coalesce(${measures.clusterId}, ${agendaItems.clusterId})`;

/**
 * Turns answer counts `(agenda_item_id, kind, criterion, value, n)` into one distribution per
 * measure, cluster, question and rating range, summing in the database.
 */
export async function distributionsOf(db: Reader, counts: SQL): Promise<DistributionRow[]> {
  const ratingMax = sql<number | null>`case when counts.kind = 'rating' then (${agendaItems.activities}->'rating'->>'max')::int end`;
  const byValue = db
    .select({
      measureId: sql<string | null>`${agendaItems.measureId}`.as("measure_id"),
      clusterId: clusterOf.as("cluster_id"),
      kind: sql<DistributionRow["kind"]>`counts.kind`.as("kind"),
      criterion: sql<string | null>`counts.criterion`.as("criterion"),
      ratingMax: ratingMax.as("rating_max"),
      value: sql<number>`counts.value`.as("value"),
      n: sql<number>`sum(counts.n)::int`.as("n"),
    })
    .from(sql`(${counts}) as counts`)
    .innerJoin(agendaItems, sql`${agendaItems.id} = counts.agenda_item_id`)
    .leftJoin(measures, eq(measures.id, agendaItems.measureId))
    .groupBy(agendaItems.measureId, clusterOf, sql`counts.kind`, sql`counts.criterion`, ratingMax, sql`counts.value`)
    .as("by_value");
  return db
    .select({
      measureId: byValue.measureId,
      clusterId: byValue.clusterId,
      kind: byValue.kind,
      criterion: byValue.criterion,
      ratingMax: byValue.ratingMax,
      distribution: sql<Distribution>`jsonb_object_agg(${byValue.value}, ${byValue.n})`,
    })
    .from(byValue)
    .groupBy(byValue.measureId, byValue.clusterId, byValue.kind, byValue.criterion, byValue.ratingMax);
}

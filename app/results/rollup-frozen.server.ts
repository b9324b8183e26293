import { eq, sql } from "drizzle-orm";
import { resultSnapshots } from "../../db/schema";
import { measureClusterIds } from "../catalogue/summaries.server";
import { planConferenceIds } from "../conferences/conferences.server";
import { itemFactsOfConferences } from "../live/inputs.server";
import type { Distribution, ItemResult } from "../live/views";
import type { Reader } from "./answers.server";
import type { BordaRow, DistributionRow, ItemRollup } from "./rollup.server";

const data = resultSnapshots.data;

/**
 * Plan-wide figures of agenda items whose session closed. Their votes were aggregated in the
 * database when the session closed (result_snapshot); here each item's frozen result is only
 * read and reshaped, one row per agenda item.
 */
export async function frozenFigures(
  db: Reader,
  planId: string,
  /** A ranked measure's id by code: in the item's cluster, or (a ranking item, no cluster) in the plan. */
  measureIdOf: (clusterId: string | null, code: string) => string | undefined,
  /** Only these of the plan's conferences (a series reads one at a time). */
  conferenceIds?: string[],
): Promise<{ rollups: ItemRollup[]; distributions: DistributionRow[]; borda: BordaRow[] }> {
  const figures = { rollups: [] as ItemRollup[], distributions: [] as DistributionRow[], borda: [] as BordaRow[] };
  // Only the parts of each snapshot that add up, and the rating range the item offered.
  const items = itemFactsOfConferences(db, planConferenceIds(db, planId, conferenceIds)).as("plan_item");
  const rows = await db
    .select({
      agendaItemId: items.id,
      measureId: items.measureId,
      itemClusterId: items.clusterId,
      itemKind: items.kind,
      ratingMax: items.ratingMax,
      voters: sql<number>`(${data}->>'voterCount')::int`,
      comments: sql<number>`(${data}->>'commentCount')::int`,
      dots: sql<number | null>`(${data}->'dots'->>'total')::int`,
      paperDots: sql<number | null>`(${data}->'dots'->>'paper')::int`,
      scale: sql<Distribution | null>`case when (${data}->'scale'->>'count')::int > 0 then ${data}->'scale'->'distribution' end`,
      rating: sql<ItemResult["rating"]>`${data}->'rating'`,
      ranking: sql<ItemResult["ranking"]>`${data}->'ranking'`,
    })
    .from(resultSnapshots)
    .innerJoin(items, eq(items.id, resultSnapshots.agendaItemId));
  // A measure's own cluster, or a cluster item's (as rollup-counted's clusterOf), here after the read.
  const clusterOfMeasure = await measureClusterIds(db, rows.flatMap((r) => (r.measureId ? [r.measureId] : [])));
  for (const { agendaItemId, measureId, itemClusterId, itemKind, ratingMax, voters, comments, dots, paperDots, scale, rating, ranking } of rows) {
    const subject = { measureId, clusterId: (measureId ? clusterOfMeasure.get(measureId) : null) ?? itemClusterId };
    figures.rollups.push({ agendaItemId, ...subject, voters, comments, dots: dots ?? 0, paperDots: paperDots ?? 0 });
    // A question nobody answered adds nothing, as when counting from the votes.
    if (scale) figures.distributions.push({ ...subject, kind: "scale", criterion: null, ratingMax: null, distribution: scale });
    for (const { criterion, summary } of rating ?? []) {
      if (summary.count === 0) continue;
      const max = ratingMax ?? Math.max(...Object.keys(summary.distribution).map(Number));
      figures.distributions.push({ ...subject, kind: "rating", criterion, ratingMax: max, distribution: summary.distribution });
    }
    for (const entry of ranking ?? []) {
      const ranked = itemClusterId || itemKind === "ranking" ? measureIdOf(itemClusterId, entry.code) : undefined;
      // The ballots of a ranking item are the people who voted on it.
      if (ranked) figures.borda.push({ measureId: ranked, points: entry.points, firstPlaces: entry.firstPlaces, ballots: voters });
    }
  }
  return figures;
}

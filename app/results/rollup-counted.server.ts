import { and, count, desc, eq, isNull, ne, sql } from "drizzle-orm";
import { agendaItems, answerTallies, comments, itemTallies, measures, votes } from "../../db/schema";
import { countedVotes } from "../live/latest-answer";
import type { Reader } from "./answers.server";
import { anyOf, type BordaRow, type DistributionRow, type ItemRollup } from "./rollup.server";

/** A measure's own cluster, or a cluster item's (rollup-frozen reads the same after its query). */
const clusterOf = sql<string | null>`coalesce(${measures.clusterId}, ${agendaItems.clusterId})`;

/**
 * Plan-wide figures of agenda items without a snapshot, by the rules the live result counts
 * with: votes, dots and answers from the tallies the vote triggers keep (decision 011), Borda
 * from the ballots.
 */
type Items = string[];

export async function countedRollups(db: Reader, items: Items): Promise<ItemRollup[]> {
  const [voting, commentRows] = await Promise.all([
    db
      .select({
        agendaItemId: agendaItems.id,
        measureId: agendaItems.measureId,
        clusterId: clusterOf,
        voters: itemTallies.voters,
        dots: itemTallies.dots,
        paperDots: itemTallies.paperDots,
      })
      .from(agendaItems)
      .leftJoin(itemTallies, eq(itemTallies.agendaItemId, agendaItems.id))
      .leftJoin(measures, eq(measures.id, agendaItems.measureId))
      .where(anyOf(agendaItems.id, items)),
    db
      .select({ agendaItemId: comments.agendaItemId, n: count() })
      .from(comments)
      .where(and(anyOf(comments.agendaItemId, items), isNull(comments.hiddenAt)))
      .groupBy(comments.agendaItemId),
  ]);
  const commentsOf = new Map(commentRows.map((r) => [r.agendaItemId, r.n]));
  return voting.map((r) => ({
    ...r,
    voters: r.voters ?? 0,
    dots: r.dots ?? 0,
    paperDots: r.paperDots ?? 0,
    comments: commentsOf.get(r.agendaItemId) ?? 0,
  }));
}

/** One distribution per agenda item and question; the plan-wide figures merge them per measure and cluster. */
export async function countedDistributions(db: Reader, items: Items): Promise<DistributionRow[]> {
  return db
    .select({
      measureId: agendaItems.measureId,
      clusterId: clusterOf,
      kind: sql<DistributionRow["kind"]>`${answerTallies.kind}`,
      criterion: answerTallies.criterion,
      ratingMax: sql<number | null>`case when ${answerTallies.kind} = 'rating' then (${agendaItems.activities}->'rating'->>'max')::int end`,
      distribution: answerTallies.distribution,
    })
    .from(answerTallies)
    .innerJoin(agendaItems, eq(agendaItems.id, answerTallies.agendaItemId))
    .leftJoin(measures, eq(measures.id, agendaItems.measureId))
    // A question whose only answers were deleted keeps an empty row.
    .where(and(anyOf(answerTallies.agendaItemId, items), ne(answerTallies.distribution, {})));
}

/**
 * Borda points over the ranking items, counting each participant's newest ballot (latest-answer.ts):
 * with n measures put up (a ranking item's list, else the cluster's), rank r earns n − r points
 * (first n − 1, last 0), as on the projector.
 */
export async function countedBorda(db: Reader, items: Items): Promise<BordaRow[]> {
  const options = db
    .select({ clusterId: measures.clusterId, n: sql<number>`count(*)::int`.as("n") })
    .from(measures)
    .groupBy(measures.clusterId)
    .as("options");
  // Every ballot, newest first, each rank with the measure it names (none any more: left out after
  // the newest ballot is found, so an older ballot never stands in for it).
  const rows = await db
    .select({
      agendaItemId: votes.agendaItemId,
      participantId: votes.participantId,
      kind: votes.kind,
      criterion: votes.criterion,
      createdAt: sql<string>`${votes.createdAt}::text`,
      rank: votes.value,
      measureId: measures.id,
      points: sql<number | null>`coalesce(cardinality(${agendaItems.measureIds}), ${options.n}) - ${votes.value}`,
    })
    .from(votes)
    .innerJoin(agendaItems, eq(agendaItems.id, votes.agendaItemId))
    .leftJoin(
      measures,
      and(
        eq(measures.code, votes.criterion),
        sql`(${measures.id} = any(${agendaItems.measureIds}) or (${agendaItems.measureIds} is null and ${measures.clusterId} = ${agendaItems.clusterId}))`,
      ),
    )
    .leftJoin(options, eq(options.clusterId, agendaItems.clusterId))
    .where(and(anyOf(votes.agendaItemId, items), eq(votes.kind, "ranking")))
    .orderBy(desc(votes.createdAt), desc(votes.id));
  const byMeasure = new Map<string, { points: number; firstPlaces: number; voters: Set<string> }>();
  for (const row of countedVotes(rows)) {
    if (!row.measureId) continue;
    const sums = byMeasure.get(row.measureId) ?? { points: 0, firstPlaces: 0, voters: new Set() };
    if (row.points !== null) sums.points += Number(row.points);
    if (row.rank === 1) sums.firstPlaces += 1;
    if (row.participantId) sums.voters.add(row.participantId);
    byMeasure.set(row.measureId, sums);
  }
  return [...byMeasure].map(([measureId, { points, firstPlaces, voters }]) => ({ measureId, points, firstPlaces, ballots: voters.size }));
}

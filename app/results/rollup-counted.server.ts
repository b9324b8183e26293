import { and, desc, eq, sql, type SQLWrapper } from "drizzle-orm";
import { clusterSizes, measureRefs } from "../catalogue/result-sources.server";
import { countedVotes } from "../live/latest-answer";
import { answerDistributions, itemTallyFigures, rankingBallots, visibleCommentCounts } from "../live/result-sources.server";
import type { Reader } from "./answers.server";
import type { BordaRow, DistributionRow, ItemRollup } from "./rollup.server";

/** A measure's own cluster, or a cluster item's (rollup-frozen reads the same after its query). */
const clusterOf = (measure: { clusterId: SQLWrapper }, item: { clusterId: SQLWrapper }) =>
  sql<string | null>`coalesce(${measure.clusterId}, ${item.clusterId})`;

/**
 * Plan-wide figures of agenda items without a snapshot, by the rules the live result counts
 * with: votes, dots and answers from the tallies the vote triggers keep (decision 011), Borda
 * from the ballots. The live room gives the tallies and ballots, the catalogue the measures, each
 * as a subquery: one query per figure, as when this file joined their tables itself.
 */
type Items = string[];

export async function countedRollups(db: Reader, items: Items): Promise<ItemRollup[]> {
  const item = itemTallyFigures(db, items).as("item");
  const measure = measureRefs(db).as("measure");
  const [voting, commentsOf] = await Promise.all([
    db
      .select({
        agendaItemId: item.id,
        measureId: item.measureId,
        clusterId: clusterOf(measure, item),
        voters: item.voters,
        dots: item.dots,
        paperDots: item.paperDots,
      })
      .from(item)
      .leftJoin(measure, eq(measure.id, item.measureId)),
    visibleCommentCounts(db, items),
  ]);
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
  const answers = answerDistributions(db, items).as("answers");
  const measure = measureRefs(db).as("measure");
  return db
    .select({
      measureId: answers.measureId,
      clusterId: clusterOf(measure, answers),
      kind: sql<DistributionRow["kind"]>`${answers.kind}`,
      criterion: answers.criterion,
      ratingMax: answers.ratingMax,
      distribution: answers.distribution,
    })
    .from(answers)
    .leftJoin(measure, eq(measure.id, answers.measureId));
}

/**
 * Borda points over the ranking items, counting each participant's newest ballot (latest-answer.ts):
 * with n measures put up (a ranking item's list, else the cluster's), rank r earns n − r points
 * (first n − 1, last 0), as on the projector.
 */
export async function countedBorda(db: Reader, items: Items): Promise<BordaRow[]> {
  const ballot = rankingBallots(db, items).as("ballot");
  const measure = measureRefs(db).as("measure");
  const options = clusterSizes(db).as("options");
  // Every ballot, newest first, each rank with the measure it names (none any more: left out after
  // the newest ballot is found, so an older ballot never stands in for it).
  const rows = await db
    .select({
      agendaItemId: ballot.agendaItemId,
      participantId: ballot.participantId,
      kind: ballot.kind,
      criterion: ballot.criterion,
      createdAt: ballot.createdAt,
      rank: ballot.rank,
      measureId: measure.id,
      points: sql<number | null>`coalesce(cardinality(${ballot.measureIds}), ${options.n}) - ${ballot.rank}`,
    })
    .from(ballot)
    .leftJoin(
      measure,
      and(
        eq(measure.code, ballot.criterion),
        sql`(${measure.id} = any(${ballot.measureIds}) or (${ballot.measureIds} is null and ${measure.clusterId} = ${ballot.clusterId}))`,
      ),
    )
    .leftJoin(options, eq(options.clusterId, ballot.clusterId))
    .orderBy(desc(ballot.castAt), desc(ballot.voteId));
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

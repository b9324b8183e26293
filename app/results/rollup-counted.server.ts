import { and, count, eq, isNull, sql, type SQL } from "drizzle-orm";
import { agendaItems, comments, measures, votes } from "../../db/schema";
import { ratingAnswers, type Reader } from "./answers.server";
import { anyOf, clusterOf, distributionsOf, type BordaRow, type DistributionRow, type ItemRollup } from "./rollup.server";

/** Plan-wide figures of agenda items without a snapshot, counted from the votes as the live result counts them. */
type Items = string[];

export async function countedRollups(db: Reader, items: Items): Promise<ItemRollup[]> {
  // Grouped by item alone, so the vote_answer index serves it; paper ballots are the votes without a participant.
  const perItem = db
    .select({
      agendaItemId: votes.agendaItemId,
      voters: sql<number>`count(distinct ${votes.participantId})::int`.as("voters"),
      dots: sql<number>`coalesce(sum(${votes.value} * ${votes.weight}) filter (where ${votes.kind} = 'dots'), 0)::int`.as("dots"),
      paperDots: sql<number>`coalesce(sum(${votes.value} * ${votes.weight}) filter (where ${votes.kind} = 'dots' and ${votes.participantId} is null), 0)::int`.as("paper_dots"),
    })
    .from(votes)
    .where(anyOf(votes.agendaItemId, items))
    .groupBy(votes.agendaItemId)
    .as("per_item");
  const [voting, commentRows] = await Promise.all([
    db
      .select({
        agendaItemId: agendaItems.id,
        measureId: agendaItems.measureId,
        clusterId: clusterOf,
        voters: perItem.voters,
        dots: perItem.dots,
        paperDots: perItem.paperDots,
      })
      .from(agendaItems)
      .leftJoin(perItem, eq(perItem.agendaItemId, agendaItems.id))
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
    voters: Number(r.voters ?? 0),
    dots: Number(r.dots ?? 0),
    paperDots: Number(r.paperDots ?? 0),
    comments: commentsOf.get(r.agendaItemId) ?? 0,
  }));
}

export async function countedDistributions(db: Reader, items: Items): Promise<DistributionRow[]> {
  const answers = ratingAnswers(db, anyOf(votes.agendaItemId, items));
  const counts = db
    .select({
      agendaItemId: answers.agendaItemId,
      kind: answers.kind,
      criterion: answers.criterion,
      value: answers.value,
      n: sql<number>`sum(${answers.weight})::int`.as("n"),
    })
    .from(answers)
    .groupBy(answers.agendaItemId, answers.kind, answers.criterion, answers.value);
  return distributionsOf(db, sql`${counts}`);
}

/**
 * Borda points over the ranking items, counting each participant's latest ballot: with n
 * measures in the cluster, rank r earns n − r points (first n − 1, last 0), as on the projector.
 */
export async function countedBorda(db: Reader, items: Items): Promise<BordaRow[]> {
  const options = db
    .select({ clusterId: measures.clusterId, n: sql<number>`count(*)::int`.as("n") })
    .from(measures)
    .groupBy(measures.clusterId)
    .as("options");
  const latestBallot: SQL = sql`${votes.createdAt} = (select max(newest.created_at) from ${votes} newest
    where newest.agenda_item_id = ${votes.agendaItemId} and newest.participant_id = ${votes.participantId} and newest.kind = 'ranking')`;
  const rows = await db
    .select({
      measureId: measures.id,
      points: sql<number>`sum(${options.n} - ${votes.value})::int`,
      firstPlaces: sql<number>`(count(*) filter (where ${votes.value} = 1))::int`,
      ballots: sql<number>`count(distinct ${votes.participantId})::int`,
    })
    .from(votes)
    .innerJoin(agendaItems, eq(agendaItems.id, votes.agendaItemId))
    .innerJoin(measures, and(eq(measures.clusterId, agendaItems.clusterId), eq(measures.code, votes.criterion)))
    .innerJoin(options, eq(options.clusterId, agendaItems.clusterId))
    .where(and(anyOf(votes.agendaItemId, items), eq(votes.kind, "ranking"), latestBallot))
    .groupBy(measures.id);
  return rows.map((r) => ({ ...r, points: Number(r.points), firstPlaces: Number(r.firstPlaces), ballots: Number(r.ballots) }));
}

import { and, count, countDistinct, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { comments, votes } from "../../db/schema";
import { borda, round, shareAtLeast, summarise } from "./stats";
import type { AgendaItemView, Distribution, ItemResult } from "./views";

type Executor = Pick<Db, "select" | "selectDistinctOn">;

/** Ranking ballots: only each participant's most recent ballot counts. */
async function latestBallots(db: Executor, agendaItemId: string): Promise<string[][]> {
  const newest = db
    .select({
      participantId: votes.participantId,
      createdAt: sql<Date>`max(${votes.createdAt})`.as("newest_at"),
    })
    .from(votes)
    .where(and(eq(votes.agendaItemId, agendaItemId), eq(votes.kind, "ranking")))
    .groupBy(votes.participantId)
    .as("newest");
  const rows = await db
    .select({ participantId: votes.participantId, code: votes.criterion, rank: votes.value })
    .from(votes)
    .innerJoin(
      newest,
      and(eq(newest.participantId, votes.participantId), eq(newest.createdAt, votes.createdAt)),
    )
    .where(and(eq(votes.agendaItemId, agendaItemId), eq(votes.kind, "ranking")));
  const ballots = new Map<string, { code: string; rank: number }[]>();
  for (const row of rows) {
    const ballot = ballots.get(row.participantId!) ?? [];
    ballot.push({ code: row.code!, rank: row.rank });
    ballots.set(row.participantId!, ballot);
  }
  return [...ballots.values()].map((b) => b.sort((x, y) => x.rank - y.rank).map((r) => r.code));
}

/**
 * The aggregate of one agenda item, computed from the stored votes. Ratings and the scale count
 * each participant's latest answer; paper ballots count with their weight.
 */
export async function computeItemResult(db: Executor, item: AgendaItemView, liveSessionId: string): Promise<ItemResult> {
  const { activities } = item;
  const onItem = eq(votes.agendaItemId, item.id);

  const [voters] = await db
    .select({ n: countDistinct(votes.participantId) })
    .from(votes)
    .where(and(onItem, isNotNull(votes.participantId)));
  const [commentRows] = await db
    .select({ n: count() })
    .from(comments)
    .where(and(eq(comments.agendaItemId, item.id), isNull(comments.hiddenAt), eq(comments.awaitingApproval, false)));

  let dots: ItemResult["dots"] = null;
  if (activities.dots) {
    const [sums] = await db
      .select({
        total: sql<number>`coalesce(sum(${votes.value} * ${votes.weight}), 0)::int`,
        paper: sql<number>`coalesce(sum(${votes.value} * ${votes.weight}) filter (where ${votes.source} = 'paper'), 0)::int`,
      })
      .from(votes)
      .where(and(onItem, eq(votes.kind, "dots")));
    const [session] = await db
      .select({ total: sql<number>`coalesce(sum(${votes.value} * ${votes.weight}), 0)::int` })
      .from(votes)
      .where(and(eq(votes.liveSessionId, liveSessionId), eq(votes.kind, "dots")));
    const total = Number(sums?.total ?? 0);
    const sessionTotal = Number(session?.total ?? 0);
    dots = { total, paper: Number(sums?.paper ?? 0), share: sessionTotal === 0 ? 0 : round(total / sessionTotal) };
  }

  let rating: ItemResult["rating"] = null;
  let scale: ItemResult["scale"] = null;
  if (activities.rating || activities.scale) {
    const voter = sql`coalesce(${votes.participantId}::text, ${votes.id}::text)`;
    const latest = db
      .selectDistinctOn([voter, votes.kind, votes.criterion], {
        kind: votes.kind,
        criterion: votes.criterion,
        value: votes.value,
        weight: votes.weight,
      })
      .from(votes)
      .where(and(onItem, inArray(votes.kind, ["rating", "scale"])))
      .orderBy(voter, votes.kind, votes.criterion, desc(votes.createdAt), desc(votes.id))
      .as("latest");
    const rows = await db
      .select({
        kind: latest.kind,
        criterion: latest.criterion,
        value: latest.value,
        n: sql<number>`sum(${latest.weight})::int`,
      })
      .from(latest)
      .groupBy(latest.kind, latest.criterion, latest.value);
    const byCriterion = new Map<string, Distribution>();
    const scaleDistribution: Distribution = {};
    for (const row of rows) {
      if (row.kind === "scale") scaleDistribution[row.value] = Number(row.n);
      else {
        const d = byCriterion.get(row.criterion!) ?? {};
        d[row.value] = Number(row.n);
        byCriterion.set(row.criterion!, d);
      }
    }
    if (activities.rating) {
      rating = activities.rating.criteria.map((criterion) => ({
        criterion,
        summary: summarise(byCriterion.get(criterion) ?? {}),
      }));
    }
    if (activities.scale) {
      scale = { ...summarise(scaleDistribution), shareAtLeast7: shareAtLeast(scaleDistribution, 7) };
    }
  }

  let ranking: ItemResult["ranking"] = null;
  if (activities.ranking && item.cluster) {
    const options = item.cluster.measures;
    const scores = borda(await latestBallots(db, item.id), options.map((m) => m.code));
    ranking = options
      .map((m) => ({ code: m.code, title: m.title, ...scores.get(m.code)! }))
      .sort((a, b) => b.points - a.points || b.firstPlaces - a.firstPlaces);
  }

  return {
    agendaItemId: item.id,
    voterCount: Number(voters?.n ?? 0),
    commentCount: Number(commentRows?.n ?? 0),
    dots,
    rating,
    scale,
    ranking,
  };
}

import { and, count, countDistinct, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { agendaItems, comments, votes } from "../../db/schema";
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
  // Independent queries, sent together: this runs for every coalesced update of a live room.
  const [voterCount, commentCount, dots, answers, ranking] = await Promise.all([
    countVoters(db, item.id),
    countComments(db, item.id),
    activities.dots ? dotsOf(db, item.id, liveSessionId) : null,
    activities.rating || activities.scale ? latestAnswers(db, item.id) : null,
    activities.ranking && item.cluster ? rankingOf(db, item.id, item.cluster.measures) : null,
  ]);
  return {
    agendaItemId: item.id,
    voterCount,
    commentCount,
    dots,
    rating: activities.rating && answers
      ? activities.rating.criteria.map((criterion) => ({ criterion, summary: summarise(answers.byCriterion.get(criterion) ?? {}) }))
      : null,
    scale: activities.scale && answers
      ? { ...summarise(answers.scale), shareAtLeast7: shareAtLeast(answers.scale, 7) }
      : null,
    ranking,
  };
}

async function countVoters(db: Executor, agendaItemId: string): Promise<number> {
  const [voters] = await db
    .select({ n: countDistinct(votes.participantId) })
    .from(votes)
    .where(and(eq(votes.agendaItemId, agendaItemId), isNotNull(votes.participantId)));
  return Number(voters?.n ?? 0);
}

async function countComments(db: Executor, agendaItemId: string): Promise<number> {
  const [rows] = await db
    .select({ n: count() })
    .from(comments)
    .where(and(eq(comments.agendaItemId, agendaItemId), isNull(comments.hiddenAt)));
  return Number(rows?.n ?? 0);
}

async function dotsOf(db: Executor, agendaItemId: string, liveSessionId: string): Promise<NonNullable<ItemResult["dots"]>> {
  const [[sums], [session]] = await Promise.all([
    db
      .select({
        total: sql<number>`coalesce(sum(${votes.value} * ${votes.weight}), 0)::int`,
        paper: sql<number>`coalesce(sum(${votes.value} * ${votes.weight}) filter (where ${votes.source} = 'paper'), 0)::int`,
      })
      .from(votes)
      .where(and(eq(votes.agendaItemId, agendaItemId), eq(votes.kind, "dots"))),
    db
      .select({ total: sql<number>`coalesce(sum(${votes.value} * ${votes.weight}), 0)::int` })
      .from(votes)
      .where(and(eq(votes.liveSessionId, liveSessionId), eq(votes.kind, "dots"))),
  ]);
  const total = Number(sums?.total ?? 0);
  const sessionTotal = Number(session?.total ?? 0);
  return { total, paper: Number(sums?.paper ?? 0), share: sessionTotal === 0 ? 0 : round(total / sessionTotal) };
}

/** Ratings and the scale: each participant's latest answer, paper ballots with their weight. */
async function latestAnswers(db: Executor, agendaItemId: string) {
  const voter = sql`coalesce(${votes.participantId}::text, ${votes.id}::text)`;
  const latest = db
    .selectDistinctOn([voter, votes.kind, votes.criterion], {
      kind: votes.kind,
      criterion: votes.criterion,
      value: votes.value,
      weight: votes.weight,
    })
    .from(votes)
    .where(and(eq(votes.agendaItemId, agendaItemId), inArray(votes.kind, ["rating", "scale"])))
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
  const scale: Distribution = {};
  for (const row of rows) {
    if (row.kind === "scale") scale[row.value] = Number(row.n);
    else {
      const d = byCriterion.get(row.criterion!) ?? {};
      d[row.value] = Number(row.n);
      byCriterion.set(row.criterion!, d);
    }
  }
  return { byCriterion, scale };
}

async function rankingOf(
  db: Executor,
  agendaItemId: string,
  options: { code: string; title: string }[],
): Promise<NonNullable<ItemResult["ranking"]>> {
  const scores = borda(await latestBallots(db, agendaItemId), options.map((m) => m.code));
  return options
    .map((m) => ({ code: m.code, title: m.title, ...scores.get(m.code)! }))
    .sort((a, b) => b.points - a.points || b.firstPlaces - a.firstPlaces);
}

/** The agenda item's id → its session, for callers that only know the item. */
export async function sessionOfItem(db: Executor, agendaItemId: string): Promise<string | null> {
  const [row] = await db
    .select({ liveSessionId: agendaItems.liveSessionId })
    .from(agendaItems)
    .where(eq(agendaItems.id, agendaItemId));
  return row?.liveSessionId ?? null;
}

import { and, count, desc, eq, isNull, sql, type SQLWrapper } from "drizzle-orm";
import type { Db } from "../../db/client";
import { agendaItems, answerTallies, comments, itemTallies, votes } from "../../db/schema";
import { countedVotes } from "./latest-answer";
import { rankingOptions } from "./rules";
import { borda, round, shareAtLeast, summarise } from "./stats";
import type { AgendaItemView, Distribution, ItemResult } from "./views";

type Executor = Pick<Db, "select" | "selectDistinctOn">;

/**
 * `column = any(ids)` with the ids as one array parameter: a session can have hundreds of agenda
 * items, and one parameter each would cost more to send than the query takes.
 */
export const anyOf = (column: SQLWrapper, ids: string[]) => sql`${column} = any(${sql.param(ids)}::uuid[])`;

/** Ranking ballots per item: each participant's newest ballot, as latest-answer.ts counts them. */
async function latestBallots(db: Executor, itemIds: string[]): Promise<Map<string, string[][]>> {
  const byItem = new Map<string, string[][]>();
  if (itemIds.length === 0) return byItem;
  const rows = await db
    .select({
      agendaItemId: votes.agendaItemId,
      participantId: votes.participantId,
      kind: votes.kind,
      criterion: votes.criterion,
      value: votes.value,
      createdAt: sql<string>`${votes.createdAt}::text`,
    })
    .from(votes)
    .where(and(anyOf(votes.agendaItemId, itemIds), eq(votes.kind, "ranking")))
    .orderBy(desc(votes.createdAt), desc(votes.id));
  const ballots = new Map<string, { agendaItemId: string; ranks: { code: string; rank: number }[] }>();
  for (const row of countedVotes(rows)) {
    const key = `${row.agendaItemId}|${row.participantId}`;
    const ballot = ballots.get(key) ?? { agendaItemId: row.agendaItemId, ranks: [] };
    ballot.ranks.push({ code: row.criterion!, rank: row.value });
    ballots.set(key, ballot);
  }
  for (const { agendaItemId, ranks } of ballots.values()) {
    const list = byItem.get(agendaItemId) ?? [];
    list.push(ranks.sort((x, y) => x.rank - y.rank).map((r) => r.code));
    byItem.set(agendaItemId, list);
  }
  return byItem;
}

/**
 * The aggregates of agenda items of one live session, in a fixed handful of queries however many
 * items there are (decision 027). Voters, dots and the rating and scale distributions are read
 * from the tallies the vote triggers keep (decision 011): there each participant's latest answer
 * is already the one counted, and paper ballots count with their weight.
 */
export async function computeItemResults(db: Executor, items: AgendaItemView[], liveSessionId: string): Promise<ItemResult[]> {
  if (items.length === 0) return [];
  const ids = items.map((i) => i.id);
  const ranked = items.filter((i) => i.activities.ranking && rankingOptions(i).length > 0).map((i) => i.id);
  const [tallies, commentRows, [session], answers, ballots] = await Promise.all([
    db.select().from(itemTallies).where(anyOf(itemTallies.agendaItemId, ids)),
    db
      .select({ agendaItemId: comments.agendaItemId, n: count() })
      .from(comments)
      .where(and(anyOf(comments.agendaItemId, ids), isNull(comments.hiddenAt), eq(comments.awaitingApproval, false)))
      .groupBy(comments.agendaItemId),
    db
      .select({ dots: sql<number>`coalesce(sum(${itemTallies.dots}), 0)::int` })
      .from(itemTallies)
      .innerJoin(agendaItems, eq(agendaItems.id, itemTallies.agendaItemId))
      .where(eq(agendaItems.liveSessionId, liveSessionId)),
    db.select().from(answerTallies).where(anyOf(answerTallies.agendaItemId, ids)),
    latestBallots(db, ranked),
  ]);
  const tallyOf = new Map(tallies.map((t) => [t.agendaItemId, t]));
  const commentsOf = new Map(commentRows.map((r) => [r.agendaItemId, Number(r.n)]));
  const sessionDots = Number(session?.dots ?? 0);
  const distributionOf = new Map(answers.map((a) => [`${a.agendaItemId}|${a.kind}|${a.criterion ?? ""}`, a.distribution as Distribution]));
  return items.map((item) => {
    const { activities } = item;
    const tally = tallyOf.get(item.id);
    const distribution = (kind: "rating" | "scale", criterion: string | null) =>
      distributionOf.get(`${item.id}|${kind}|${criterion ?? ""}`) ?? {};
    const dots = tally?.dots ?? 0;
    const scaleDistribution = distribution("scale", null);
    let ranking: ItemResult["ranking"] = null;
    const options = rankingOptions(item);
    if (activities.ranking && options.length > 0) {
      const scores = borda(ballots.get(item.id) ?? [], options.map((m) => m.code));
      ranking = options
        .map((m) => ({ code: m.code, title: m.title, ...scores.get(m.code)! }))
        .sort((a, b) => b.points - a.points || b.firstPlaces - a.firstPlaces);
    }
    return {
      agendaItemId: item.id,
      voterCount: tally?.voters ?? 0,
      commentCount: commentsOf.get(item.id) ?? 0,
      dots: activities.dots ? { total: dots, paper: tally?.paperDots ?? 0, share: sessionDots === 0 ? 0 : round(dots / sessionDots) } : null,
      rating: activities.rating
        ? activities.rating.criteria.map((criterion) => ({ criterion, summary: summarise(distribution("rating", criterion)) }))
        : null,
      scale: activities.scale ? { ...summarise(scaleDistribution), shareAtLeast7: shareAtLeast(scaleDistribution, 7) } : null,
      ranking,
    };
  });
}

/** The aggregate of one agenda item, by the same rules and queries as computeItemResults. */
export async function computeItemResult(db: Executor, item: AgendaItemView, liveSessionId: string): Promise<ItemResult> {
  const [result] = await computeItemResults(db, [item], liveSessionId);
  return result!;
}

import { eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { agendaItems, answerTallies, comments, itemTallies, type AgendaActivities } from "../../db/schema";
import { loadItemsById } from "./items.server";
import { computeItemResult } from "./results.server";
import { round, shareAtLeast, summarise } from "./stats";
import type { AgendaItemView, Distribution, ItemResult } from "./views";

type Reader = Pick<Db, "select" | "selectDistinctOn">;

type TallyRow = {
  agendaItemId: string;
  liveSessionId: string;
  activities: AgendaActivities;
  resultsVisible: boolean;
  voters: number;
  dots: number;
  paperDots: number;
  sessionDots: number;
  commentCount: number;
  answers: string;
};

/**
 * The live aggregate read from the tallies the vote triggers keep (decision 011), in one query
 * for any number of items: the item's own tally row, the session's dot total, its visible
 * comments and its answer distributions. computeItemResult counts the same figures from the
 * votes; tests/live/sockets.test.ts checks that the screens end with what it counts.
 */
async function tallyRows(db: Reader, where: SQL): Promise<TallyRow[]> {
  return db
    .select({
      agendaItemId: agendaItems.id,
      liveSessionId: agendaItems.liveSessionId,
      activities: agendaItems.activities,
      resultsVisible: agendaItems.resultsVisible,
      voters: sql<number>`coalesce(${itemTallies.voters}, 0)`,
      dots: sql<number>`coalesce(${itemTallies.dots}, 0)`,
      paperDots: sql<number>`coalesce(${itemTallies.paperDots}, 0)`,
      // Inside the subqueries the tables are aliased, so "agenda_item" names the outer row.
      sessionDots: sql<number>`(select coalesce(sum(st.dots), 0)::int from ${itemTallies} st
        join ${agendaItems} sa on sa.id = st.agenda_item_id where sa.live_session_id = "agenda_item"."live_session_id")`,
      commentCount: sql<number>`(select count(*)::int from ${comments} c
        where c.agenda_item_id = "agenda_item"."id" and c.hidden_at is null)`,
      // As text, so both drivers hand over the same thing whatever their JSON parsing.
      answers: sql<string>`(select coalesce(json_agg(json_build_array(at.kind, at.criterion, at.distribution)), '[]')::text
        from ${answerTallies} at where at.agenda_item_id = "agenda_item"."id")`,
    })
    .from(agendaItems)
    .leftJoin(itemTallies, eq(itemTallies.agendaItemId, agendaItems.id))
    .where(where);
}

function toResult(row: TallyRow): ItemResult {
  const { activities } = row;
  const ratings = new Map<string, Distribution>();
  let scaleDistribution: Distribution = {};
  for (const [kind, criterion, distribution] of JSON.parse(row.answers) as [string, string | null, Distribution][]) {
    if (kind === "scale") scaleDistribution = distribution;
    else if (kind === "rating" && criterion !== null) ratings.set(criterion, distribution);
  }
  return {
    agendaItemId: row.agendaItemId,
    voterCount: row.voters,
    commentCount: row.commentCount,
    dots: activities.dots
      ? { total: row.dots, paper: row.paperDots, share: row.sessionDots === 0 ? 0 : round(row.dots / row.sessionDots) }
      : null,
    rating: activities.rating
      ? activities.rating.criteria.map((criterion) => ({ criterion, summary: summarise(ratings.get(criterion) ?? {}) }))
      : null,
    scale: activities.scale ? { ...summarise(scaleDistribution), shareAtLeast7: shareAtLeast(scaleDistribution, 7) } : null,
    ranking: null,
  };
}

/**
 * A ranking needs each participant's latest ballot and the cluster's measures, which no tally
 * holds: such items are counted from the votes, as before.
 */
async function withRankings(db: Reader, rows: TallyRow[], items?: AgendaItemView[]): Promise<ItemResult[]> {
  const ranked = rows.filter((r) => r.activities.ranking).map((r) => r.agendaItemId);
  const views = ranked.length === 0 ? [] : (items?.filter((i) => ranked.includes(i.id)) ?? (await loadItemsById(db, ranked)));
  const sessionOf = new Map(rows.map((r) => [r.agendaItemId, r.liveSessionId]));
  const counted = new Map(
    await Promise.all(views.map(async (item) => [item.id, await computeItemResult(db, item, sessionOf.get(item.id)!)] as const)),
  );
  return rows.map((row) => counted.get(row.agendaItemId) ?? toResult(row));
}

/** One item's live aggregate for the publisher, with what decides who may see it; null when the item is gone. */
export async function liveItemResult(
  db: Reader,
  agendaItemId: string,
): Promise<{ liveSessionId: string; resultsVisible: boolean; result: ItemResult } | null> {
  const [row] = await tallyRows(db, eq(agendaItems.id, agendaItemId));
  if (!row) return null;
  const [result] = await withRankings(db, [row]);
  return { liveSessionId: row.liveSessionId, resultsVisible: row.resultsVisible, result: result! };
}

/** The live aggregates of some items of one session, in the order given. */
export async function liveItemResults(db: Reader, items: AgendaItemView[]): Promise<ItemResult[]> {
  if (items.length === 0) return [];
  const rows = await tallyRows(db, inArray(agendaItems.id, items.map((i) => i.id)));
  const results = new Map((await withRankings(db, rows, items)).map((r) => [r.agendaItemId, r]));
  return items.flatMap((i) => results.get(i.id) ?? []);
}

import { inArray } from "drizzle-orm";
import { z } from "zod";
import { resultSnapshots } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/permissions";
import { authorizeConference } from "../conferences/team.server";
import { DomainError, parseInput } from "../errors";
import { loadItems, loadLiveSession, type LiveSessionRow } from "../live/items.server";
import { computeItemResults } from "../live/results.server";
import type { AgendaItemView, ItemResult } from "../live/views";
import type { Reader } from "./answers.server";
import { loadBreakdowns, type Breakdown } from "./breakdowns.server";
import { anyOf } from "./rollup.server";
import { consensus, type Consensus } from "./consensus";
import { minGroupSize } from "./privacy";

export type ResultsOptions = { minGroupSize?: number };

export type ItemConsensus = {
  scale: Consensus | null;
  rating: { criterion: string; consensus: Consensus | null }[];
};

/** The result of one agenda item as planners read it. */
export type ItemResults = {
  item: Pick<AgendaItemView, "id" | "position" | "kind" | "question" | "questionTranslations" | "activities"> & {
    measure: { code: string; title: string } | null;
    cluster: { key: string; title: string } | null;
    goal: { key: string; number: number | null; title: string } | null;
  };
  /** From result_snapshot, frozen when the session closed; else computed from the votes now. */
  frozenAt: string | null;
  result: ItemResult;
  consensus: ItemConsensus;
  breakdowns: Breakdown[];
};

export type SessionResults = {
  liveSession: { id: string; title: string; conferenceId: string; status: LiveSessionRow["status"]; closedAt: string | null };
  minGroupSize: number;
  items: ItemResults[];
};

const sessionInput = z.object({ liveSessionId: z.string().uuid() });

/**
 * Every agenda item's result of a live session, with consensus and breakdowns: the one way in to
 * a session's results. A closed session's results are public (the feedback page, the exports); a
 * session not yet closed only its conference's team sees (docs/decisions/015), its figures
 * counted from the votes now.
 */
export async function sessionResults(db: Reader, actor: Actor, input: unknown, options: ResultsOptions = {}): Promise<SessionResults> {
  authorize(actor, "catalogue.read");
  const { liveSessionId } = parseInput(sessionInput, input);
  const session = await loadLiveSession(db, liveSessionId);
  if (!session) throw new DomainError("not_found", "common:error.notFoundText");
  if (session.status !== "closed") await authorizeConference(db, actor, "results.view", session.conferenceId);
  const items = await loadItems(db, session.id);
  const minimum = options.minGroupSize ?? minGroupSize();
  const ids = items.map((i) => i.id);
  // The item results and the breakdowns read different tables: on PostgreSQL their queries overlap.
  const [[results], breakdowns] = await Promise.all([
    frozenOrCounted(db, [{ liveSession: session, items }]),
    ids.length > 0
      ? loadBreakdowns(db, {
          items: (column) => anyOf(column, ids),
          by: "agendaItem",
          minGroupSize: minimum,
        })
      : Promise.resolve([]),
  ]);
  const breakdownsOf = new Map<string, Breakdown[]>();
  for (const breakdown of breakdowns) {
    const list = breakdownsOf.get(breakdown.subjectId);
    if (list) list.push(breakdown);
    else breakdownsOf.set(breakdown.subjectId, [breakdown]);
  }
  return {
    liveSession: {
      id: session.id,
      title: session.title,
      conferenceId: session.conferenceId,
      status: session.status,
      closedAt: session.closedAt?.toISOString() ?? null,
    },
    minGroupSize: minimum,
    items: results!.map(({ item, result, frozenAt }) => ({
      item: {
        id: item.id,
        position: item.position,
        kind: item.kind,
        question: item.question,
        questionTranslations: item.questionTranslations,
        activities: item.activities,
        measure: item.measure ? { code: item.measure.code, title: item.measure.title } : null,
        cluster: item.cluster ? { key: item.cluster.key, title: item.cluster.title } : null,
        goal: item.goal ? { key: item.goal.key, number: item.goal.number, title: item.goal.title } : null,
      },
      frozenAt,
      result,
      consensus: consensusOf(item, result),
      breakdowns: breakdownsOf.get(item.id) ?? [],
    })),
  };
}

/** An agenda item's figures, frozen when its session closed or counted from the votes now. */
export type ItemFigures = { item: AgendaItemView; result: ItemResult; frozenAt: string | null };

/**
 * The items' results of some live sessions, each list in its session's order: a closed session's
 * from result_snapshot (frozen when it closed), the others counted from the votes now. One
 * snapshot read for all of them; the counting goes by session, as an item's share of the dots is
 * of its own session's.
 */
export async function frozenOrCounted(
  db: Reader,
  sessions: { liveSession: Pick<LiveSessionRow, "id" | "status">; items: AgendaItemView[] }[],
): Promise<ItemFigures[][]> {
  const closedIds = sessions.flatMap((s) => (s.liveSession.status === "closed" ? s.items.map((i) => i.id) : []));
  const frozen = closedIds.length > 0 ? await db.select().from(resultSnapshots).where(inArray(resultSnapshots.agendaItemId, closedIds)) : [];
  const snapshots = new Map(frozen.map((s) => [s.agendaItemId, s]));
  const counted = await Promise.all(
    sessions.map(({ liveSession, items }) => computeItemResults(db, items.filter((item) => !snapshots.has(item.id)), liveSession.id)),
  );
  const countedOf = new Map(counted.flat().map((result) => [result.agendaItemId, result]));
  return sessions.map(({ items }) =>
    items.map((item) => {
      const snapshot = snapshots.get(item.id);
      const result = snapshot ? (snapshot.data as ItemResult) : countedOf.get(item.id)!;
      return { item, result, frozenAt: snapshot ? snapshot.frozenAt.toISOString() : null };
    }),
  );
}

/** Consensus on the scale and each criterion, on the range the moderator offered. */
export function consensusOf(item: Pick<AgendaItemView, "activities">, result: ItemResult): ItemConsensus {
  const { rating, scale } = item.activities;
  return {
    scale: result.scale && scale ? consensus(result.scale.distribution, scale.min, scale.max) : null,
    rating: (result.rating ?? []).map((r) => ({
      criterion: r.criterion,
      consensus: rating ? consensus(r.summary.distribution, rating.min, rating.max) : null,
    })),
  };
}

import { inArray } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { participantCount } from "../auth/participant-data.server";
import { authorize } from "../auth/permissions";
import { planBySlug, planClusters, planMeasures } from "../catalogue/result-sources.server";
import { planConferenceIds } from "../conferences/conferences.server";
import { DomainError, parseInput } from "../errors";
import { round, shareAtLeast, summarise } from "../live/stats";
import type { Distribution, Summary } from "../live/views";
import type { ResultsOptions } from "./aggregate.server";
import { countedItemIds, planItems, type Reader } from "./answers.server";
import { dimensions, loadBreakdowns, type Breakdown } from "./breakdowns.server";
import { consensus, type Consensus } from "./consensus";
import type { DistributionRow, ItemRollup } from "./rollup.server";
import { countedBorda, countedDistributions, countedRollups } from "./rollup-counted.server";
import { frozenFigures } from "./rollup-frozen.server";
import { minGroupSize } from "./privacy";
import { text } from "../text";

export type ScaleFigures = Summary & { shareAtLeast7: number | null; consensus: Consensus | null };
export type RatingFigures = { criterion: string; max: number; summary: Summary; consensus: Consensus | null };

/** One measure across every conference of the plan. */
export type MeasureStanding = {
  /** Competition rank (1, 2, 2, 4): by dots, then Borda points, then mean on the scale. */
  rank: number;
  measure: { id: string; code: string; title: string; clusterKey: string | null; clusterTitle: string | null };
  /** How many agenda items, in all live sessions, put this measure before a room. */
  agendaItems: number;
  /** People who voted on it, added up over those agenda items (a person is in one conference). */
  participants: number;
  comments: number;
  dots: { total: number; paper: number; share: number };
  rating: RatingFigures[];
  scale: ScaleFigures | null;
  ranking: { points: number; firstPlaces: number; ballots: number } | null;
  breakdowns: Breakdown[];
};

export type ClusterStanding = {
  rank: number;
  cluster: { id: string; key: string; title: string };
  measures: number;
  /** Agenda items on its measures or on the cluster itself. */
  agendaItems: number;
  comments: number;
  dots: { total: number; share: number };
  scale: ScaleFigures | null;
};

export type PlanResults = {
  plan: { slug: string; title: string };
  minGroupSize: number;
  /** All dots, and the people who joined a conference of the plan. */
  totals: { dots: number; participants: number };
  measures: MeasureStanding[];
  clusters: ClusterStanding[];
};

const planInput = z.object({ planSlug: text({ min: 1, max: 100 }), breakdownBy: z.enum(dimensions).optional() });

/** Results across all conferences of a plan, by measure and by cluster, ranked. */
export async function planResults(db: Reader, actor: Actor, input: unknown, options: ResultsOptions = {}): Promise<PlanResults> {
  authorize(actor, "results.view");
  const data = parseInput(planInput, input);
  const plan = await findPlan(db, data.planSlug);
  return standingsIn(db, plan, { breakdownBy: data.breakdownBy, minGroupSize: options.minGroupSize ?? minGroupSize() });
}

export type Scope = {
  /** Only these of the plan's conferences (one of a series, a district's forums); all when left out. */
  conferenceIds?: string[];
  breakdownBy?: (typeof dimensions)[number];
  minGroupSize: number;
};

/**
 * The standings of a plan's conferences, or of some of them: the same queries either way, the
 * conferences narrowed inside the one subquery every figure starts from (planConferenceIds).
 * Shares are of the dots in scope, ranks among the plan's measures in scope.
 */
export async function standingsIn(db: Reader, plan: { id: string; slug: string; title: string }, scope: Scope): Promise<PlanResults> {
  const { conferenceIds, breakdownBy, minGroupSize: minimum } = scope;
  const [measureRows, clusterRows, counted, joined] = await Promise.all([
    planMeasures(db, plan.id),
    planClusters(db, plan.id),
    countedItemIds(db, plan.id, conferenceIds),
    participantCount(db, planConferenceIds(db, plan.id, conferenceIds)),
  ]);
  const byClusterAndCode = new Map(measureRows.map((m) => [`${m.clusterId}|${m.code}`, m.id]));
  const byCode = new Map(measureRows.map((m) => [m.code, m.id]));
  const none = Promise.resolve([]);
  const [frozen, countedItems, countedAnswers, countedBallots, breakdowns] = await Promise.all([
    frozenFigures(db, plan.id, (clusterId, code) => (clusterId ? byClusterAndCode.get(`${clusterId}|${code}`) : byCode.get(code)), conferenceIds),
    counted.length > 0 ? countedRollups(db, counted) : none,
    counted.length > 0 ? countedDistributions(db, counted) : none,
    counted.length > 0 ? countedBorda(db, counted) : none,
    breakdownBy
      ? loadBreakdowns(db, {
          items: (column) => inArray(column, planItems(db, plan.id, conferenceIds)),
          by: "measure",
          dimensionList: [breakdownBy],
          minGroupSize: minimum,
        })
      : Promise.resolve([]),
  ]);
  const rollups = [...frozen.rollups, ...countedItems];
  const distributions = [...frozen.distributions, ...countedAnswers];
  const borda = [...frozen.borda, ...countedBallots];

  const dotsTotal = sum(rollups.map((r) => r.dots));
  const clusterById = new Map(clusterRows.map((c) => [c.id, c]));
  const [itemsOf, rowsOf, rankedOf, breakdownsOf] = [
    groupBy(rollups, (r) => r.measureId),
    groupBy(distributions, (r) => r.measureId),
    groupBy(borda, (r) => r.measureId),
    groupBy(breakdowns, (r) => r.subjectId),
  ];
  const standings = measureRows.map((m): MeasureStanding => {
    const items = itemsOf.get(m.id) ?? [];
    const rows = rowsOf.get(m.id) ?? [];
    const cluster = m.clusterId ? clusterById.get(m.clusterId) : undefined;
    const ranked = rankedOf.get(m.id) ?? [];
    return {
      rank: 0,
      measure: { id: m.id, code: m.code, title: m.title, clusterKey: cluster?.key ?? null, clusterTitle: cluster?.title ?? null },
      agendaItems: items.length,
      participants: sum(items.map((r) => r.voters)),
      comments: sum(items.map((r) => r.comments)),
      dots: dotFigures(items, dotsTotal),
      rating: ratingFigures(rows.filter((r) => r.kind === "rating")),
      scale: scaleFigures(rows.filter((r) => r.kind === "scale")),
      ranking:
        ranked.length === 0
          ? null
          : {
              points: sum(ranked.map((r) => r.points)),
              firstPlaces: sum(ranked.map((r) => r.firstPlaces)),
              ballots: sum(ranked.map((r) => r.ballots)),
            },
      breakdowns: breakdownsOf.get(m.id) ?? [],
    };
  });
  rank(standings, (s) => [s.dots.total, s.ranking?.points ?? 0, s.scale?.mean ?? -1], (s) => s.measure.code);

  const [itemsIn, rowsIn] = [groupBy(rollups, (r) => r.clusterId), groupBy(distributions, (r) => r.clusterId)];
  const clusterStandings = clusterRows.map((c): ClusterStanding => {
    const items = itemsIn.get(c.id) ?? [];
    const { total, share } = dotFigures(items, dotsTotal);
    return {
      rank: 0,
      cluster: { id: c.id, key: c.key, title: c.title },
      measures: measureRows.filter((m) => m.clusterId === c.id).length,
      agendaItems: items.length,
      comments: sum(items.map((r) => r.comments)),
      dots: { total, share },
      scale: scaleFigures((rowsIn.get(c.id) ?? []).filter((r) => r.kind === "scale")),
    };
  });
  rank(clusterStandings, (s) => [s.dots.total, s.comments], (s) => s.cluster.title);

  return {
    plan: { slug: plan.slug, title: plan.title },
    minGroupSize: minimum,
    totals: { dots: dotsTotal, participants: joined },
    measures: standings,
    clusters: clusterStandings,
  };
}

async function findPlan(db: Reader, slug: string) {
  const plan = await planBySlug(db, slug);
  if (!plan) throw new DomainError("not_found", "common:error.notFoundText");
  return plan;
}

const sum = (values: number[]) => values.reduce((n, v) => n + v, 0);

function groupBy<T>(list: T[], key: (item: T) => string | null): Map<string | null, T[]> {
  const groups = new Map<string | null, T[]>();
  for (const item of list) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function dotFigures(items: ItemRollup[], planTotal: number) {
  const total = sum(items.map((r) => r.dots));
  return { total, paper: sum(items.map((r) => r.paperDots)), share: planTotal === 0 ? 0 : round(total / planTotal) };
}

/** The answers of several rows (sessions, or a cluster's measures) as one distribution. */
function merged(rows: DistributionRow[]): Distribution {
  if (rows.length === 1) return rows[0]!.distribution;
  const distribution: Record<string, number> = {};
  for (const row of rows) {
    for (const value in row.distribution) distribution[value] = (distribution[value] ?? 0) + row.distribution[value]!;
  }
  return distribution;
}

function scaleFigures(rows: DistributionRow[]): ScaleFigures | null {
  if (rows.length === 0) return null;
  const distribution = merged(rows);
  return { ...summarise(distribution), shareAtLeast7: shareAtLeast(distribution, 7), consensus: consensus(distribution, 1, 10) };
}

/** One entry per criterion and rating range, over every session that asked it. */
function ratingFigures(rows: DistributionRow[]): RatingFigures[] {
  const same = groupBy(rows, (r) => `${r.criterion}|${r.ratingMax}`);
  return [...same.values()]
    .map((group) => {
      const { criterion, ratingMax } = group[0]!;
      const distribution = merged(group);
      return { criterion: criterion!, max: ratingMax!, summary: summarise(distribution), consensus: consensus(distribution, 1, ratingMax!) };
    })
    .sort((x, y) => (x.criterion === y.criterion ? x.max - y.max : x.criterion < y.criterion ? -1 : 1));
}

/** Sorts by the keys, highest first, then by name; equal keys share a rank (1, 2, 2, 4). */
function rank<T extends { rank: number }>(list: T[], keys: (item: T) => number[], name: (item: T) => string): void {
  const keyed = list.map((item) => ({ item, keys: keys(item), name: name(item) }));
  const compare = (a: (typeof keyed)[number], b: (typeof keyed)[number]) => {
    for (let i = 0; i < a.keys.length; i++) if (a.keys[i] !== b.keys[i]) return b.keys[i]! - a.keys[i]!;
    return 0;
  };
  keyed.sort((a, b) => compare(a, b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  keyed.forEach((entry, i) => {
    const before = keyed[i - 1];
    entry.item.rank = before && compare(before, entry) === 0 ? before.item.rank : i + 1;
  });
  list.splice(0, list.length, ...keyed.map((entry) => entry.item));
}

import { round } from "../live/stats";
import { byCriterion } from "./criteria-order";

// The Integrationskonzept's combined ranking of both steps (issue 12, docs/decisions/051): the
// steering group's rating ranks the goals, the working groups' dots and ratings stand beside
// each goal's measures. Pure, so that the rule is tested on figures checked by hand.

export type CriterionMean = { criterion: string; mean: number | null };

/** What the steering group's rating of one goal gave. */
export type GoalRating = { criteria: CriterionMean[]; raters: number };

/**
 * A measure's result in its working group (Teilprojektgruppe). `state`: frozen when the group's
 * session closed; counted from the votes now while it runs (for the conference's team); withheld
 * while it runs from everybody else, the figures null.
 */
export type WorkingGroupFigure = {
  workingGroup: { liveSessionId: string; title: string; field: string | null };
  state: "frozen" | "counted" | "withheld";
  /** Null where the item offered no dots. */
  dots: number | null;
  /** The mean of its criterion means; null before anyone rated it. */
  ratingMean: number | null;
  voters: number | null;
  /** Competition rank among the working group's measures: by dots, then rating mean. */
  rank: number | null;
  /** How many measures the working group prioritises. */
  of: number;
};

export type WorkingGroupMeasure = { code: string; dots: number | null; criteria: CriterionMean[]; voters: number; frozen: boolean };
/** `withheld`: still running, and the reader sees closed sessions only; its measures carry no figures. */
export type WorkingGroup = { liveSessionId: string; title: string; field: string | null; withheld: boolean; measures: WorkingGroupMeasure[] };

export type CatalogueGoal = {
  key: string;
  number: number | null;
  title: string;
  clusterTitle: string | null;
  measures: { code: string; title: string }[];
};

export type RankedGoal = Omit<CatalogueGoal, "measures"> & {
  /** Competition rank (1, 2, 2, 4) by score; null for a goal nobody rated. */
  rank: number | null;
  score: number | null;
  criteria: CriterionMean[];
  raters: number;
  namedFirst: boolean;
  /** Its catalogue measures in catalogue order; `figure` null: on no working group's agenda. */
  measures: { code: string; title: string; figure: WorkingGroupFigure | null }[];
};

export type CombinedRanking = {
  /** The criteria the steering group rated on, in the Integrationskonzept's order. */
  criteria: string[];
  namedFirst: {
    limit: number;
    /** How many goals are marked: more than the limit when a tie straddles it, fewer when fewer were rated. */
    count: number;
    /** The rank the goals tied across the limit share; null when no tie straddles it. */
    tieAtRank: number | null;
  };
  goals: RankedGoal[];
};

/**
 * The mean of the criterion means, each criterion weighing the same; criteria nobody answered
 * are left out. Rounded to two places like every mean shown, and compared as shown: two goals
 * whose scores read the same share a rank.
 */
export function scoreOf(criteria: CriterionMean[]): number | null {
  const means = criteria.flatMap((c) => (c.mean === null ? [] : [c.mean]));
  return means.length === 0 ? null : round(means.reduce((sum, m) => sum + m, 0) / means.length);
}

/** Competition ranks of a list sorted best first: an entry equal to the one before shares its rank. */
function competitionRanks<T>(sorted: T[], equal: (a: T, b: T) => boolean): number[] {
  const ranks: number[] = [];
  sorted.forEach((entry, i) => ranks.push(i > 0 && equal(sorted[i - 1]!, entry) ? ranks[i - 1]! : i + 1));
  return ranks;
}

const descending = (a: number | null, b: number | null) => (b ?? -Infinity) - (a ?? -Infinity);

/**
 * Each measure's figure in its working group, by code, ranked among that group's measures by dots,
 * then rating mean. A measure on the agendas of two working groups keeps its first group's (the
 * template puts each measure in one, its field of action's).
 */
export function workingGroupFiguresOf(groups: WorkingGroup[]): Record<string, WorkingGroupFigure> {
  const figures: Record<string, WorkingGroupFigure> = {};
  for (const group of groups) {
    const workingGroup = { liveSessionId: group.liveSessionId, title: group.title, field: group.field };
    const of = group.measures.length;
    if (group.withheld) {
      for (const m of group.measures) figures[m.code] ??= { workingGroup, state: "withheld", dots: null, ratingMean: null, voters: null, rank: null, of };
      continue;
    }
    const scored = group.measures.map((m) => ({ ...m, ratingMean: scoreOf(m.criteria) }));
    const sorted = [...scored].sort((a, b) => descending(a.dots ?? 0, b.dots ?? 0) || descending(a.ratingMean, b.ratingMean));
    const ranks = competitionRanks(sorted, (a, b) => (a.dots ?? 0) === (b.dots ?? 0) && a.ratingMean === b.ratingMean);
    sorted.forEach((m, i) => {
      figures[m.code] ??= {
        workingGroup,
        state: m.frozen ? "frozen" : "counted",
        dots: m.dots,
        ratingMean: m.ratingMean,
        voters: m.voters,
        rank: ranks[i]!,
        of,
      };
    });
  }
  return figures;
}

/**
 * The goals ranked by the steering group's score, the unrated after them in catalogue order; the
 * first `limit` named first. Where goals tie across the limit all of them are named, and the
 * ranking says so: which goal to drop is the steering group's call, not the arithmetic's.
 */
export function combinedRanking(
  goals: CatalogueGoal[],
  ratings: Map<string, GoalRating>,
  figures: Record<string, WorkingGroupFigure>,
  limit: number,
): CombinedRanking {
  const scored = goals.map((goal, position) => {
    const rating = ratings.get(goal.key);
    return { goal, position, criteria: rating?.criteria ?? [], raters: rating?.raters ?? 0, score: scoreOf(rating?.criteria ?? []) };
  });
  const rated = scored.filter((g) => g.score !== null).sort((a, b) => descending(a.score, b.score) || a.position - b.position);
  const ranks = competitionRanks(rated, (a, b) => a.score === b.score);
  const rankOf = new Map(rated.map((g, i) => [g.goal.key, ranks[i]!]));
  const ordered = [...rated, ...scored.filter((g) => g.score === null)];
  const named = rated.filter((g) => rankOf.get(g.goal.key)! <= limit).length;
  const criteria = byCriterion([...new Set(scored.flatMap((g) => g.criteria.map((c) => c.criterion)))], (c) => c);
  return {
    criteria,
    namedFirst: { limit, count: named, tieAtRank: named > limit ? rankOf.get(rated[limit]!.goal.key)! : null },
    goals: ordered.map(({ goal, criteria: given, raters, score }) => {
      const rank = rankOf.get(goal.key) ?? null;
      return {
        key: goal.key,
        number: goal.number,
        title: goal.title,
        clusterTitle: goal.clusterTitle,
        rank,
        score,
        criteria: criteria.map((criterion) => ({ criterion, mean: given.find((c) => c.criterion === criterion)?.mean ?? null })),
        raters,
        namedFirst: rank !== null && rank <= limit,
        measures: goal.measures.map((m) => ({ code: m.code, title: m.title, figure: figures[m.code] ?? null })),
      };
    }),
  };
}

import { z } from "zod";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/permissions";
import { getSeries, type SeriesView } from "../conferences/series.server";
import { DomainError, parseInput } from "../errors";
import type { ResultsOptions } from "./aggregate.server";
import type { Reader } from "./answers.server";
import { standingsIn, type MeasureStanding, type PlanResults } from "./plan.server";
import { minGroupSize, suppressSmallCells } from "./privacy";

/** What a series shows of one measure in one conference or district: the plan-wide figures' parts. */
export type SeriesFigures = {
  /** Among the measures discussed there (competition rank, as plan-wide). */
  rank: number;
  /** People who voted on it there. */
  participants: number;
  dots: { total: number; share: number };
  scale: { mean: number | null; shareAtLeast7: number | null } | null;
  rating: { criterion: string; max: number; mean: number | null }[];
};

export type SeriesMeasure = { id: string; code: string; title: string };

export type SeriesOverTime = {
  conferences: { id: string; title: string; startsAt: Date; participants: number }[];
  /** Measures discussed in any of them, in the plan's order; a cell per conference, null where not discussed. */
  rows: {
    measure: SeriesMeasure;
    cells: (SeriesFigures & {
      /** Places gained (+) or lost (−) since the last earlier conference that discussed it; null at its first. */
      movement: number | null;
    } | null)[];
  }[];
};

export type DistrictCell = ({ state: "shown" } & SeriesFigures) | { state: "suppressed" } | { state: "absent" };

export type DistrictComparison = {
  /** One column per district (a conference without one is left out: it compares with nothing). */
  districts: { district: string; conferences: { id: string; title: string; startsAt: Date }[] }[];
  rows: { measure: SeriesMeasure; cells: DistrictCell[] }[];
};

export type SeriesResults = {
  series: Omit<SeriesView, "conferences">;
  minGroupSize: number;
  overTime: SeriesOverTime | null;
  districts: DistrictComparison | null;
};

const seriesInput = z.object({ seriesId: z.string().uuid() });

/**
 * A series' results: recurring conferences over time, district forums side by side by district.
 * Each conference (or district) is read by the plan-wide standings narrowed to it, all at once:
 * one batch of the plan-wide queries per conference, in parallel, never one query per item.
 */
export async function seriesResults(db: Reader, actor: Actor, input: unknown, options: ResultsOptions = {}): Promise<SeriesResults> {
  authorize(actor, "results.view");
  const { seriesId } = parseInput(seriesInput, input, "common:error.notFoundText");
  const series = await getSeries(db, seriesId);
  if (!series) throw new DomainError("not_found", "common:error.notFoundText");
  const minimum = options.minGroupSize ?? minGroupSize();
  const plan = { id: series.plan.id, slug: series.plan.slug, title: series.plan.title };
  const scoped = (conferenceIds: string[]) => standingsIn(db, plan, { conferenceIds, minGroupSize: minimum });
  const { conferences, ...rest } = series;
  const head = { series: rest, minGroupSize: minimum };

  if (series.kind === "recurring") {
    const results = await Promise.all(conferences.map((c) => scoped([c.id])));
    return { ...head, overTime: overTime(conferences, results), districts: null };
  }
  const byDistrict = new Map<string, SeriesView["conferences"]>();
  for (const c of conferences) if (c.district) byDistrict.set(c.district, [...(byDistrict.get(c.district) ?? []), c]);
  const districts = [...byDistrict].map(([district, list]) => ({ district, conferences: list.map(({ id, title, startsAt }) => ({ id, title, startsAt })) }));
  const results = await Promise.all(districts.map((d) => scoped(d.conferences.map((c) => c.id))));
  return { ...head, overTime: null, districts: { districts, rows: compareDistricts(districts.map((d) => d.district), results, minimum) } };
}

const discussed = (s: MeasureStanding) => s.agendaItems > 0;

/** The figures a series (and a measure's participation history) shows of a standing. */
export function figuresOf(s: MeasureStanding): SeriesFigures {
  return {
    rank: s.rank,
    participants: s.participants,
    dots: { total: s.dots.total, share: s.dots.share },
    scale: s.scale ? { mean: s.scale.mean, shareAtLeast7: s.scale.shareAtLeast7 } : null,
    rating: s.rating.map((r) => ({ criterion: r.criterion, max: r.max, mean: r.summary.mean })),
  };
}

/** The measures discussed in any of the results, by code, each with its standing in each. */
function measuresIn(results: PlanResults[]): { measure: SeriesMeasure; standings: (MeasureStanding | null)[] }[] {
  // Every result lists all the plan's measures (ranked); by code they stay in one place across the columns.
  const order = results[0]?.measures.map((s) => s.measure).sort((a, b) => a.code.localeCompare(b.code, "de", { numeric: true })) ?? [];
  const lookups = results.map((r) => new Map(r.measures.filter(discussed).map((s) => [s.measure.id, s])));
  return order
    .map(({ id, code, title }) => ({ measure: { id, code, title }, standings: lookups.map((l) => l.get(id) ?? null) }))
    .filter((row) => row.standings.some(Boolean));
}

function overTime(conferences: SeriesView["conferences"], results: PlanResults[]): SeriesOverTime {
  return {
    conferences: conferences.map((c, i) => ({ id: c.id, title: c.title, startsAt: c.startsAt, participants: results[i]!.totals.participants })),
    rows: measuresIn(results).map(({ measure, standings }) => {
      let before: number | null = null;
      const cells = standings.map((s) => {
        if (!s) return null;
        const movement = before === null ? null : before - s.rank;
        before = s.rank;
        return { ...figuresOf(s), movement };
      });
      return { measure, cells };
    }),
  };
}

/**
 * Per measure, the districts side by side; a district where fewer than the minimum voted on it is
 * withheld, and with it as many more as suppressSmallCells needs so that no withheld figure can be
 * recovered by subtraction (decision 007).
 */
function compareDistricts(districts: string[], results: PlanResults[], minimum: number): DistrictComparison["rows"] {
  return measuresIn(results).map(({ measure, standings }) => {
    const raw = standings.flatMap((s, i) => (s ? [{ key: districts[i]!, participants: s.participants, figures: figuresOf(s) }] : []));
    const shown = new Set(suppressSmallCells(raw, minimum).flatMap((cell) => (cell.suppressed ? [] : [cell.key])));
    const cells = districts.map((district, i): DistrictCell => {
      const standing = standings[i];
      if (!standing) return { state: "absent" };
      return shown.has(district) ? { state: "shown", ...figuresOf(standing) } : { state: "suppressed" };
    });
    return { measure, cells };
  });
}

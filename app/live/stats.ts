import type { Distribution, Summary } from "./views";

/** Mean and median from a distribution of whole-number answers (value → weighted count). */
export function summarise(distribution: Distribution): Summary {
  const entries = Object.entries(distribution)
    .map(([value, count]) => [Number(value), count] as const)
    .filter(([, count]) => count > 0)
    .sort((a, b) => a[0] - b[0]);
  const count = entries.reduce((n, [, c]) => n + c, 0);
  if (count === 0) return { count: 0, mean: null, median: null, distribution };
  const mean = entries.reduce((sum, [v, c]) => sum + v * c, 0) / count;
  return { count, mean: round(mean), median: medianOf(entries, count), distribution };
}

function medianOf(entries: (readonly [number, number])[], count: number): number {
  // The median of an even count is the mean of the two middle answers.
  const lowerIndex = Math.floor((count - 1) / 2);
  const upperIndex = Math.floor(count / 2);
  let seen = 0;
  let lower: number | null = null;
  for (const [value, c] of entries) {
    seen += c;
    if (lower === null && seen > lowerIndex) lower = value;
    if (seen > upperIndex) return (lower! + value) / 2;
  }
  return lower!;
}

export function shareAtLeast(distribution: Distribution, threshold: number): number | null {
  let total = 0;
  let above = 0;
  for (const [value, count] of Object.entries(distribution)) {
    total += count;
    if (Number(value) >= threshold) above += count;
  }
  return total === 0 ? null : round(above / total);
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Borda count: with n options, first place earns n-1 points, last place 0. */
export function borda(ballots: string[][], options: string[]): Map<string, { points: number; firstPlaces: number }> {
  const scores = new Map(options.map((o) => [o, { points: 0, firstPlaces: 0 }]));
  const n = options.length;
  for (const ballot of ballots) {
    ballot.forEach((option, rank) => {
      const score = scores.get(option);
      if (!score) return;
      score.points += n - 1 - rank;
      if (rank === 0) score.firstPlaces += 1;
    });
  }
  return scores;
}

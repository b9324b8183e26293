import { round } from "../live/stats";
import type { Distribution } from "../live/views";

/**
 * How much the answers to one question agree (docs/decisions/007-results-aggregation-and-revisions.md):
 * 1 − σ / σmax, where σ is the standard deviation of the (weighted) answers and σmax = (max − min) / 2
 * the largest one possible on the scale, reached when half answer the lowest value and half the
 * highest. 1 means everybody gave the same answer; 0 means two equal camps at the two ends.
 */
export type Consensus = { value: number; level: ConsensusLevel };
export type ConsensusLevel = "agreement" | "mixed" | "divided";

export function consensus(distribution: Distribution, min: number, max: number): Consensus | null {
  let count = 0;
  let sum = 0;
  let squares = 0;
  for (const key in distribution) {
    const value = Number(key);
    const n = distribution[value]!;
    count += n;
    sum += value * n;
    squares += value * value * n;
  }
  // One answer always agrees with itself: that says nothing about the room.
  if (count < 2 || max <= min) return null;
  const mean = sum / count;
  const sd = Math.sqrt(Math.max(0, squares / count - mean * mean));
  const value = round(Math.max(0, 1 - sd / ((max - min) / 2)));
  return { value, level: value >= 0.7 ? "agreement" : value >= 0.4 ? "mixed" : "divided" };
}

import type { Distribution } from "../live/views";

/**
 * What the plan-wide results add up, in the same shapes whether an item's figures come from its
 * frozen snapshot or from the votes: one rollup and one distribution per question per agenda item.
 */
export type ItemRollup = {
  agendaItemId: string;
  measureId: string | null;
  clusterId: string | null;
  /** People who voted on the item (as the live result counts them). */
  voters: number;
  comments: number;
  dots: number;
  paperDots: number;
};

export type DistributionRow = {
  measureId: string | null;
  clusterId: string | null;
  kind: "rating" | "scale";
  criterion: string | null;
  /** The top of the rating range the item offered: answers on 1–5 and on 1–10 stay apart. */
  ratingMax: number | null;
  distribution: Distribution;
};

export type BordaRow = { measureId: string; points: number; firstPlaces: number; ballots: number };

export { anyOf } from "../live/results.server";

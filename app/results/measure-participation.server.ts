import { z } from "zod";
import type { Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { planBySlug, planMeasures } from "../catalogue/result-sources.server";
import { latestConferences, type ConferenceSummary } from "../conferences/conferences.server";
import { conferencesDiscussing } from "../live/result-sources.server";
import { DomainError, parseInput } from "../errors";
import { text } from "../text";
import type { ResultsOptions } from "./aggregate.server";
import type { Reader } from "./answers.server";
import { standingsIn } from "./plan.server";
import { minGroupSize, suppressSmallCells } from "./privacy";
import { figuresOf, type SeriesFigures } from "./series.server";

/**
 * How many of the latest conferences that discussed a measure its history lists. For staff each
 * is one batch of the plan-wide queries (as a series column is); conferences come a few a year.
 */
export const participationConferences = 20;

export type ParticipationEntry = {
  conference: ConferenceSummary;
  /**
   * The measure's figures there, for staff who view results; null for everyone else (the
   * conference's public feedback page is theirs) and where too few voted (`withheld`).
   */
  figures: SeriesFigures | null;
  withheld: boolean;
};

export type MeasureParticipation = { minGroupSize: number; entries: ParticipationEntry[] };

const participationInput = z.object({ planSlug: text({ min: 1, max: 100 }), code: text({ min: 1, max: 40 }) });

/**
 * A measure's participation history (issue 12): the conferences that put it before a room (as an
 * item of its own or among a ranking's measures), latest first, and for staff what came of it
 * there: its rank among the measures discussed, the people who voted, dots, scale and ratings.
 * Small groups are withheld across the conferences as in the district comparison, so no withheld
 * figure can be recovered from the plan-wide results by subtraction (decision 007).
 */
export async function measureParticipation(db: Reader, actor: Actor, input: unknown, options: ResultsOptions = {}): Promise<MeasureParticipation> {
  const { planSlug, code } = parseInput(participationInput, input, "common:error.notFoundText");
  const plan = await planBySlug(db, planSlug);
  const measure = plan && (await planMeasures(db, plan.id)).find((m) => m.code === code);
  if (!plan || !measure) throw new DomainError("not_found", "common:error.notFoundText");
  const minimum = options.minGroupSize ?? minGroupSize();
  const held = await latestConferences(db, await conferencesDiscussing(db, measure.id), participationConferences);
  // Everyone reads where; the figures are read only for those who may see them.
  if (!can(actor, "results.view")) {
    return { minGroupSize: minimum, entries: held.map((conference) => ({ conference, figures: null, withheld: false })) };
  }
  const discussed = await Promise.all(
    held.map(async (conference) => {
      const results = await standingsIn(db, plan, { conferenceIds: [conference.id], minGroupSize: minimum });
      return { conference, standing: results.measures.find((s) => s.measure.id === measure.id)! };
    }),
  );
  const raw = discussed.map(({ conference, standing }) => ({ key: conference.id, participants: standing.participants, figures: {} }));
  const shown = new Set(suppressSmallCells(raw, minimum).flatMap((cell) => (cell.suppressed ? [] : [cell.key])));
  return {
    minGroupSize: minimum,
    entries: discussed.map(({ conference, standing }) =>
      shown.has(conference.id) ? { conference, figures: figuresOf(standing), withheld: false } : { conference, figures: null, withheld: true },
    ),
  };
}

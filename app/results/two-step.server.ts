import { z } from "zod";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/permissions";
import { planGoalSummaries } from "../catalogue/goals.server";
import { planClusters } from "../catalogue/result-sources.server";
import { conferenceRefs, getConference, planConferenceIds } from "../conferences/conferences.server";
import { maySteerConference } from "../conferences/team.server";
import { isTwoStep } from "../conferences/kinds";
import { parseInput, notFound } from "../errors";
import type { Translations } from "../i18n/content";
import { loadItemsById } from "../live/items.server";
import type { GoalMeasureFigure } from "../live/views";
import { itemPlaces, itemsOfConferences, liveSessionsOf } from "../live/inputs.server";
import { frozenOrCounted, type ItemFigures } from "./aggregate.server";
import type { Reader } from "./answers.server";
import { combinedRanking, workingGroupFiguresOf, type CombinedRanking, type GoalRating, type WorkingGroup, type WorkingGroupFigure } from "./two-step";

export type TwoStepRanking = CombinedRanking & {
  /** `planLanguage`: the language of the catalogue's goals and measures (and of the sessions' titles). */
  conference: { id: string; title: string; titleTranslations: Translations; planSlug: string; planLanguage: string };
  /** The steering group's session (null if a moderator deleted it); while it runs, only the team sees its rating. */
  steering: { title: string; closed: boolean } | null;
  /** Some figures are of sessions still running, counted now: only the conference's team gets those. */
  includesRunning: boolean;
};

const rankingInput = z.object({ conferenceId: z.string().uuid() });

type Steps = {
  steering: { title: string; closed: boolean; items: ItemFigures[] } | null;
  workingGroups: WorkingGroup[];
  includesRunning: boolean;
};

/**
 * Both steps' sessions of a conference with their items' figures, in a fixed number of queries
 * however many goals, measures and working groups there are: the items of all sessions at once,
 * the frozen results in one read; only the counting of running sessions goes by session.
 * `closedOnly`: a running session's figures are withheld (its measures still named).
 */
async function stepsOf(db: Reader, conference: { id: string; planId: string }, closedOnly: boolean): Promise<Steps> {
  const [sessions, itemRows, fields] = await Promise.all([
    liveSessionsOf(db, conference.id, { closedOnly: false, order: "startedAt" }),
    itemsOfConferences(db, planConferenceIds(db, conference.planId, [conference.id])),
    planClusters(db, conference.planId),
  ]);
  const ids = itemRows.map((r) => r.id);
  const [items, places] = await Promise.all([loadItemsById(db, ids), itemPlaces(db, ids)]);
  const itemsOf = (sessionId: string) => items.filter((item) => places.get(item.id)?.liveSession.id === sessionId);
  const shown = sessions.filter((s) => s.step !== null && (!closedOnly || s.status === "closed"));
  const figures = await frozenOrCounted(db, shown.map((s) => ({ liveSession: s, items: itemsOf(s.id) })));
  const figuresOf = new Map(shown.map((s, i) => [s.id, figures[i]!]));
  const fieldTitle = new Map(fields.map((f) => [f.id, f.title]));
  const steering = sessions.find((s) => s.step === "steering_group");
  return {
    steering: steering ? { title: steering.title, closed: steering.status === "closed", items: figuresOf.get(steering.id) ?? [] } : null,
    workingGroups: sessions.flatMap((s) => {
      if (s.step !== "working_group") return [];
      const counted = figuresOf.get(s.id);
      const measures = (counted ?? itemsOf(s.id).map((item) => ({ item, result: null, frozenAt: null }))).flatMap(({ item, result, frozenAt }) =>
        item.kind === "measure" && item.measure
          ? [
              {
                code: item.measure.code,
                dots: result?.dots?.total ?? null,
                criteria: (result?.rating ?? []).map((r) => ({ criterion: r.criterion, mean: r.summary.mean })),
                voters: result?.voterCount ?? 0,
                frozen: frozenAt !== null,
              },
            ]
          : [],
      );
      return [{ liveSessionId: s.id, title: s.title, field: s.clusterId ? (fieldTitle.get(s.clusterId) ?? null) : null, withheld: !counted, measures }];
    }),
    includesRunning: shown.some((s) => s.status !== "closed"),
  };
}

/** The steering group's rating of each goal, by the goal's key. */
function ratingsOf(items: ItemFigures[]): Map<string, GoalRating> {
  const ratings = new Map<string, GoalRating>();
  for (const { item, result } of items) {
    if (item.kind !== "goal" || !item.goal || ratings.has(item.goal.key)) continue;
    ratings.set(item.goal.key, {
      criteria: (result.rating ?? []).map((r) => ({ criterion: r.criterion, mean: r.summary.mean })),
      raters: result.voterCount,
    });
  }
  return ratings;
}

/**
 * The combined ranking of a two-step prioritisation (decision 051): every goal of the plan ranked
 * by the steering group's rating, the first N named, each with its measures' working-group
 * results. Like sessionResults, figures of sessions not yet closed go only to the conference's
 * team; everybody else (and the printed report, `closedOnly`) gets the closed sessions' alone.
 * A conference that is not a two-step prioritisation has no such ranking: not found.
 */
export async function twoStepRanking(db: Reader, actor: Actor, input: unknown, options: { closedOnly?: boolean } = {}): Promise<TwoStepRanking> {
  authorize(actor, "catalogue.read");
  const { conferenceId } = parseInput(rankingInput, input);
  const [conference, ref] = await Promise.all([getConference(db, conferenceId), conferenceRefs(db, [conferenceId]).then((refs) => refs.get(conferenceId))]);
  if (!conference || !ref || !isTwoStep(conference)) throw notFound();
  const team = can(actor, "results.view") && (await maySteerConference(db, actor, conferenceId));
  const [steps, goals] = await Promise.all([stepsOf(db, ref, options.closedOnly === true || !team), planGoalSummaries(db, ref.planId)]);
  const ranking = combinedRanking(goals, ratingsOf(steps.steering?.items ?? []), workingGroupFiguresOf(steps.workingGroups), conference.goalsNamedFirst);
  return {
    ...ranking,
    conference: { id: conference.id, title: conference.title, titleTranslations: conference.titleTranslations, planSlug: conference.planSlug, planLanguage: ref.plan.language },
    steering: steps.steering && { title: steps.steering.title, closed: steps.steering.closed },
    includesRunning: steps.includesRunning,
  };
}

/**
 * Each measure's result in its working group, by code, for the steering session's screens to show
 * beside each goal. Those screens are the room's, so only closed working groups' figures show:
 * their results are public (decision 015); a running group's are withheld, as for the public.
 */
export async function workingGroupFigures(db: Reader, conferenceId: string): Promise<Record<string, GoalMeasureFigure>> {
  const [ref] = (await conferenceRefs(db, [conferenceId])).values();
  if (!ref) return {};
  const figures = workingGroupFiguresOf((await stepsOf(db, ref, true)).workingGroups);
  return Object.fromEntries(Object.entries(figures).map(([code, figure]) => [code, onScreen(figure)]));
}

/** A figure as the live screens show it: the group by its title, no rank where nobody voted. */
function onScreen({ workingGroup, state, rank, of, dots, ratingMean, voters }: WorkingGroupFigure): GoalMeasureFigure {
  return { workingGroup: workingGroup.title, released: state !== "withheld", rank: voters ? rank : null, of, dots, ratingMean, voters };
}

/**
 * The figures a live session's screens show beside its goals: a steering group's session gets its
 * working groups'; every other session none.
 */
export async function goalMeasureFigures(db: Reader, session: { step: string | null }, conferenceId: string): Promise<Record<string, GoalMeasureFigure>> {
  return session.step === "steering_group" ? workingGroupFigures(db, conferenceId) : {};
}

import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { indicatorValueSources } from "../../db/schema";
import type { Actor, StaffActor } from "../auth/actor";
import { authorize } from "../auth/permissions";
import { measureCodeInput, planSlug, reason } from "../catalogue/revision-schemas";
import { recordIndicatorValueIn, type RecordedIndicatorValue } from "../catalogue/revisions.server";
import { planIdOf, planRefs } from "../catalogue/summaries.server";
import { cityDay } from "../conferences/city-time";
import { conferenceRefs, conferencesOfPlan } from "../conferences/conferences.server";
import { DomainError, parseInput } from "../errors";
import { intlLocaleOf } from "../i18n/config";
import { itemPlaces } from "../live/inputs.server";
import { loadItemsById } from "../live/items.server";
import { closedScaleItemIds, closingTimes } from "../live/scale-items.server";
import type { AgendaItemView, Distribution } from "../live/views";
import { frozenResults } from "./frozen.server";

/**
 * A live session's 1–10 scale result recorded as an indicator value of a measure, in one step
 * (docs/decisions/043): the mean of the answers, frozen when the session closed, on the day it
 * closed, through the catalogue's own command (a new revision with the planner's reason), with
 * the link back to the agenda item it came from.
 */
type Reader = Pick<Db, "select">;

export const recordScaleResultSchema = z.object({
  planSlug,
  agendaItemId: z.string().uuid(),
  code: measureCodeInput,
  /** The indicator's number as the catalogue shows it, from 1. */
  indicator: z.coerce.number().int().min(1).max(30),
  reason,
});

/** The mean of whole-number answers (value → count), exactly; null without answers. */
export function meanOf(distribution: Distribution): { mean: number; answers: number } | null {
  let answers = 0;
  let sum = 0;
  for (const [value, count] of Object.entries(distribution)) {
    answers += count;
    sum += Number(value) * count;
  }
  return answers === 0 ? null : { mean: sum / answers, answers };
}

/** The mean as the catalogue's text: one decimal, in the plan's language ("7,4" in a German plan). */
export function meanText(mean: number, planLanguage: string): string {
  return new Intl.NumberFormat(intlLocaleOf(planLanguage), { maximumFractionDigits: 1, useGrouping: false }).format(mean);
}

const noResult = () => new DomainError("invalid", "progress:error.noScaleResult", { agendaItemId: "progress:error.noScaleResult" });

export async function recordScaleResult(db: Db, actor: Actor, input: unknown): Promise<RecordedIndicatorValue> {
  authorize(actor, "catalogue.edit");
  const planner = actor as StaffActor;
  const data = parseInput(recordScaleResultSchema, input);
  return db.transaction(async (tx) => {
    const place = (await itemPlaces(tx, [data.agendaItemId])).get(data.agendaItemId);
    if (!place) throw noResult();
    if (place.liveSession.status !== "closed") throw new DomainError("conflict", "results:error.sessionNotClosed");
    const scale = (await frozenResults(tx, [place.id])).get(place.id)?.scale;
    const figures = scale ? meanOf(scale.distribution) : null;
    if (!figures) throw noResult();
    const conference = (await conferenceRefs(tx, [place.conferenceId])).get(place.conferenceId)!;
    // A result counts for the plan its conference worked on, never another's measures.
    if (conference.plan.slug !== data.planSlug) throw noResult();
    const closedAt = (await closingTimes(tx, [place.liveSession.id])).get(place.liveSession.id);
    const recorded = await recordIndicatorValueIn(tx, planner, {
      planSlug: data.planSlug,
      code: data.code,
      indicator: data.indicator,
      reason: data.reason,
      recordedOn: cityDay(closedAt ?? new Date()),
      value: meanText(figures.mean, conference.plan.language),
    });
    const [earlier] = await tx
      .select({ id: indicatorValueSources.indicatorValueId })
      .from(indicatorValueSources)
      .where(and(eq(indicatorValueSources.agendaItemId, place.id), eq(indicatorValueSources.indicatorId, recorded.indicatorId)));
    // The plan is locked by now, so a second submit of the same form waits here and sees the first.
    if (earlier) throw new DomainError("conflict", "progress:error.alreadyRecorded", { agendaItemId: "progress:error.alreadyRecorded" });
    await tx.insert(indicatorValueSources).values({
      indicatorValueId: recorded.indicatorValueId,
      indicatorId: recorded.indicatorId,
      agendaItemId: place.id,
      statistic: "mean",
      answers: figures.answers,
    });
    return recorded;
  });
}

export type ValueSource = {
  liveSession: { id: string; title: string };
  conferenceId: string;
  agendaItemId: string;
  statistic: "mean";
  answers: number;
};

/** Where each of these indicator values came from, for those that are a session's result. */
export async function indicatorValueSourcesOf(db: Reader, indicatorValueIds: string[]): Promise<Map<string, ValueSource>> {
  if (indicatorValueIds.length === 0) return new Map();
  const rows = await db.select().from(indicatorValueSources).where(inArray(indicatorValueSources.indicatorValueId, indicatorValueIds));
  const places = await itemPlaces(db, rows.map((r) => r.agendaItemId));
  return new Map(
    rows.flatMap((r) => {
      const place = places.get(r.agendaItemId);
      if (!place) return [];
      const source: ValueSource = {
        liveSession: { id: place.liveSession.id, title: place.liveSession.title },
        conferenceId: place.conferenceId,
        agendaItemId: place.id,
        statistic: "mean",
        answers: r.answers,
      };
      return [[r.indicatorValueId, source] as const];
    }),
  );
}

export type ScaleResultChoice = {
  agendaItemId: string;
  liveSession: { id: string; title: string };
  item: Pick<AgendaItemView, "kind" | "question" | "measure" | "cluster" | "goal">;
  mean: string;
  answers: number;
};

/**
 * The scale results a planner can record for a plan: every scale item of its conferences' closed
 * sessions that has answers, newest session first. Staff with catalogue.edit only.
 */
export async function scaleResultChoices(db: Reader, actor: Actor, planSlug: string): Promise<ScaleResultChoice[]> {
  authorize(actor, "catalogue.edit");
  const planId = await planIdOf(db, planSlug);
  if (!planId) return [];
  const conferences = await conferencesOfPlan(db, planId);
  const ids = await closedScaleItemIds(db, conferences.map((c) => c.id));
  const [views, places, frozen, plans] = await Promise.all([loadItemsById(db, ids), itemPlaces(db, ids), frozenResults(db, ids), planRefs(db, [planId])]);
  const language = plans.get(planId)?.language ?? "de";
  const viewOf = new Map(views.map((v) => [v.id, v]));
  return ids.flatMap((id) => {
    const figures = frozen.get(id)?.scale ? meanOf(frozen.get(id)!.scale!.distribution) : null;
    const view = viewOf.get(id);
    const place = places.get(id);
    if (!figures || !view || !place) return [];
    return [
      {
        agendaItemId: id,
        liveSession: { id: place.liveSession.id, title: place.liveSession.title },
        item: { kind: view.kind, question: view.question, measure: view.measure, cluster: view.cluster, goal: view.goal },
        mean: meanText(figures.mean, language),
        answers: figures.answers,
      },
    ];
  });
}

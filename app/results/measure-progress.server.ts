import { redirect } from "@remix-run/node";
import type { Db } from "../../db/client";
import type { Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { measureProgress } from "../catalogue/progress.server";
import { cityDay } from "../conferences/city-time";
import { attempt, readSubmission } from "../forms.server";
import { indicatorValueSourcesOf, recordScaleResult, scaleResultChoices } from "./scale-to-indicator.server";

/** The form on the measure page that records a scale result (its intent and form id). */
export const recordScaleIntent = "recordScale";

/**
 * What the measure page shows of its indicators' progress (docs/decisions/043): each with its
 * values and status, where a value came from a live session, and for planners the scale results
 * they can record. Null for an unknown measure.
 */
export async function loadMeasureProgress(db: Db, actor: Actor, planSlug: string, code: string) {
  const indicators = await measureProgress(db, planSlug, code, cityDay(new Date()));
  if (!indicators) return null;
  const sources = await indicatorValueSourcesOf(db, indicators.flatMap((i) => i.values.map((v) => v.id)));
  return {
    indicators,
    sources: Object.fromEntries(sources),
    choices: can(actor, "catalogue.edit") ? await scaleResultChoices(db, actor, planSlug) : null,
  };
}
export type MeasureProgressData = NonNullable<Awaited<ReturnType<typeof loadMeasureProgress>>>;

/** The measure page's action: the form's reply when refused, else back to the page's progress section. */
export async function recordScaleFromForm(request: Request, db: Db, actor: Actor, planSlug: string, code: string) {
  const submission = await readSubmission(request, recordScaleIntent);
  const result = await attempt(submission, () => recordScaleResult(db, actor, { ...submission.fields, planSlug, code }));
  if (!result.ok) return result.reply;
  return redirect(`/plans/${encodeURIComponent(planSlug)}/measures/${encodeURIComponent(result.value.measure.code)}?recorded=${result.value.revision.number}#progress-title`);
}

import { and, asc, eq, isNull, ne, or } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { conferences, conferenceSeries, seriesKind } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/permissions";
import { planIdOf, planRefs, type PlanRef } from "../catalogue/summaries.server";
import { DomainError, parseInput } from "../errors";
import { text } from "../text";

type Reader = Pick<Db, "select">;

export const seriesKinds = seriesKind.enumValues;
export type SeriesKind = (typeof seriesKinds)[number];

export type SeriesSummary = { id: string; title: string; kind: SeriesKind; plan: PlanRef };

/** A series with its conferences, earliest first: the order its results are read in. */
export type SeriesView = SeriesSummary & {
  conferences: { id: string; title: string; startsAt: Date; district: string | null }[];
};

const createSeriesInput = z.object({
  planSlug: text({ min: 1, max: 100 }),
  kind: z.enum(seriesKinds),
  title: text({ min: 1, max: 200 }),
});

/** A planner starts a series on a plan; conferences join it when they are created, or later (fileConference). */
export async function createSeries(db: Db, actor: Actor, input: unknown): Promise<{ id: string }> {
  authorize(actor, "series.manage");
  const data = parseInput(createSeriesInput, input);
  return db.transaction(async (tx) => {
    const planId = await planIdOf(tx, data.planSlug);
    if (!planId) throw new DomainError("invalid", "common:validation.invalid", { planSlug: "common:validation.invalidValue" });
    const [row] = await tx
      .insert(conferenceSeries)
      .values({ planId, kind: data.kind, title: data.title, createdBy: actor.kind === "staff" ? actor.userId : null })
      .returning({ id: conferenceSeries.id });
    return { id: row!.id };
  });
}

/**
 * Every series, for staff: the conference form offers them (a moderator creating a conference
 * picks one), the series list links them.
 */
export async function listSeries(db: Reader, actor: Actor): Promise<SeriesSummary[]> {
  authorize(actor, "conference.manage");
  const rows = await db
    .select({ id: conferenceSeries.id, title: conferenceSeries.title, kind: conferenceSeries.kind, planId: conferenceSeries.planId })
    .from(conferenceSeries)
    .orderBy(asc(conferenceSeries.title));
  const plans = await planRefs(db, rows.map((r) => r.planId));
  return rows.map(({ planId, ...row }) => ({ ...row, plan: plans.get(planId)! }));
}

/** A series and its conferences, or null; results read it before their own queries. */
export async function getSeries(db: Reader, id: string): Promise<SeriesView | null> {
  if (!z.string().uuid().safeParse(id).success) return null;
  const [[series], members] = await Promise.all([
    db.select().from(conferenceSeries).where(eq(conferenceSeries.id, id)),
    db
      .select({ id: conferences.id, title: conferences.title, startsAt: conferences.startsAt, district: conferences.district })
      .from(conferences)
      .where(eq(conferences.seriesId, id))
      .orderBy(asc(conferences.startsAt), asc(conferences.title)),
  ]);
  if (!series) return null;
  const plan = (await planRefs(db, [series.planId])).get(series.planId)!;
  return { id: series.id, title: series.title, kind: series.kind, plan, conferences: members };
}

/** Inside createConference's transaction: the series must be one of the conference's plan. */
export async function checkSeriesOfPlan(tx: Reader, seriesId: string, planId: string): Promise<void> {
  const [row] = await tx.select({ planId: conferenceSeries.planId }).from(conferenceSeries).where(eq(conferenceSeries.id, seriesId));
  if (row?.planId !== planId) throw new DomainError("invalid", "common:validation.invalid", { seriesId: "conferences:series.otherPlan" });
}

const fileConferenceInput = z.object({
  conferenceId: z.string().uuid(),
  /** Empty takes the conference out of its series. */
  seriesId: z.union([z.literal(""), z.string().uuid()]).transform((id) => id || null),
});

/**
 * A planner files a conference held before its series existed into it (or takes one out): a
 * series frames how results are read, so it is the planners' call, like starting one. The series
 * must be of the conference's plan, checked on the locked conference.
 */
export async function fileConference(db: Db, actor: Actor, input: unknown): Promise<void> {
  authorize(actor, "series.manage");
  const data = parseInput(fileConferenceInput, input);
  await db.transaction(async (tx) => {
    const [conference] = await tx.select({ planId: conferences.planId }).from(conferences).where(eq(conferences.id, data.conferenceId)).for("update");
    if (!conference) throw new DomainError("not_found", "common:error.notFoundText");
    if (data.seriesId) await checkSeriesOfPlan(tx, data.seriesId, conference.planId);
    await tx.update(conferences).set({ seriesId: data.seriesId }).where(eq(conferences.id, data.conferenceId));
  });
}

/** A plan's conferences outside a series, earliest first: what a planner may file into it. */
export async function conferencesOutside(db: Reader, seriesId: string, planId: string): Promise<{ id: string; title: string; startsAt: Date }[]> {
  return db
    .select({ id: conferences.id, title: conferences.title, startsAt: conferences.startsAt })
    .from(conferences)
    .where(and(eq(conferences.planId, planId), or(isNull(conferences.seriesId), ne(conferences.seriesId, seriesId))))
    .orderBy(asc(conferences.startsAt));
}

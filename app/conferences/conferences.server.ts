import { and, asc, desc, eq, gte, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { conferences } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/permissions";
import { planIdOf, planRefs, type PlanRef } from "../catalogue/summaries.server";
import { DomainError, invalidInput } from "../errors";
import { languages } from "../i18n/config";
import type { Translations } from "../i18n/content";
import { refuseUnoffered, translationsSchema } from "../i18n/content-input";
import { conferenceDescriptionMax, conferenceTitleMax } from "./limits";
import { districtLines, maxDistrictLength, maxDistricts } from "./districts";
import { conferenceKinds, conferenceMethods, type ConferenceMethod } from "./kinds";
import { checkSeriesOfPlan } from "./series.server";
import { addCreator, authorizeConference, steerableConferences } from "./team.server";
import { optionalText, text } from "../text";

/**
 * A conference's own texts: German in `title` and `description`, the other languages beside them
 * (docs/decisions/046); every page picks its reader's through i18n/content's pickText.
 */
export type ConferenceTexts = {
  title: string;
  titleTranslations: Translations;
  description: string | null;
  descriptionTranslations: Translations;
};

export type ConferenceView = ConferenceTexts & {
  id: string;
  kind: (typeof conferenceKinds)[number];
  startsAt: Date;
  place: string | null;
  district: string | null;
  /** The districts participants choose from; null: Bielefeld's (app/conferences/districts.ts). */
  districts: string[] | null;
  languages: string[];
  planSlug: string;
  planTitle: string;
  /** Set for a two-step prioritisation: how many goals its combined ranking names first (decision 051). */
  goalsNamedFirst: number | null;
};

const conferenceColumns = {
  id: conferences.id,
  title: conferences.title,
  titleTranslations: conferences.titleTranslations,
  description: conferences.description,
  descriptionTranslations: conferences.descriptionTranslations,
  kind: conferences.kind,
  startsAt: conferences.startsAt,
  place: conferences.place,
  district: conferences.district,
  districts: conferences.districts,
  languages: conferences.languages,
  goalsNamedFirst: conferences.goalsNamedFirst,
  planId: conferences.planId,
};

/** The conferences with their plan's slug and title, the plans read in one batch from the catalogue. */
async function withPlans(db: Reader, rows: (Omit<ConferenceView, "planSlug" | "planTitle"> & { planId: string })[]): Promise<ConferenceView[]> {
  const plansById = await planRefs(db, rows.map((r) => r.planId));
  return rows.map(({ planId, ...row }) => ({ ...row, planSlug: plansById.get(planId)!.slug, planTitle: plansById.get(planId)!.title }));
}

type Reader = Pick<Db, "select">;

export async function listUpcomingConferences(db: Reader, now = new Date()): Promise<ConferenceView[]> {
  return withPlans(db, await db.select(conferenceColumns).from(conferences).where(gte(conferences.startsAt, now)).orderBy(asc(conferences.startsAt)).limit(20));
}

/**
 * Every conference, for staff: each says whether the actor may steer it (is on its team), so the
 * list links only those; that the others exist, and when, is no secret among colleagues.
 */
export async function listConferences(db: Reader, actor: Actor): Promise<(ConferenceView & { steerable: boolean })[]> {
  authorize(actor, "conference.manage");
  const [rows, steerable] = await Promise.all([
    db.select(conferenceColumns).from(conferences).orderBy(desc(conferences.startsAt)).then((list) => withPlans(db, list)),
    steerableConferences(db, actor),
  ]);
  return rows.map((row) => ({ ...row, steerable: steerable === "all" || steerable.has(row.id) }));
}

export async function getConference(db: Reader, id: string): Promise<ConferenceView | null> {
  if (!z.string().uuid().safeParse(id).success) return null;
  const [row] = await withPlans(db, await db.select(conferenceColumns).from(conferences).where(eq(conferences.id, id)));
  return row ?? null;
}

/** A conference as the rooms above name it: its title and its plan (the plan's language for fallbacks). */
export type ConferenceRef = { id: string; title: string; titleTranslations: Translations; planId: string; plan: PlanRef };

export async function conferenceRefs(db: Reader, ids: string[]): Promise<Map<string, ConferenceRef>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: conferences.id, title: conferences.title, titleTranslations: conferences.titleTranslations, planId: conferences.planId })
    .from(conferences)
    .where(inArray(conferences.id, [...new Set(ids)]));
  const plansById = await planRefs(db, rows.map((r) => r.planId));
  return new Map(rows.map((r) => [r.id, { ...r, plan: plansById.get(r.planId)! }]));
}

/** The conferences held on a plan, for reads across all of them (the planners' inbox). */
export async function conferencesOfPlan(db: Reader, planId: string): Promise<{ id: string; title: string }[]> {
  return db.select({ id: conferences.id, title: conferences.title }).from(conferences).where(eq(conferences.planId, planId));
}

/**
 * The ids of a plan's conferences as a subquery, for plan-wide reads done in one query; `only`
 * narrows them to some (a series' conference, a district's forums).
 */
export function planConferenceIds(db: Reader, planId: string, only?: string[]) {
  const ofPlan = eq(conferences.planId, planId);
  return db
    .select({ id: conferences.id })
    .from(conferences)
    .where(only ? and(ofPlan, inArray(conferences.id, only)) : ofPlan);
}

export type ConferenceSummary = { id: string; title: string; titleTranslations: Translations; startsAt: Date; place: string | null };

/** Of the given conferences, the `limit` that start latest, latest first. */
export async function latestConferences(db: Reader, ids: string[], limit: number): Promise<ConferenceSummary[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: conferences.id, title: conferences.title, titleTranslations: conferences.titleTranslations, startsAt: conferences.startsAt, place: conferences.place })
    .from(conferences)
    .where(inArray(conferences.id, ids))
    .orderBy(desc(conferences.startsAt))
    .limit(limit);
}

/** The texts a conference is created with and its team may change later, German and translated. */
const textsSchema = {
  title: text({ min: 1, max: conferenceTitleMax }),
  titleTranslations: translationsSchema(conferenceTitleMax),
  description: optionalText(conferenceDescriptionMax),
  descriptionTranslations: translationsSchema(conferenceDescriptionMax),
};

/**
 * Translations only into the languages the conference offers, and a description's only beside
 * its German: nobody could choose another language, and a German reader would read nothing.
 */
function refuseStrayTranslations(data: z.output<z.ZodObject<typeof textsSchema>>, offered: readonly string[]) {
  if (!data.description && Object.keys(data.descriptionTranslations).length > 0) {
    throw new DomainError("invalid", "conferences:create.descriptionMissing", { description: "conferences:create.descriptionMissing" });
  }
  refuseUnoffered(
    { titleTranslations: data.titleTranslations, descriptionTranslations: data.descriptionTranslations },
    offered,
    "conferences:create.languageNotOffered",
  );
}

const createConferenceSchema = z.object({
  planSlug: text({ min: 1, max: 100 }),
  kind: z.enum(conferenceKinds),
  /** The form's choice; absent from callers that are not the form. */
  method: z.enum(conferenceMethods).optional(),
  ...textsSchema,
  startsAt: z.coerce.date(),
  place: optionalText(200),
  district: optionalText(200),
  /** One a line; empty keeps Bielefeld's Stadtbezirke. */
  districts: z
    .string()
    .max(maxDistricts * (maxDistrictLength + 2))
    .transform(districtLines)
    .refine((list) => list.length <= maxDistricts && list.every((d) => d.length <= maxDistrictLength))
    .optional(),
  languages: z.array(z.enum(languages)).min(1),
  /** A series of the same plan; the form's "none" sends an empty value. */
  seriesId: z
    .union([z.literal(""), z.string().uuid()])
    .optional()
    .transform((id) => id || null),
});

export type ConferenceInput = z.output<typeof createConferenceSchema>;

/**
 * A new conference's fields validated, before anything is written (the method templates build on
 * it). A form that names another method than the command's is refused, not quietly made the
 * command's kind of conference.
 */
export function conferenceInput(input: unknown, method: ConferenceMethod): ConferenceInput {
  const parsed = createConferenceSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  if (parsed.data.method && parsed.data.method !== method) {
    throw new DomainError("invalid", "common:validation.invalid", { method: "common:validation.invalidValue" });
  }
  refuseStrayTranslations(parsed.data, parsed.data.languages);
  return parsed.data;
}

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * Writes a validated conference inside the caller's transaction, with its creator on its team;
 * `goalsNamedFirst` marks a two-step prioritisation (docs/decisions/051).
 */
export async function insertConference(tx: Tx, actor: Actor, data: ConferenceInput, options: { goalsNamedFirst?: number } = {}) {
  const planId = await planIdOf(tx, data.planSlug);
  if (!planId) throw new DomainError("invalid", "common:validation.invalid", { planSlug: "common:validation.invalidValue" });
  if (data.seriesId) await checkSeriesOfPlan(tx, data.seriesId, planId);
  const [row] = await tx
    .insert(conferences)
    .values({
      planId,
      kind: data.kind,
      title: data.title,
      titleTranslations: data.titleTranslations,
      description: data.description ?? null,
      descriptionTranslations: data.descriptionTranslations,
      startsAt: data.startsAt,
      place: data.place ?? null,
      district: data.district ?? null,
      districts: data.districts?.length ? data.districts : null,
      languages: [...new Set(data.languages)],
      seriesId: data.seriesId,
      goalsNamedFirst: options.goalsNamedFirst ?? null,
      createdBy: actor.kind === "staff" ? actor.userId : null,
    })
    .returning({ id: conferences.id });
  // Whoever creates a conference is its first team member, or nobody but the admins could steer it.
  if (actor.kind === "staff") await addCreator(tx, row!.id, actor.userId);
  return { id: row!.id, planId, languages: [...new Set(data.languages)] };
}

export async function createConference(db: Db, actor: Actor, input: unknown): Promise<{ id: string }> {
  authorize(actor, "conference.create");
  const data = conferenceInput(input, "free");
  const { id } = await db.transaction((tx) => insertConference(tx, actor, data));
  return { id };
}

const updateConferenceTextsSchema = z.object({ conferenceId: z.string().uuid(), ...textsSchema });

/**
 * Its team changes a conference's title and description and their translations, which often
 * arrive after the conference was set up. Live screens read the new texts when they next load.
 */
export async function updateConferenceTexts(db: Db, actor: Actor, input: unknown): Promise<void> {
  authorize(actor, "conference.manage");
  const parsed = updateConferenceTextsSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const data = parsed.data;
  await authorizeConference(db, actor, "conference.manage", data.conferenceId);
  await db.transaction(async (tx) => {
    const [conference] = await tx
      .select({ languages: conferences.languages })
      .from(conferences)
      .where(eq(conferences.id, data.conferenceId))
      .for("update");
    if (!conference) throw new DomainError("not_found", "common:error.notFoundText");
    refuseStrayTranslations(data, conference.languages);
    await tx
      .update(conferences)
      .set({
        title: data.title,
        titleTranslations: data.titleTranslations,
        description: data.description ?? null,
        descriptionTranslations: data.descriptionTranslations,
      })
      .where(eq(conferences.id, data.conferenceId));
  });
}

import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { measureTranslations, planRevisions, plans } from "../../db/schema";
import type { Actor, StaffActor } from "../auth/actor";
import { authorize } from "../auth/permissions";
import { DomainError, parseInput } from "../errors";
import { languages } from "../i18n/config";
import { text } from "../text";
import { measureTextFields, type TranslatableField } from "./measure-fields";
import { findMeasure, type Tx } from "./revisions.server";
import { measureCodeInput, planSlug } from "./revision-schemas";
import { isOutdated } from "./translated";
import { translationFields, versionsOf } from "./translations.server";

/**
 * The translators' commands (docs/decisions/041): save a translation, confirm that an outdated
 * one still matches the German, mark one reviewed. Each names the plan revision whose German the
 * translator had in front of them (`seenRevision`): a decision that changed the German meanwhile
 * leaves a saved translation outdated, and refuses a confirmation.
 */
const blank = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);
const optionalLong = z.preprocess(blank, text({ min: 1, max: 20_000 }).nullable()).optional();

const refSchema = z.object({
  planSlug,
  code: measureCodeInput,
  language: z.enum(languages),
  seenRevision: z.coerce.number().int().min(1),
});

export const saveTranslationSchema = refSchema.extend({
  state: z.enum(["draft", "reviewed"]),
  title: text({ min: 1, max: 300 }),
  summary: z.preprocess(blank, text({ min: 1, max: 1000 }).nullable()).optional(),
  ...(Object.fromEntries(measureTextFields.map((f) => [f, optionalLong])) as Record<(typeof measureTextFields)[number], typeof optionalLong>),
});
export const settleTranslationSchema = refSchema;

export type TranslationChange = { planSlug: string; code: string; language: string; revision: number };

function translator(actor: Actor): StaffActor {
  authorize(actor, "catalogue.translate");
  return actor as StaffActor;
}

/** The plan, its revision the translator saw, and the measure; the plan's own language is no translation. */
async function target(tx: Tx, data: z.infer<typeof refSchema>) {
  const [plan] = await tx.select().from(plans).where(eq(plans.slug, data.planSlug));
  if (!plan) throw new DomainError("not_found", "common:error.notFoundText");
  if (data.language === plan.language) {
    throw new DomainError("invalid", "catalogue:translations.error.originalLanguage", { language: "common:validation.invalidValue" });
  }
  const [revision] = await tx
    .select({ id: planRevisions.id })
    .from(planRevisions)
    .where(and(eq(planRevisions.planId, plan.id), eq(planRevisions.number, data.seenRevision)));
  if (!revision) throw new DomainError("invalid", "common:validation.invalid", { seenRevision: "common:validation.invalidValue" });
  const measure = await findMeasure(tx, plan.id, data.code);
  return { plan, revisionId: revision.id, measure };
}

/** Writes the translation as the translator typed it, based on the German they saw. */
export async function saveMeasureTranslation(db: Db, actor: Actor, input: unknown): Promise<TranslationChange> {
  const staff = translator(actor);
  const data = parseInput(saveTranslationSchema, input);
  return db.transaction(async (tx) => {
    const { revisionId, measure } = await target(tx, data);
    const fields = Object.fromEntries(
      (["title", "summary", ...measureTextFields] as TranslatableField[]).map((f) => [f, data[f] ?? null]),
    ) as Record<TranslatableField, string | null> & { title: string };
    const values = { ...fields, state: data.state, baseRevisionId: revisionId, updatedBy: staff.userId, updatedAt: new Date() };
    await tx
      .insert(measureTranslations)
      .values({ measureId: measure.id, language: data.language, ...values })
      .onConflictDoUpdate({ target: [measureTranslations.measureId, measureTranslations.language], set: values });
    return { planSlug: data.planSlug, code: measure.code, language: data.language, revision: data.seenRevision };
  });
}

/**
 * Moves a translation's base to the revision the translator saw: it still says what the German
 * says. Refused when the German changed after that revision, in a field the translation covers.
 */
async function settle(db: Db, actor: Actor, input: unknown, state?: "reviewed"): Promise<TranslationChange> {
  const staff = translator(actor);
  const data = parseInput(settleTranslationSchema, input);
  return db.transaction(async (tx) => {
    const { revisionId, measure } = await target(tx, data);
    const [row] = await tx
      .select()
      .from(measureTranslations)
      .where(and(eq(measureTranslations.measureId, measure.id), eq(measureTranslations.language, data.language)))
      .for("update");
    if (!row) throw new DomainError("not_found", "catalogue:translations.error.missing");
    const seen = (await versionsOf(tx, [measure.id])).get(measure.id)?.find((v) => v.number <= data.seenRevision)?.fields ?? null;
    if (isOutdated(translationFields(row), seen, measure as unknown as Record<string, unknown>)) {
      throw new DomainError("conflict", "catalogue:translations.error.changedMeanwhile");
    }
    await tx
      .update(measureTranslations)
      .set({ baseRevisionId: revisionId, updatedBy: staff.userId, updatedAt: new Date(), ...(state ? { state } : {}) })
      .where(and(eq(measureTranslations.measureId, measure.id), eq(measureTranslations.language, data.language)));
    return { planSlug: data.planSlug, code: measure.code, language: data.language, revision: data.seenRevision };
  });
}

/** "Still matches": an outdated translation becomes current again, its text unchanged. */
export function confirmMeasureTranslation(db: Db, actor: Actor, input: unknown): Promise<TranslationChange> {
  return settle(db, actor, input);
}

/** A person checked the translation against the German they saw: reviewed, and current. */
export function reviewMeasureTranslation(db: Db, actor: Actor, input: unknown): Promise<TranslationChange> {
  return settle(db, actor, input, "reviewed");
}

export const translationFileSchema = z.object({
  meta: z.object({ language: z.enum(languages), state: z.enum(["draft", "machine"]), note: z.string().optional() }),
  measures: z.record(z.string(), z.object({ title: text({ min: 1, max: 300 }), summary: z.preprocess(blank, text({ min: 1, max: 1000 }).nullable()).optional() })),
});
export type TranslationFile = z.infer<typeof translationFileSchema>;

/**
 * Loads a file of translations (title and summary per measure code) into a plan, as made by no
 * one and based on the plan's current revision; a translation that exists is left as it is, so a
 * reviewer's work survives loading again. A code the plan lacks is an error in the file.
 */
export async function importMeasureTranslations(db: Db, planSlug: string, input: unknown): Promise<number> {
  const file = translationFileSchema.parse(input);
  return db.transaction(async (tx) => {
    const [plan] = await tx.select().from(plans).where(eq(plans.slug, planSlug));
    if (!plan) throw new Error(`no plan ${planSlug}`);
    if (file.meta.language === plan.language) throw new Error(`${planSlug}: ${file.meta.language} is the plan's own language`);
    const [revision] = await tx
      .select({ id: planRevisions.id })
      .from(planRevisions)
      .where(eq(planRevisions.planId, plan.id))
      .orderBy(desc(planRevisions.number))
      .limit(1);
    const rows = [];
    for (const [code, texts] of Object.entries(file.measures)) {
      const measure = await findMeasure(tx, plan.id, code).catch(() => {
        throw new Error(`${planSlug}/${file.meta.language}: no measure ${code}`);
      });
      rows.push({ measureId: measure.id, language: file.meta.language, title: texts.title, summary: texts.summary ?? null, state: file.meta.state, baseRevisionId: revision!.id });
    }
    if (rows.length === 0) return 0;
    const added = await tx.insert(measureTranslations).values(rows).onConflictDoNothing().returning({ id: measureTranslations.measureId });
    return added.length;
  });
}

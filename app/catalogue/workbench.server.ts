import { asc, desc, eq, sql, and } from "drizzle-orm";
import type { Db } from "../../db/client";
import { measures, planRevisions, plans } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/permissions";
import { staffNames } from "../auth/staff-names.server";
import { notFound } from "../errors";
import { languages } from "../i18n/config";
import { measureTextFields, type TranslatableField } from "./measure-fields";
import { workbenchStatuses, type WorkbenchStatus } from "./translated";
import { loadTranslations, type StoredTranslation } from "./translations.server";

/**
 * The translation workbench (docs/decisions/041): per plan and language, which measures lack a
 * translation, which are outdated, which await a review; and one measure's German beside its
 * translation.
 */

export function statusOf(translation: StoredTranslation | undefined): WorkbenchStatus {
  if (!translation) return "missing";
  if (translation.outdated) return "outdated";
  return translation.state === "reviewed" ? "reviewed" : "unreviewed";
}


async function planFor(db: Db, actor: Actor, slug: string, language: string) {
  authorize(actor, "catalogue.translate");
  const [plan] = await db.select().from(plans).where(eq(plans.slug, slug));
  if (!plan) throw notFound();
  const targets = languages.filter((l) => l !== plan.language);
  if (!(targets as string[]).includes(language)) throw notFound();
  const [revision] = await db
    .select({ number: planRevisions.number })
    .from(planRevisions)
    .where(eq(planRevisions.planId, plan.id))
    .orderBy(desc(planRevisions.number))
    .limit(1);
  return { plan, targets, revision: revision?.number ?? 1 };
}

export type WorkbenchRow = { code: string; title: string; status: WorkbenchStatus; state: StoredTranslation["state"] | null; updatedAt: Date | null };

export async function translationWorkbench(db: Db, actor: Actor, slug: string, language: string) {
  const { plan, targets } = await planFor(db, actor, slug, language);
  const rows = await db
    .select({ id: measures.id, code: measures.code, title: measures.title })
    .from(measures)
    .where(eq(measures.planId, plan.id))
    .orderBy(asc(measures.position));
  const translations = await loadTranslations(db, rows.map((r) => r.id), [language]);
  const list: WorkbenchRow[] = rows.map((m) => {
    const t = translations.get(m.id)?.[0];
    return { code: m.code, title: m.title, status: statusOf(t), state: t?.state ?? null, updatedAt: t?.updatedAt ?? null };
  });
  const counts = Object.fromEntries(workbenchStatuses.map((s) => [s, list.filter((r) => r.status === s).length])) as Record<WorkbenchStatus, number>;
  return { plan: { slug: plan.slug, title: plan.title, language: plan.language }, language, languages: targets, measures: list, counts };
}

/** The German fields beside the translation, in the order the editor shows them. */
export const editorFields: TranslatableField[] = ["title", "summary", ...measureTextFields];

export async function translationEditor(db: Db, actor: Actor, slug: string, code: string, language: string) {
  const { plan, revision } = await planFor(db, actor, slug, language);
  const [measure] = await db
    .select()
    .from(measures)
    .where(and(eq(measures.planId, plan.id), sql`lower(${measures.code}) = lower(${code})`));
  if (!measure) throw notFound();
  const translation = (await loadTranslations(db, [measure.id], [language])).get(measure.id)?.[0] ?? null;
  const names = await staffNames(db, [translation?.updatedBy ?? null]);
  const original = Object.fromEntries(editorFields.map((f) => [f, f === "summary" ? null : (measure[f] ?? null)])) as Record<TranslatableField, string | null>;
  return {
    plan: { slug: plan.slug, title: plan.title, language: plan.language },
    code: measure.code,
    language,
    /** The revision whose German the page shows: the form sends it back as `seenRevision`. */
    revision,
    original,
    translation: translation && {
      fields: translation.fields,
      state: translation.state,
      status: statusOf(translation),
      baseRevision: translation.baseRevision,
      changedSources: translation.changedSources,
      updatedBy: translation.updatedBy ? (names.get(translation.updatedBy) ?? null) : null,
      updatedAt: translation.updatedAt,
    },
  };
}
export type TranslationEditor = Awaited<ReturnType<typeof translationEditor>>;
export type TranslationWorkbench = Awaited<ReturnType<typeof translationWorkbench>>;

import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { measures, measureTranslations, measureVersions, planRevisions } from "../../db/schema";
import { translatableFields, type TranslatableField } from "./measure-fields";
import { isOutdated, type TranslatedTexts, type TranslationState } from "./translated";

/**
 * Reading measure translations with their outdatedness (docs/decisions/041): a translation is
 * compared with the measure as it stood in its base revision (the newest measure_version at or
 * before it) and the measure as it stands now, in the German fields it covers.
 */
type Reader = Pick<Db, "select">;
type TranslationRow = typeof measureTranslations.$inferSelect;

export type StoredTranslation = TranslatedTexts & {
  measureId: string;
  baseRevision: number;
  updatedBy: string | null;
  updatedAt: Date;
  /** German fields (title, text fields) whose text changed since the base revision. */
  changedSources: string[];
};

export function translationFields(row: Pick<TranslationRow, TranslatableField>): Partial<Record<TranslatableField, string | null>> {
  return Object.fromEntries(translatableFields.map((f) => [f, row[f] ?? null]));
}

/** The measure's German as it stood in each plan revision number, newest first. */
export async function versionsOf(db: Reader, measureIds: string[]) {
  if (measureIds.length === 0) return new Map<string, { number: number; fields: Record<string, unknown> }[]>();
  const rows = await db
    .select({ measureId: measureVersions.measureId, number: planRevisions.number, fields: measureVersions.fields })
    .from(measureVersions)
    .innerJoin(planRevisions, eq(planRevisions.id, measureVersions.revisionId))
    .where(inArray(measureVersions.measureId, measureIds))
    .orderBy(desc(planRevisions.number));
  const byMeasure = new Map<string, { number: number; fields: Record<string, unknown> }[]>();
  for (const r of rows) byMeasure.set(r.measureId, [...(byMeasure.get(r.measureId) ?? []), r]);
  return byMeasure;
}

/** The German fields of a snapshot that changed between two states, in the order of the sources. */
function changedBetween(base: Record<string, unknown> | null, current: Record<string, unknown>, sources: Iterable<string>): string[] {
  return [...sources].filter((f) => !base || (base[f] ?? null) !== (current[f] ?? null));
}

/**
 * Translations of the given measures (only the given languages, when named), each with whether
 * the German changed since in a field it covers.
 */
export async function loadTranslations(db: Reader, measureIds: string[], languages?: string[]): Promise<Map<string, StoredTranslation[]>> {
  const result = new Map<string, StoredTranslation[]>();
  if (measureIds.length === 0 || languages?.length === 0) return result;
  const rows = await db
    .select({ t: measureTranslations, baseNumber: planRevisions.number })
    .from(measureTranslations)
    .innerJoin(planRevisions, eq(planRevisions.id, measureTranslations.baseRevisionId))
    .where(and(inArray(measureTranslations.measureId, measureIds), languages ? inArray(measureTranslations.language, languages) : undefined))
    .orderBy(asc(measureTranslations.language));
  if (rows.length === 0) return result;
  const translated = [...new Set(rows.map((r) => r.t.measureId))];
  const [current, versions] = await Promise.all([
    db.select().from(measures).where(inArray(measures.id, translated)),
    versionsOf(db, translated),
  ]);
  const currentById = new Map(current.map((m) => [m.id, m as unknown as Record<string, unknown>]));
  for (const { t, baseNumber } of rows) {
    const fields = translationFields(t);
    const now = currentById.get(t.measureId)!;
    const base = versions.get(t.measureId)?.find((v) => v.number <= baseNumber)?.fields ?? null;
    const outdated = isOutdated(fields, base, now);
    const stored: StoredTranslation = {
      measureId: t.measureId,
      language: t.language,
      state: t.state as TranslationState,
      outdated,
      fields,
      baseRevision: baseNumber,
      updatedBy: t.updatedBy,
      updatedAt: t.updatedAt,
      changedSources: outdated ? changedBetween(base, now, ["title", ...translatableFields.filter((f) => f !== "title" && f !== "summary")]) : [],
    };
    result.set(t.measureId, [...(result.get(t.measureId) ?? []), stored]);
  }
  return result;
}

/** Only what readers need of a translation: no who, no when. */
export function forReaders(stored: StoredTranslation[] | undefined): TranslatedTexts[] {
  return (stored ?? []).map(({ language, state, outdated, fields }) => ({ language, state, outdated, fields }));
}

/**
 * Translations of a plan's measures named by code, as readers get them (only the given languages,
 * when named): for rooms that name measures by their code, such as a decision's measure or a
 * ranking's, rather than by the id an agenda item carries.
 */
export async function translationsByCode(db: Reader, planId: string, codes: string[], languages?: string[]): Promise<Map<string, TranslatedTexts[]>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ id: measures.id, code: measures.code })
    .from(measures)
    .where(and(eq(measures.planId, planId), inArray(measures.code, [...new Set(codes)])));
  const byMeasure = await loadTranslations(db, rows.map((r) => r.id), languages);
  return new Map(rows.map((r) => [r.code, forReaders(byMeasure.get(r.id))]));
}

/** A plan's translations for its export: by measure code, with language, state and outdatedness. */
export async function planTranslations(db: Reader, planId: string) {
  const rows = await db.select({ id: measures.id, code: measures.code }).from(measures).where(eq(measures.planId, planId)).orderBy(asc(measures.position));
  const byMeasure = await loadTranslations(db, rows.map((r) => r.id));
  return rows.flatMap((m) =>
    (byMeasure.get(m.id) ?? []).map((t) => ({
      code: m.code,
      language: t.language,
      state: t.state,
      outdated: t.outdated,
      baseRevision: t.baseRevision,
      ...Object.fromEntries(Object.entries(t.fields).filter(([, v]) => v !== null)),
    })),
  );
}

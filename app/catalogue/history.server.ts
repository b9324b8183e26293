import { and, desc, eq, inArray, lte } from "drizzle-orm";
import type { Db } from "../../db/client";
import { clusters, goals, measureVersions, planRevisions, plans, sections, units } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/permissions";
import { staffNames } from "../auth/staff-names.server";
import { DomainError, parseInput } from "../errors";
import type { Actual, MeasureSnapshot } from "./measure-file.server";
import { measureDiffSchema, measureRefSchema } from "./revision-schemas";
import { findMeasure } from "./revisions.server";

type Reader = Pick<Db, "select">;

/**
 * One revision that changed a measure. Which inputs led to it is the decisions room's record
 * (decisions/revision-inputs.server.ts, by the revision's `id`); the history page puts the two together.
 */
export type RevisionEntry = {
  id: string;
  /** The plan revision: every change to any part of the catalogue counts it up. */
  number: number;
  /** The measure's own count: 1 for its first state, one more for each plan revision that changed it. */
  version: number;
  createdAt: string;
  /** The planner's display name, for staff only; null for the original import and for the public. */
  createdBy: string | null;
  reason: string;
};

export type MeasureHistory = { measure: { code: string; title: string }; revisions: RevisionEntry[] };

async function planOf(db: Reader, slug: string) {
  const [plan] = await db.select().from(plans).where(eq(plans.slug, slug));
  if (!plan) throw new DomainError("not_found", "common:error.notFoundText");
  return plan;
}

/** The revisions that changed a measure, newest first, with who (for staff), when and why. */
export async function measureHistory(db: Reader, actor: Actor, input: unknown): Promise<MeasureHistory> {
  authorize(actor, "catalogue.read");
  const data = parseInput(measureRefSchema, input);
  const measure = await findMeasure(db, (await planOf(db, data.planSlug)).id, data.code);
  const rows = await db
    .select({ id: planRevisions.id, number: planRevisions.number, createdAt: planRevisions.createdAt, reason: planRevisions.reason, createdBy: planRevisions.createdBy })
    .from(measureVersions)
    .innerJoin(planRevisions, eq(planRevisions.id, measureVersions.revisionId))
    .where(eq(measureVersions.measureId, measure.id))
    .orderBy(desc(planRevisions.number));
  // The public reads when and why, not which colleague: their names are not even read.
  const names = actor.kind === "staff" ? await staffNames(db, rows.map((r) => r.createdBy)) : new Map<string, string>();
  return {
    measure: { code: measure.code, title: measure.title },
    revisions: rows.map((r, index) => ({
      id: r.id,
      number: r.number,
      version: rows.length - index,
      createdAt: r.createdAt.toISOString(),
      createdBy: (r.createdBy && names.get(r.createdBy)) ?? null,
      reason: r.reason,
    })),
  };
}

export type FieldChange = { field: string; before: string | null; after: string | null };
/**
 * `names` says what a key in a change stands for (`sectionKey:kinder` → the section's title), so
 * a reader sees "Kinder und Jugendliche", not the key the catalogue file links by.
 */
export type MeasureDiff = { code: string; from: number; to: number; changes: FieldChange[]; names: Record<string, string> };

/**
 * Field by field, what changed in a measure between two revisions of the plan: each side is the
 * measure as it stood in that revision (its latest snapshot up to it). Indicators are named by
 * their number (`indicators.2.targetValue`), actual values by indicator and day
 * (`actuals.1.2026-03-31`).
 */
export async function measureDiff(db: Reader, actor: Actor, input: unknown): Promise<MeasureDiff> {
  authorize(actor, "catalogue.read");
  const data = parseInput(measureDiffSchema, input);
  const plan = await planOf(db, data.planSlug);
  const measure = await findMeasure(db, plan.id, data.code);
  const [before, after] = await Promise.all([data.from, data.to].map((n) => snapshotAt(db, measure.id, n)));
  const [a, b] = [flatten(before ?? null), flatten(after ?? null)];
  const fields = [...new Set([...a.keys(), ...b.keys()])];
  const changes = fields
    .filter((field) => (a.get(field) ?? null) !== (b.get(field) ?? null))
    .map((field) => ({ field, before: a.get(field) ?? null, after: b.get(field) ?? null }));
  return { code: measure.code, from: data.from, to: data.to, changes, names: await namesOf(db, plan.id, changes) };
}

/** The titles of the sections, clusters, goals and units the changes name by key. */
async function namesOf(db: Reader, planId: string, changes: FieldChange[]): Promise<Record<string, string>> {
  const keysOf = (field: string) => changes.flatMap((c) => (c.field === field ? [c.before, c.after] : [])).filter((k): k is string => k !== null);
  const named = async (field: string, keys: string[], read: (keys: string[]) => Promise<{ key: string; title: string }[]>) =>
    keys.length === 0 ? [] : (await read(keys)).map((r) => [`${field}:${r.key}`, r.title] as const);
  const entries = await Promise.all([
    named("sectionKey", keysOf("sectionKey"), (keys) =>
      db.select({ key: sections.key, title: sections.title }).from(sections).where(and(eq(sections.planId, planId), inArray(sections.key, keys))),
    ),
    named("clusterKey", keysOf("clusterKey"), (keys) =>
      db.select({ key: clusters.key, title: clusters.title }).from(clusters).where(and(eq(clusters.planId, planId), inArray(clusters.key, keys))),
    ),
    named("goalKey", keysOf("goalKey"), (keys) =>
      db.select({ key: goals.key, title: goals.title }).from(goals).where(and(eq(goals.planId, planId), inArray(goals.key, keys))),
    ),
    named("unitCode", keysOf("unitCode"), (keys) => db.select({ key: units.code, title: units.name }).from(units).where(inArray(units.code, keys))),
  ]);
  return Object.fromEntries(entries.flat());
}

async function snapshotAt(db: Reader, measureId: string, number: number): Promise<MeasureSnapshot | undefined> {
  const [row] = await db
    .select({ fields: measureVersions.fields })
    .from(measureVersions)
    .innerJoin(planRevisions, eq(planRevisions.id, measureVersions.revisionId))
    .where(and(eq(measureVersions.measureId, measureId), lte(planRevisions.number, number)))
    .orderBy(desc(planRevisions.number))
    .limit(1);
  return row?.fields as MeasureSnapshot | undefined;
}

/** A snapshot as field → text; a measure that did not exist yet has no fields. */
function flatten(snapshot: MeasureSnapshot | null): Map<string, string | null> {
  const fields = new Map<string, string | null>();
  if (!snapshot) return fields;
  const { indicators, actuals, ...scalars } = snapshot;
  for (const [field, value] of Object.entries(scalars)) fields.set(field, value === null ? null : String(value));
  indicators.forEach((indicator, i) => {
    for (const [field, value] of Object.entries(indicator)) fields.set(`indicators.${i + 1}.${field}`, value);
  });
  for (const actual of (actuals ?? []) as Actual[]) {
    fields.set(`actuals.${actual.indicator}.${actual.recordedOn}`, actual.note ? `${actual.value} (${actual.note})` : actual.value);
  }
  return fields;
}

import { and, asc, count, eq, inArray, max, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import {
  clusters,
  goals,
  indicators,
  indicatorValues,
  measures,
  measureVersions,
  planRevisions,
  plans,
  sections,
  units,
} from "../../db/schema";
import type { Actor, StaffActor } from "../auth/actor";
import { authorize } from "../auth/permissions";
import { DomainError, parseInput, notFound } from "../errors";
import { snapshotOf } from "./measure-file.server";
import {
  recordIndicatorValueSchema,
  setMaturitySchema,
  type RecordIndicatorValueInput,
  type MeasureChanges,
  type NewMeasure,
} from "./revision-schemas";

/**
 * Every change to a catalogue lands in a new plan revision (who, when, why) with a snapshot of
 * each measure it touched (docs/decisions/007-results-aggregation-and-revisions.md). The tx-level functions
 * below serve the commands here and the planners' decisions.
 */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type RevisionRef = { id: string; number: number };
export type CatalogueChange = { revision: RevisionRef; measure: { id: string; code: string } };


/** The plan, locked for the rest of the transaction: its revisions are numbered one at a time. */
export async function lockPlan(tx: Tx, slug: string) {
  const [plan] = await tx.select().from(plans).where(eq(plans.slug, slug)).for("update");
  if (!plan) throw notFound();
  return plan;
}

/** lockPlan for a plan known by id (a decision's, found through its input). */
export async function lockPlanById(tx: Tx, id: string) {
  const [plan] = await tx.select().from(plans).where(eq(plans.id, id)).for("update");
  if (!plan) throw notFound();
  return plan;
}

export async function openRevision(tx: Tx, actor: StaffActor, planId: string, reason: string): Promise<RevisionRef> {
  const [last] = await tx.select({ number: max(planRevisions.number) }).from(planRevisions).where(eq(planRevisions.planId, planId));
  const [revision] = await tx
    .insert(planRevisions)
    .values({ planId, number: (last?.number ?? 0) + 1, reason, createdBy: actor.userId })
    .returning({ id: planRevisions.id, number: planRevisions.number });
  return revision!;
}

export async function findMeasure(tx: Pick<Db, "select">, planId: string, code: string) {
  const [measure] = await tx
    .select()
    .from(measures)
    .where(and(eq(measures.planId, planId), sql`lower(${measures.code}) = lower(${code})`));
  if (!measure) throw new DomainError("not_found", "results:error.unknownMeasure", { code: "common:validation.invalidValue" });
  return measure;
}

/** Section, cluster and goal keys of the plan and unit codes as ids; an unknown one is refused. */
async function resolveRefs(tx: Tx, planId: string, fields: Partial<NewMeasure>) {
  const lookup = async (field: string, value: string | null | undefined, find: () => Promise<{ id: string }[]>) => {
    if (value === undefined) return undefined;
    if (value === null) return null;
    const [row] = await find();
    if (!row) throw new DomainError("invalid", "results:error.unknownReference", { [field]: "common:validation.invalidValue" });
    return row.id;
  };
  const keyed = (field: "sectionKey" | "clusterKey" | "goalKey", table: typeof sections | typeof clusters | typeof goals) =>
    lookup(field, fields[field], () =>
      tx
        .select({ id: sql<string>`${table.id}` })
        .from(table as typeof sections)
        .where(and(eq(table.planId, planId), eq(table.key, fields[field]!))),
    );
  return {
    sectionId: await keyed("sectionKey", sections),
    clusterId: await keyed("clusterKey", clusters),
    goalId: await keyed("goalKey", goals),
    unitId: await lookup("unitCode", fields.unitCode, () => tx.select({ id: units.id }).from(units).where(eq(units.code, fields.unitCode!))),
  };
}

function columnsOf(fields: MeasureChanges, refs: Awaited<ReturnType<typeof resolveRefs>>) {
  const { sectionKey: _s, clusterKey: _c, goalKey: _g, unitCode: _u, indicators: _i, ...own } = fields;
  return Object.fromEntries(Object.entries({ ...own, ...refs }).filter(([, v]) => v !== undefined));
}

async function snapshot(tx: Tx, planId: string, measureId: string, revision: RevisionRef) {
  await tx.insert(measureVersions).values({ measureId, revisionId: revision.id, fields: await snapshotOf(tx, planId, measureId) });
}

export async function insertMeasure(tx: Tx, planId: string, revision: RevisionRef, fields: NewMeasure): Promise<CatalogueChange> {
  const [taken] = await tx.select({ id: measures.id }).from(measures).where(and(eq(measures.planId, planId), sql`lower(${measures.code}) = lower(${fields.code})`));
  if (taken) throw new DomainError("conflict", "results:error.codeTaken", { code: "results:error.codeTaken" });
  const refs = await resolveRefs(tx, planId, fields);
  const [last] = await tx.select({ position: max(measures.position) }).from(measures).where(eq(measures.planId, planId));
  const [row] = await tx
    .insert(measures)
    .values({ planId, revisionId: revision.id, position: (last?.position ?? -1) + 1, code: fields.code, title: fields.title, ...columnsOf(fields, refs) })
    .returning({ id: measures.id, code: measures.code });
  if (fields.indicators?.length) {
    await tx.insert(indicators).values(fields.indicators.map((indicator, position) => ({ measureId: row!.id, position, ...indicator })));
  }
  await snapshot(tx, planId, row!.id, revision);
  return { revision, measure: row! };
}

/**
 * Changes the given fields. Indicators are matched by their number, so the actual values
 * recorded against one stay with it; one with recorded values cannot be removed.
 */
export async function updateMeasure(tx: Tx, planId: string, revision: RevisionRef, code: string, changes: MeasureChanges): Promise<CatalogueChange> {
  const measure = await findMeasure(tx, planId, code);
  const before = await snapshotOf(tx, planId, measure.id);
  const columns = columnsOf(changes, await resolveRefs(tx, planId, changes));
  await tx.update(measures).set({ ...columns, revisionId: revision.id }).where(eq(measures.id, measure.id));
  if (changes.indicators) {
    const existing = await tx.select().from(indicators).where(eq(indicators.measureId, measure.id)).orderBy(asc(indicators.position));
    const removed = existing.slice(changes.indicators.length).map((i) => i.id);
    if (removed.length > 0) {
      const [recorded] = await tx.select({ n: count() }).from(indicatorValues).where(inArray(indicatorValues.indicatorId, removed));
      if (recorded!.n > 0) throw new DomainError("conflict", "results:error.indicatorHasValues", { indicators: "results:error.indicatorHasValues" });
      await tx.delete(indicators).where(inArray(indicators.id, removed));
    }
    for (const [position, indicator] of changes.indicators.entries()) {
      const current = existing[position];
      if (current) await tx.update(indicators).set(indicator).where(eq(indicators.id, current.id));
      else await tx.insert(indicators).values({ measureId: measure.id, position, ...indicator });
    }
  }
  const after = await snapshotOf(tx, planId, measure.id);
  // A revision that changes nothing would only clutter the history; the transaction rolls back.
  if (JSON.stringify(after) === JSON.stringify(before)) throw new DomainError("conflict", "results:error.nothingChanged");
  await tx.insert(measureVersions).values({ measureId: measure.id, revisionId: revision.id, fields: after });
  return { revision, measure: { id: measure.id, code: measure.code } };
}

function staff(actor: Actor): StaffActor {
  authorize(actor, "catalogue.edit");
  return actor as StaffActor;
}

/** Reifegrad A/B/C (or none) in a new revision. */
export async function setMaturity(db: Db, actor: Actor, input: unknown): Promise<CatalogueChange> {
  const planner = staff(actor);
  const data = parseInput(setMaturitySchema, input);
  return db.transaction(async (tx) => {
    const plan = await lockPlan(tx, data.planSlug);
    return updateMeasure(tx, plan.id, await openRevision(tx, planner, plan.id, data.reason), data.code, { maturity: data.maturity });
  });
}

export type RecordedIndicatorValue = CatalogueChange & { indicatorValueId: string; indicatorId: string };

/** An indicator's actual value on a day, recorded in a new revision against its target. */
export async function recordIndicatorValue(db: Db, actor: Actor, input: unknown): Promise<RecordedIndicatorValue> {
  const planner = staff(actor);
  const data = parseInput(recordIndicatorValueSchema, input);
  return db.transaction((tx) => recordIndicatorValueIn(tx, planner, data));
}

/**
 * recordIndicatorValue's work inside a transaction the caller holds, for a command that records
 * a value together with something of its own (a live session's result, docs/decisions/043).
 * The caller has authorised and validated.
 */
export async function recordIndicatorValueIn(tx: Tx, planner: StaffActor, data: RecordIndicatorValueInput): Promise<RecordedIndicatorValue> {
  const plan = await lockPlan(tx, data.planSlug);
  const measure = await findMeasure(tx, plan.id, data.code);
  const [indicator] = await tx
    .select({ id: indicators.id })
    .from(indicators)
    .where(and(eq(indicators.measureId, measure.id), eq(indicators.position, data.indicator - 1)));
  if (!indicator) throw new DomainError("invalid", "results:error.unknownIndicator", { indicator: "common:validation.invalidValue" });
  const revision = await openRevision(tx, planner, plan.id, data.reason);
  const [value] = await tx
    .insert(indicatorValues)
    .values({ indicatorId: indicator.id, recordedOn: data.recordedOn, value: data.value, note: data.note ?? null, revisionId: revision.id, recordedBy: planner.userId })
    .returning({ id: indicatorValues.id });
  await tx.update(measures).set({ revisionId: revision.id }).where(eq(measures.id, measure.id));
  await snapshot(tx, plan.id, measure.id, revision);
  return { revision, measure: { id: measure.id, code: measure.code }, indicatorValueId: value!.id, indicatorId: indicator.id };
}

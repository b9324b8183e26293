import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { clusters, goals, indicators, indicatorValues, measures, sections, units } from "../../db/schema";
import type { CatalogueFileMeasure } from "./catalogue-file";
import { versionFields } from "./import.server";
import { measureTextFields, pickFields } from "./measure-fields";

type Reader = Pick<Db, "select">;

export type FileMeasure = CatalogueFileMeasure & { id: string };

/** Measures of a plan as the catalogue file writes them (keys instead of ids), in catalogue order. */
export async function measuresAsFile(db: Reader, planId: string, measureIds?: string[]): Promise<FileMeasure[]> {
  const rows = await db
    .select({
      measure: measures,
      sectionKey: sections.key,
      clusterKey: clusters.key,
      goalKey: goals.key,
      unitCode: units.code,
    })
    .from(measures)
    .leftJoin(sections, eq(sections.id, measures.sectionId))
    .leftJoin(clusters, eq(clusters.id, measures.clusterId))
    .leftJoin(goals, eq(goals.id, measures.goalId))
    .leftJoin(units, eq(units.id, measures.unitId))
    .where(and(eq(measures.planId, planId), measureIds ? inArray(measures.id, measureIds) : undefined))
    .orderBy(asc(measures.position));
  const ids = rows.map((r) => r.measure.id);
  const indicatorRows =
    ids.length === 0
      ? []
      : await db.select().from(indicators).where(inArray(indicators.measureId, ids)).orderBy(asc(indicators.position));
  return rows.map(({ measure: m, ...keys }) => ({
    id: m.id,
    code: m.code,
    title: m.title,
    sectionKey: keys.sectionKey,
    clusterKey: keys.clusterKey,
    goalKey: keys.goalKey,
    unitCode: keys.unitCode,
    maturity: m.maturity,
    ...pickFields(m, measureTextFields),
    indicators: indicatorRows
      .filter((i) => i.measureId === m.id)
      .map((i) => ({ text: i.text, targetValue: i.targetValue, dueDate: i.dueDate })),
  }));
}

/** An indicator's actual value as a snapshot records it; `indicator` counts from 1. */
export type Actual = { indicator: number; recordedOn: string; value: string; note: string | null };

/**
 * What a measure_version stores: the catalogue fields (as the import writes them) and, once any
 * were recorded, the indicators' actual values, so that a history shows them too.
 */
export type MeasureSnapshot = ReturnType<typeof versionFields> & { actuals?: Actual[] };

export async function snapshotOf(db: Reader, planId: string, measureId: string): Promise<MeasureSnapshot> {
  const [measure] = await measuresAsFile(db, planId, [measureId]);
  const { id: _id, ...fields } = measure!;
  const actuals = await db
    .select({ position: indicators.position, recordedOn: indicatorValues.recordedOn, value: indicatorValues.value, note: indicatorValues.note })
    .from(indicatorValues)
    .innerJoin(indicators, eq(indicators.id, indicatorValues.indicatorId))
    .where(eq(indicators.measureId, measureId))
    .orderBy(asc(indicators.position), asc(indicatorValues.recordedOn), asc(indicatorValues.createdAt));
  const snapshot: MeasureSnapshot = versionFields(fields);
  if (actuals.length > 0) {
    snapshot.actuals = actuals.map((a) => ({ indicator: a.position + 1, recordedOn: a.recordedOn, value: a.value, note: a.note }));
  }
  return snapshot;
}

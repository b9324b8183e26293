import { eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import {
  clusterVersions,
  clusters,
  goals,
  indicators,
  measures,
  measureVersions,
  planRevisions,
  plans,
  sections,
  units,
} from "../../db/schema";
import { catalogueFileSchema, type CatalogueFile, type CatalogueFileMeasure } from "./catalogue-file";
import { measureTextFields, pickFields } from "./measure-fields";

export type ImportResult = { planId: string; slug: string; created: boolean };

/** The fields a measure version records, so revisions can be compared later. */
export function versionFields(measure: CatalogueFileMeasure) {
  const { indicators: measureIndicators, ...fields } = measure;
  return { ...fields, indicators: measureIndicators };
}

/**
 * Imports one plan in a single transaction. A plan whose slug exists already is left as it is,
 * which makes loading the demo data idempotent.
 */
export async function importPlan(
  db: Db,
  input: unknown,
  options: { reason: string; createdBy?: string | null },
): Promise<ImportResult> {
  const file: CatalogueFile = catalogueFileSchema.parse(input);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: plans.id }).from(plans).where(eq(plans.slug, file.slug));
    if (existing) return { planId: existing.id, slug: file.slug, created: false };

    const [plan] = await tx
      .insert(plans)
      .values({
        slug: file.slug,
        title: file.title,
        description: file.description,
        publisher: file.publisher,
        publishedOn: file.publishedOn,
        source: file.source,
      })
      .returning({ id: plans.id });
    const planId = plan!.id;
    const [revision] = await tx
      .insert(planRevisions)
      .values({ planId, number: 1, reason: options.reason, createdBy: options.createdBy ?? null })
      .returning({ id: planRevisions.id });
    const revisionId = revision!.id;

    if (file.units.length > 0) {
      await tx.insert(units).values(file.units).onConflictDoNothing({ target: units.code });
    }
    const unitIds = new Map<string, string>();
    const unitCodes = file.measures.flatMap((m) => (m.unitCode ? [m.unitCode] : []));
    if (unitCodes.length > 0) {
      for (const u of await tx.select().from(units).where(inArray(units.code, unitCodes))) {
        unitIds.set(u.code, u.id);
      }
    }

    const sectionIds = await insertKeyed(file.sections, (section, position, inserted) =>
      tx
        .insert(sections)
        .values({
          planId,
          position,
          key: section.key,
          title: section.title,
          parentId: section.parentKey ? inserted.get(section.parentKey) : null,
        })
        .returning({ id: sections.id }),
    );
    const clusterIds = await insertKeyed(file.clusters, (cluster, position) =>
      tx
        .insert(clusters)
        .values({ planId, position, ...cluster })
        .returning({ id: clusters.id }),
    );
    // The source's figures are the first entry of each cluster's history (issue 12).
    if (file.clusters.length > 0) {
      await tx.insert(clusterVersions).values(
        file.clusters.map((c) => ({ clusterId: clusterIds.get(c.key)!, revisionId, budgetCents: c.budgetCents ?? null, maturity: c.maturity ?? null })),
      );
    }
    const goalIds = await insertKeyed(file.goals, (goal, position) =>
      tx
        .insert(goals)
        .values({
          planId,
          position,
          key: goal.key,
          number: goal.number,
          title: goal.title,
          description: goal.description,
          clusterId: goal.clusterKey ? clusterIds.get(goal.clusterKey) : null,
        })
        .returning({ id: goals.id }),
    );

    for (const [position, measure] of file.measures.entries()) {
      const [row] = await tx
        .insert(measures)
        .values({
          planId,
          position,
          revisionId,
          code: measure.code,
          title: measure.title,
          sectionId: measure.sectionKey ? sectionIds.get(measure.sectionKey) : null,
          clusterId: measure.clusterKey ? clusterIds.get(measure.clusterKey) : null,
          goalId: measure.goalKey ? goalIds.get(measure.goalKey) : null,
          unitId: measure.unitCode ? unitIds.get(measure.unitCode) : null,
          maturity: measure.maturity,
          ...pickFields(measure, measureTextFields),
        })
        .returning({ id: measures.id });
      const measureId = row!.id;
      if (measure.indicators.length > 0) {
        await tx
          .insert(indicators)
          .values(measure.indicators.map((indicator, i) => ({ measureId, position: i, ...indicator })));
      }
      await tx.insert(measureVersions).values({ measureId, revisionId, fields: versionFields(measure) });
    }
    return { planId, slug: file.slug, created: true };
  });
}

/** Inserts in source order, so an item may refer to one inserted before it. */
async function insertKeyed<T extends { key: string }>(
  items: T[],
  insert: (item: T, position: number, inserted: Map<string, string>) => Promise<{ id: string }[]>,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const [position, item] of items.entries()) {
    const [row] = await insert(item, position, ids);
    ids.set(item.key, row!.id);
  }
  return ids;
}

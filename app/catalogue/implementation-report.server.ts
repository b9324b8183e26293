import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { measures, measureVersions, planRevisions } from "../../db/schema";
import { DomainError, parseInput } from "../errors";
import { isoDay } from "./catalogue-file";
import { planSlug } from "./revision-schemas";
import { findPlan, indicatorsAsOf, type MeasureProgressRow } from "./progress.server";

/**
 * The implementation report (Umsetzungsbericht) of a plan for a period (docs/decisions/043):
 * which measures moved, that is changed in a revision made in the period (and whether their
 * maturity changed), and how each indicator stood at the period's end, with those met.
 * Days are the city's (Europe/Berlin), both ends included.
 */
type Reader = Pick<Db, "select">;

export const reportPeriodSchema = z
  .object({ planSlug, from: isoDay, to: isoDay })
  .refine((p) => p.from <= p.to, { message: "from after to", path: ["to"] });

type Maturity = "A" | "B" | "C" | null;

export type MovedMeasure = {
  code: string;
  title: string;
  /** The revisions in the period that changed it, oldest first. */
  revisions: { number: number; reason: string; day: string }[];
  /** Before the period (null when it is new in the period) and at its end. */
  maturityBefore: Maturity;
  maturityAfter: Maturity;
  /** Created in the period (its first version lies in it). */
  isNew: boolean;
};

export type ImplementationReport = {
  plan: { slug: string; title: string; language: string };
  period: { from: string; to: string };
  revisionCount: number;
  moved: MovedMeasure[];
  /** Indicators with a value recorded in the period, judged as they stood at its end. */
  indicators: (MeasureProgressRow & { recordedInPeriod: number })[];
};

const cityDay = sql<string>`to_char(${planRevisions.createdAt} at time zone 'Europe/Berlin', 'YYYY-MM-DD')`;

export async function implementationReport(db: Reader, input: unknown): Promise<ImplementationReport> {
  const { planSlug: slug, from, to } = parseInput(reportPeriodSchema, input);
  const plan = await findPlan(db, slug);
  if (!plan) throw new DomainError("not_found", "common:error.notFoundText");
  const [versions, indicatorRows] = await Promise.all([
    db
      .select({
        code: measures.code,
        title: measures.title,
        position: measures.position,
        number: planRevisions.number,
        reason: planRevisions.reason,
        day: cityDay,
        maturity: sql<Maturity>`${measureVersions.fields}->>'maturity'`,
      })
      .from(measureVersions)
      .innerJoin(measures, eq(measures.id, measureVersions.measureId))
      .innerJoin(planRevisions, eq(planRevisions.id, measureVersions.revisionId))
      .where(and(eq(measures.planId, plan.id), sql`${cityDay} <= ${to}`))
      .orderBy(asc(measures.position), asc(planRevisions.number)),
    indicatorsAsOf(db, plan, to),
  ]);

  const moved = new Map<string, MovedMeasure & { position: number }>();
  const before = new Map<string, Maturity>();
  for (const v of versions) {
    if (v.day < from) {
      before.set(v.code, v.maturity);
      continue;
    }
    const entry = moved.get(v.code) ?? {
      code: v.code,
      title: v.title,
      position: v.position,
      revisions: [],
      maturityBefore: before.get(v.code) ?? null,
      maturityAfter: null,
      isNew: !before.has(v.code),
    };
    entry.revisions.push({ number: v.number, reason: v.reason, day: v.day });
    entry.maturityAfter = v.maturity;
    moved.set(v.code, entry);
  }
  const revisionNumbers = new Set(versions.filter((v) => v.day >= from).map((v) => v.number));

  return {
    plan: { slug: plan.slug, title: plan.title, language: plan.language },
    period: { from, to },
    revisionCount: revisionNumbers.size,
    moved: [...moved.values()].sort((a, b) => a.position - b.position).map(({ position: _p, ...m }) => m),
    indicators: indicatorRows.flatMap((m) => {
      const inPeriod = m.indicators.filter((i) => i.values.some((v) => v.recordedOn >= from));
      if (inPeriod.length === 0) return [];
      return [{ ...m, indicators: inPeriod, recordedInPeriod: inPeriod.reduce((n, i) => n + i.values.filter((v) => v.recordedOn >= from).length, 0) }];
    }),
  };
}

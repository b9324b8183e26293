import { desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { agendaItems, type AgendaActivities } from "../../db/schema";
import { goalIdsByKey } from "../catalogue/goals.server";
import { planIdOf, resolveCatalogueRefs } from "../catalogue/summaries.server";
import { DomainError } from "../errors";
import { refuseUnoffered } from "../i18n/content-input";
import type { AgendaEntry } from "./schemas";
import { defaultCriteria } from "./limits";
import { rankable } from "./rules";
import type { AgendaItemView } from "./views";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** What a new agenda item offers until the moderator changes it. */
export function defaultActivities(kind: AgendaItemView["kind"]): AgendaActivities {
  if (kind === "measure") {
    return {
      comments: true,
      dots: { maxPerItem: 3 },
      rating: { criteria: [...defaultCriteria], min: 1, max: 5 },
      scale: null,
      ranking: false,
    };
  }
  // The steering group rates goals on the Integrationskonzept's four criteria (decision 051).
  if (kind === "goal") return { comments: true, dots: null, rating: { criteria: [...defaultCriteria], min: 1, max: 5 }, scale: null, ranking: false };
  if (rankable(kind)) return { comments: true, dots: null, rating: null, scale: null, ranking: true };
  return { comments: true, dots: null, rating: null, scale: null, ranking: false };
}

/**
 * Appends validated agenda entries to a session inside the caller's transaction, which holds the
 * session's lock: catalogue references resolved in the conference's own plan (another plan's
 * measure is unknown here), texts only in the languages it offers. Returns the new items' ids.
 */
export async function insertAgendaEntries(
  tx: Tx,
  session: { id: string; planSlug: string; languages: readonly string[] },
  entries: AgendaEntry[],
): Promise<string[]> {
  entries.forEach((entry, i) => {
    // Translations stand beside a German note; without it no German reader would see the note.
    if (!entry.note && Object.keys(entry.noteTranslations).length > 0) {
      throw new DomainError("invalid", "live:error.noteMissing", { [`entries.${i}.note`]: "live:error.noteMissing" });
    }
    refuseUnoffered(
      {
        [`entries.${i}.questionTranslations`]: "questionTranslations" in entry ? entry.questionTranslations : undefined,
        [`entries.${i}.noteTranslations`]: entry.noteTranslations,
      },
      session.languages,
      "live:error.languageNotOffered",
    );
  });
  const planId = (await planIdOf(tx, session.planSlug))!;
  const [refs, goalIds] = await Promise.all([
    resolveCatalogueRefs(tx, planId, {
      measureCodes: entries.flatMap((e) => (e.kind === "measure" ? [e.measureCode] : e.kind === "ranking" ? e.measureCodes : [])),
      clusterKeys: entries.flatMap((e) => (e.kind === "cluster" ? [e.clusterKey] : [])),
    }),
    goalIdsByKey(tx, planId, entries.flatMap((e) => (e.kind === "goal" ? [e.goalKey] : []))),
  ]);
  const [last] = await tx
    .select({ position: agendaItems.position })
    .from(agendaItems)
    .where(eq(agendaItems.liveSessionId, session.id))
    .orderBy(desc(agendaItems.position))
    .limit(1);
  let position = (last?.position ?? -1) + 1;
  const values = entries.map((entry, i) => {
    const measureId = entry.kind === "measure" ? refs.measures.get(entry.measureCode.toLowerCase()) : null;
    const clusterId = entry.kind === "cluster" ? refs.clusters.get(entry.clusterKey) : null;
    const goalId = entry.kind === "goal" ? goalIds.get(entry.goalKey) : null;
    if ((entry.kind === "measure" && !measureId) || (entry.kind === "cluster" && !clusterId) || (entry.kind === "goal" && !goalId)) {
      throw new DomainError("invalid", "live:error.unknownCatalogueEntry", { [`entries.${i}`]: "common:validation.invalidValue" });
    }
    // Codes resolve in the conference's own plan only, so another plan's measure is unknown here.
    const measureIds = entry.kind === "ranking" ? entry.measureCodes.map((code) => refs.measures.get(code.toLowerCase())) : null;
    const unknown = entry.kind === "ranking" ? entry.measureCodes.filter((_, j) => !measureIds![j]) : [];
    if (unknown.length > 0) {
      throw new DomainError(
        "invalid",
        "live:error.rankingUnknownMeasures",
        { [`entries.${i}.measureCodes`]: "live:error.rankingUnknownMeasures" },
        { codes: unknown.join(", ") },
      );
    }
    return {
      liveSessionId: session.id,
      position: position++,
      kind: entry.kind,
      measureId: measureId ?? null,
      clusterId: clusterId ?? null,
      goalId: goalId ?? null,
      question: entry.kind === "question" || entry.kind === "ranking" ? entry.question : null,
      questionTranslations: entry.kind === "question" || entry.kind === "ranking" ? entry.questionTranslations : {},
      note: entry.note ?? null,
      noteTranslations: entry.noteTranslations,
      measureIds: measureIds as string[] | null,
      activities: defaultActivities(entry.kind),
    };
  });
  const rows = await tx.insert(agendaItems).values(values).returning({ id: agendaItems.id });
  return rows.map((r) => r.id);
}

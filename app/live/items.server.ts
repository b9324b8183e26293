import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { agendaItems, liveSessions } from "../../db/schema";
import { goalSummaries } from "../catalogue/goals.server";
import { clusterSummaries, measureSummaries, titlesOnly } from "../catalogue/summaries.server";
import { uuid } from "./schemas";
import type { AgendaItemView } from "./views";

type Reader = Pick<Db, "select">;
type ItemRow = typeof agendaItems.$inferSelect;

async function toViews(db: Reader, rows: ItemRow[]): Promise<AgendaItemView[]> {
  const [measureById, clusterById, goalById] = await Promise.all([
    measureSummaries(db, rows.flatMap((r) => [...(r.measureId ? [r.measureId] : []), ...(r.measureIds ?? [])])),
    clusterSummaries(db, rows.flatMap((r) => (r.clusterId ? [r.clusterId] : []))),
    goalSummaries(db, rows.flatMap((r) => (r.goalId ? [r.goalId] : []))),
  ]);
  return rows.map((r) => {
    const measure = r.measureId ? measureById.get(r.measureId) : undefined;
    const cluster = r.clusterId ? clusterById.get(r.clusterId) : undefined;
    const goal = r.goalId ? goalById.get(r.goalId) : undefined;
    return {
      id: r.id,
      position: r.position,
      kind: r.kind,
      measure: measure
        ? {
            code: measure.code,
            title: measure.title,
            objective: measure.objective,
            unitName: measure.unitName,
            clusterTitle: measure.clusterTitle,
            maturity: measure.maturity,
            planSlug: measure.planSlug,
            language: measure.language,
            translations: measure.translations,
          }
        : null,
      cluster: cluster
        ? { key: cluster.key, title: cluster.title, budgetCents: cluster.budgetCents, maturity: cluster.maturity, measures: cluster.measures }
        : null,
      goal: goal
        ? {
            key: goal.key,
            number: goal.number,
            title: goal.title,
            description: goal.description,
            clusterTitle: goal.clusterTitle,
            measures: goal.measures.map(({ code, title, translations }) => ({ code, title, translations })),
          }
        : null,
      question: r.question,
      questionTranslations: r.questionTranslations,
      note: r.note,
      noteTranslations: r.noteTranslations,
      rankedMeasures: r.measureIds
        ? r.measureIds.flatMap((id) => {
            const ranked = measureById.get(id);
            return ranked ? [{ code: ranked.code, title: ranked.title, translations: titlesOnly(ranked.translations) }] : [];
          })
        : null,
      activities: r.activities,
      phase: r.phase,
      commentsOpen: r.commentsOpen,
      votingState: r.votingState,
      resultsVisible: r.resultsVisible,
      commentsPremoderated: r.commentsPremoderated,
    };
  });
}

export async function loadItems(db: Reader, liveSessionId: string): Promise<AgendaItemView[]> {
  const rows = await db
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.liveSessionId, liveSessionId))
    .orderBy(asc(agendaItems.position));
  return toViews(db, rows);
}

export async function loadItemsById(db: Reader, agendaItemIds: string[]): Promise<AgendaItemView[]> {
  if (agendaItemIds.length === 0) return [];
  const rows = await db
    .select()
    .from(agendaItems)
    .where(inArray(agendaItems.id, agendaItemIds))
    .orderBy(asc(agendaItems.position));
  return toViews(db, rows);
}

export async function loadItem(db: Reader, agendaItemId: string): Promise<AgendaItemView | null> {
  const rows = await db.select().from(agendaItems).where(eq(agendaItems.id, agendaItemId));
  const [view] = await toViews(db, rows);
  return view ?? null;
}

export type LiveSessionRow = typeof liveSessions.$inferSelect;

export async function loadLiveSession(db: Reader, liveSessionId: string): Promise<LiveSessionRow | null> {
  const [row] = await db.select().from(liveSessions).where(eq(liveSessions.id, liveSessionId));
  return row ?? null;
}

/** The conference a live session belongs to, so a participant acts as their identity there. */
export async function conferenceOfLiveSession(db: Reader, liveSessionId: string): Promise<string | null> {
  if (!uuid.safeParse(liveSessionId).success) return null;
  const [row] = await db.select({ conferenceId: liveSessions.conferenceId }).from(liveSessions).where(eq(liveSessions.id, liveSessionId));
  return row?.conferenceId ?? null;
}

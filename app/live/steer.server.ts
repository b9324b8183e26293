import { eq } from "drizzle-orm";
import { agendaItems, liveSessions } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/permissions";
import { DomainError, parseInput } from "../errors";
import { commentsOfItems } from "./comments.server";
import { itemAudience, type LiveDeps } from "./events";
import { loadItem, loadLiveSession } from "./items.server";
import { computeItemResult } from "./results.server";
import { notFound } from "./setup.server";
import { authorizeAgendaItem, authorizeLiveSession } from "./steering.server";
import { itemSettingsSchema, setCurrentItemSchema, setPhaseSchema } from "./schemas";
import type { AgendaItemView, Phase } from "./views";

/** Each phase is a preset of the item's settings; the moderator can still change one by one. */
const phasePresets: Record<Phase, { commentsOpen?: boolean; votingState: "closed" | "open"; resultsVisible: boolean }> = {
  discuss: { commentsOpen: true, votingState: "closed", resultsVisible: false },
  prioritise: { votingState: "open", resultsVisible: false },
  results: { votingState: "closed", resultsVisible: true },
};

/** The item's session, and who may see the item before the change (see publishItem). */
async function openSessionOf(deps: LiveDeps, agendaItemId: string) {
  const [row] = await deps.db
    .select({
      liveSessionId: agendaItems.liveSessionId,
      status: liveSessions.status,
      resultsVisible: agendaItems.resultsVisible,
      currentAgendaItemId: liveSessions.currentAgendaItemId,
    })
    .from(agendaItems)
    .innerJoin(liveSessions, eq(liveSessions.id, agendaItems.liveSessionId))
    .where(eq(agendaItems.id, agendaItemId));
  if (!row) throw notFound();
  if (row.status === "closed") throw new DomainError("conflict", "live:error.sessionClosed");
  return { liveSessionId: row.liveSessionId, before: itemAudience({ id: agendaItemId, ...row }, row.currentAgendaItemId) };
}

/**
 * Participants hear of the change if they may see the item now or could see it before: hiding
 * revealed results must reach the phones that show them.
 */
async function publishItem(
  deps: LiveDeps,
  { liveSessionId, before }: Awaited<ReturnType<typeof openSessionOf>>,
  agendaItemId: string,
): Promise<AgendaItemView> {
  const [loaded, session] = await Promise.all([loadItem(deps.db, agendaItemId), loadLiveSession(deps.db, liveSessionId)]);
  const item = loaded!;
  const audience = before === "all" ? "all" : itemAudience(item, session?.currentAgendaItemId ?? null);
  deps.publish({ type: "agendaItem.updated", liveSessionId, audience, item });
  if (item.resultsVisible) {
    const result = await computeItemResult(deps.db, item, liveSessionId);
    deps.publish({ type: "result.updated", liveSessionId, audience: "all", result });
  }
  return item;
}

export async function setPhase(deps: LiveDeps, actor: Actor, input: unknown): Promise<AgendaItemView> {
  authorize(actor, "liveSession.moderate");
  const data = parseInput(setPhaseSchema, input);
  await authorizeAgendaItem(deps.db, actor, "liveSession.moderate", data.agendaItemId);
  const open = await openSessionOf(deps, data.agendaItemId);
  await deps.db
    .update(agendaItems)
    .set({ phase: data.phase, ...phasePresets[data.phase] })
    .where(eq(agendaItems.id, data.agendaItemId));
  return publishItem(deps, open, data.agendaItemId);
}

export async function updateItemSettings(deps: LiveDeps, actor: Actor, input: unknown): Promise<AgendaItemView> {
  authorize(actor, "liveSession.moderate");
  const { agendaItemId, ...settings } = parseInput(itemSettingsSchema, input);
  await authorizeAgendaItem(deps.db, actor, "liveSession.moderate", agendaItemId);
  const open = await openSessionOf(deps, agendaItemId);
  if (Object.keys(settings).length > 0) {
    await deps.db.update(agendaItems).set(settings).where(eq(agendaItems.id, agendaItemId));
  }
  return publishItem(deps, open, agendaItemId);
}

export async function setCurrentItem(deps: LiveDeps, actor: Actor, input: unknown): Promise<AgendaItemView> {
  authorize(actor, "liveSession.moderate");
  const data = parseInput(setCurrentItemSchema, input);
  await authorizeLiveSession(deps.db, actor, "liveSession.moderate", data.liveSessionId);
  const { liveSessionId } = await openSessionOf(deps, data.agendaItemId);
  if (liveSessionId !== data.liveSessionId) throw notFound();
  const [session] = await deps.db.select({ status: liveSessions.status }).from(liveSessions).where(eq(liveSessions.id, liveSessionId));
  if (session?.status !== "live") throw new DomainError("conflict", "live:error.notStarted");
  await deps.db
    .update(liveSessions)
    .set({ currentAgendaItemId: data.agendaItemId })
    .where(eq(liveSessions.id, liveSessionId));
  const item = (await loadItem(deps.db, data.agendaItemId))!;
  const comments = await commentsOfItems(deps.db, [item.id], false);
  deps.publish({ type: "liveSession.currentItem", liveSessionId, audience: "all", item, comments });
  return item;
}

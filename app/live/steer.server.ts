import { and, eq } from "drizzle-orm";
import { agendaItems, liveSessions } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/permissions";
import { DomainError, parseInput, notFound } from "../errors";
import { commentsOfItems } from "./comments.server";
import { itemAudience, type LiveDeps } from "./events";
import { loadItem, loadLiveSession } from "./items.server";
import { computeItemResult } from "./results.server";
import { lockItemForEdit, lockSession } from "./setup.server";
import { authorizeAgendaItem, authorizeLiveSession } from "./steering.server";
import { itemSettingsSchema, setCurrentItemSchema, setPhaseSchema } from "./schemas";
import type { AgendaItemView, Phase } from "./views";

/** Each phase is a preset of the item's settings; the moderator can still change one by one. */
const phasePresets: Record<Phase, { commentsOpen?: boolean; votingState: "closed" | "open"; resultsVisible: boolean }> = {
  discuss: { commentsOpen: true, votingState: "closed", resultsVisible: false },
  prioritise: { votingState: "open", resultsVisible: false },
  results: { votingState: "closed", resultsVisible: true },
};

/**
 * Changes one agenda item in one transaction, its session locked (lockItemForEdit) so that the
 * change cannot slip past the session's closing; returns who could see the item before.
 */
async function editItem(deps: LiveDeps, agendaItemId: string, changes: Partial<typeof agendaItems.$inferInsert>) {
  return deps.db.transaction(async (tx) => {
    const { item, session } = await lockItemForEdit(tx, agendaItemId);
    if (Object.keys(changes).length > 0) await tx.update(agendaItems).set(changes).where(eq(agendaItems.id, agendaItemId));
    return { liveSessionId: session.id, before: itemAudience(item, session.currentAgendaItemId) };
  });
}

/**
 * Participants hear of the change if they may see the item now or could see it before: hiding
 * revealed results must reach the phones that show them.
 */
async function publishItem(
  deps: LiveDeps,
  { liveSessionId, before }: Awaited<ReturnType<typeof editItem>>,
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
  const edited = await editItem(deps, data.agendaItemId, { phase: data.phase, ...phasePresets[data.phase] });
  return publishItem(deps, edited, data.agendaItemId);
}

export async function updateItemSettings(deps: LiveDeps, actor: Actor, input: unknown): Promise<AgendaItemView> {
  authorize(actor, "liveSession.moderate");
  const { agendaItemId, ...settings } = parseInput(itemSettingsSchema, input);
  await authorizeAgendaItem(deps.db, actor, "liveSession.moderate", agendaItemId);
  const edited = await editItem(deps, agendaItemId, settings);
  return publishItem(deps, edited, agendaItemId);
}

export async function setCurrentItem(deps: LiveDeps, actor: Actor, input: unknown): Promise<AgendaItemView> {
  authorize(actor, "liveSession.moderate");
  const data = parseInput(setCurrentItemSchema, input);
  await authorizeLiveSession(deps.db, actor, "liveSession.moderate", data.liveSessionId);
  await deps.db.transaction(async (tx) => {
    const session = await lockSession(tx, data.liveSessionId);
    const [item] = await tx
      .select({ id: agendaItems.id })
      .from(agendaItems)
      .where(and(eq(agendaItems.id, data.agendaItemId), eq(agendaItems.liveSessionId, session.id)));
    if (!item) throw notFound();
    if (session.status === "closed") throw new DomainError("conflict", "live:error.sessionClosed");
    if (session.status !== "live") throw new DomainError("conflict", "live:error.notStarted");
    await tx.update(liveSessions).set({ currentAgendaItemId: item.id }).where(eq(liveSessions.id, session.id));
  });
  const item = (await loadItem(deps.db, data.agendaItemId))!;
  const comments = await commentsOfItems(deps.db, [item.id], false);
  deps.publish({ type: "liveSession.currentItem", liveSessionId: data.liveSessionId, audience: "all", item, comments });
  return item;
}

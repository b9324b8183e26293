import { eq } from "drizzle-orm";
import { agendaItems, liveSessions } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/permissions";
import { DomainError, parseInput } from "../errors";
import { commentsOfItems } from "./comments.server";
import type { LiveDeps } from "./events";
import { loadItem } from "./items.server";
import { computeItemResult } from "./results.server";
import { notFound } from "./setup.server";
import { itemSettingsSchema, setCurrentItemSchema, setPhaseSchema } from "./schemas";
import type { AgendaItemView, Phase } from "./views";

/** Each phase is a preset of the item's settings; the moderator can still change one by one. */
const phasePresets: Record<Phase, { commentsOpen?: boolean; votingState: "closed" | "open"; resultsVisible: boolean }> = {
  discuss: { commentsOpen: true, votingState: "closed", resultsVisible: false },
  prioritise: { votingState: "open", resultsVisible: false },
  results: { votingState: "closed", resultsVisible: true },
};

async function openSessionOf(deps: LiveDeps, agendaItemId: string) {
  const [row] = await deps.db
    .select({ liveSessionId: agendaItems.liveSessionId, status: liveSessions.status })
    .from(agendaItems)
    .innerJoin(liveSessions, eq(liveSessions.id, agendaItems.liveSessionId))
    .where(eq(agendaItems.id, agendaItemId));
  if (!row) throw notFound();
  if (row.status === "closed") throw new DomainError("conflict", "live:error.sessionClosed");
  return row.liveSessionId;
}

async function publishItem(deps: LiveDeps, liveSessionId: string, agendaItemId: string): Promise<AgendaItemView> {
  const item = (await loadItem(deps.db, agendaItemId))!;
  deps.publish({ type: "agendaItem.updated", liveSessionId, audience: "all", item });
  if (item.resultsVisible) {
    const result = await computeItemResult(deps.db, item, liveSessionId);
    deps.publish({ type: "result.updated", liveSessionId, audience: "all", result });
  }
  return item;
}

export async function setPhase(deps: LiveDeps, actor: Actor, input: unknown): Promise<AgendaItemView> {
  authorize(actor, "liveSession.moderate");
  const data = parseInput(setPhaseSchema, input);
  const liveSessionId = await openSessionOf(deps, data.agendaItemId);
  await deps.db
    .update(agendaItems)
    .set({ phase: data.phase, ...phasePresets[data.phase] })
    .where(eq(agendaItems.id, data.agendaItemId));
  return publishItem(deps, liveSessionId, data.agendaItemId);
}

export async function updateItemSettings(deps: LiveDeps, actor: Actor, input: unknown): Promise<AgendaItemView> {
  authorize(actor, "liveSession.moderate");
  const { agendaItemId, ...settings } = parseInput(itemSettingsSchema, input);
  const liveSessionId = await openSessionOf(deps, agendaItemId);
  if (Object.keys(settings).length > 0) {
    await deps.db.update(agendaItems).set(settings).where(eq(agendaItems.id, agendaItemId));
  }
  return publishItem(deps, liveSessionId, agendaItemId);
}

export async function setCurrentItem(deps: LiveDeps, actor: Actor, input: unknown): Promise<AgendaItemView> {
  authorize(actor, "liveSession.moderate");
  const data = parseInput(setCurrentItemSchema, input);
  const liveSessionId = await openSessionOf(deps, data.agendaItemId);
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

import { randomInt } from "node:crypto";
import { and, asc, eq, gt, lt, desc, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { agendaItems, comments, liveSessions, proposals, votes } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/permissions";
import { getConference } from "../conferences/conferences.server";
import { authorizeConference } from "../conferences/team.server";
import { DomainError, parseInput, notFound } from "../errors";
import { refuseUnoffered } from "../i18n/content-input";
import { insertAgendaEntries } from "./agenda-entries.server";
import { itemAudience, type LiveDeps } from "./events";
import { loadItem, loadItems, loadItemsById, loadLiveSession } from "./items.server";
import { computeItemResults } from "./results.server";
import { authorizeAgendaItem, authorizeLiveSession } from "./steering.server";
import type { ItemResult } from "./views";
import {
  addAgendaItemsSchema,
  agendaItemRefSchema,
  createLiveSessionSchema,
  liveSessionRefSchema,
  moveAgendaItemSchema,
  updateActivitiesSchema,
} from "./schemas";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];


/** Locks the session row so that concurrent agenda edits keep positions consistent. */
export async function lockSession(tx: Tx, liveSessionId: string) {
  const [session] = await tx.select().from(liveSessions).where(eq(liveSessions.id, liveSessionId)).for("update");
  if (!session) throw notFound();
  return session;
}

export async function createLiveSession(db: Db, actor: Actor, input: unknown): Promise<{ id: string }> {
  authorize(actor, "conference.manage");
  const data = parseInput(createLiveSessionSchema, input);
  const conference = await getConference(db, data.conferenceId);
  if (!conference) throw notFound();
  await authorizeConference(db, actor, "conference.manage", conference.id);
  const [row] = await db
    .insert(liveSessions)
    .values({ conferenceId: conference.id, title: data.title, dotsPerParticipant: data.dotsPerParticipant })
    .returning({ id: liveSessions.id });
  return { id: row!.id };
}

/** The item's session, locked, and the item as it stands under that lock; a closed session's agenda is frozen. */
export async function lockItemForEdit(tx: Tx, agendaItemId: string) {
  const [ref] = await tx.select({ liveSessionId: agendaItems.liveSessionId }).from(agendaItems).where(eq(agendaItems.id, agendaItemId));
  if (!ref) throw notFound();
  const session = await lockSession(tx, ref.liveSessionId);
  if (session.status === "closed") throw new DomainError("conflict", "live:error.sessionClosed");
  // Read again under the lock: a concurrent move or removal may have committed meanwhile.
  const [item] = await tx.select().from(agendaItems).where(eq(agendaItems.id, agendaItemId));
  if (!item) throw notFound();
  return { item, session };
}

/**
 * Announces the items as they are after commit. The current item is read after commit too, so an
 * item that became current meanwhile still reaches the participants with this change.
 */
async function publishItems(deps: LiveDeps, liveSessionId: string, agendaItemIds: string[]) {
  const [session, items] = await Promise.all([loadLiveSession(deps.db, liveSessionId), loadItemsById(deps.db, agendaItemIds)]);
  for (const item of items) {
    const audience = itemAudience(item, session?.currentAgendaItemId ?? null);
    deps.publish({ type: "agendaItem.updated", liveSessionId, audience, item });
  }
}

export async function addAgendaItems(deps: LiveDeps, actor: Actor, input: unknown): Promise<{ ids: string[] }> {
  authorize(actor, "liveSession.moderate");
  const data = parseInput(addAgendaItemsSchema, input);
  await authorizeLiveSession(deps.db, actor, "liveSession.moderate", data.liveSessionId);
  const ids = await deps.db.transaction(async (tx) => {
    const session = await lockSession(tx, data.liveSessionId);
    if (session.status === "closed") throw new DomainError("conflict", "live:error.sessionClosed");
    const conference = (await getConference(tx, session.conferenceId))!;
    return insertAgendaEntries(tx, { id: session.id, planSlug: conference.planSlug, languages: conference.languages }, data.entries);
  });
  await publishItems(deps, data.liveSessionId, ids);
  return { ids };
}

export async function updateActivities(deps: LiveDeps, actor: Actor, input: unknown): Promise<void> {
  authorize(actor, "liveSession.moderate");
  const data = parseInput(updateActivitiesSchema, input);
  await authorizeAgendaItem(deps.db, actor, "liveSession.moderate", data.agendaItemId);
  const liveSessionId = await deps.db.transaction(async (tx) => {
    const { session } = await lockItemForEdit(tx, data.agendaItemId);
    const { languages } = (await getConference(tx, session.conferenceId))!;
    refuseUnoffered(
      Object.fromEntries(
        Object.entries(data.activities.rating?.criterionTranslations ?? {}).map(([criterion, translations]) => [
          `activities.rating.criterionTranslations.${criterion}`,
          translations,
        ]),
      ),
      languages,
      "live:error.languageNotOffered",
    );
    await tx.update(agendaItems).set({ activities: data.activities }).where(eq(agendaItems.id, data.agendaItemId));
    return session.id;
  });
  await publishItems(deps, liveSessionId, [data.agendaItemId]);
}

export async function moveAgendaItem(deps: LiveDeps, actor: Actor, input: unknown): Promise<void> {
  authorize(actor, "liveSession.moderate");
  const data = parseInput(moveAgendaItemSchema, input);
  await authorizeAgendaItem(deps.db, actor, "liveSession.moderate", data.agendaItemId);
  const moved = await deps.db.transaction(async (tx) => {
    const { item } = await lockItemForEdit(tx, data.agendaItemId);
    const up = data.direction === "up";
    const [neighbour] = await tx
      .select()
      .from(agendaItems)
      .where(
        and(
          eq(agendaItems.liveSessionId, item.liveSessionId),
          up ? lt(agendaItems.position, item.position) : gt(agendaItems.position, item.position),
        ),
      )
      .orderBy(up ? desc(agendaItems.position) : asc(agendaItems.position))
      .limit(1);
    if (!neighbour) return null;
    await tx.update(agendaItems).set({ position: neighbour.position }).where(eq(agendaItems.id, item.id));
    await tx.update(agendaItems).set({ position: item.position }).where(eq(agendaItems.id, neighbour.id));
    return { liveSessionId: item.liveSessionId, ids: [item.id, neighbour.id] };
  });
  // A swap changes exactly two positions; each event carries its item's new one.
  if (moved) await publishItems(deps, moved.liveSessionId, moved.ids);
}

export async function removeAgendaItem(deps: LiveDeps, actor: Actor, input: unknown): Promise<void> {
  authorize(actor, "liveSession.moderate");
  const data = parseInput(agendaItemRefSchema, input);
  await authorizeAgendaItem(deps.db, actor, "liveSession.moderate", data.agendaItemId);
  const removed = await deps.db.transaction(async (tx) => {
    const { item, session } = await lockItemForEdit(tx, data.agendaItemId);
    const [use] = await tx
      .select({
        hasInput: sql<boolean>`exists (select 1 from ${votes} where ${votes.agendaItemId} = ${item.id})
          or exists (select 1 from ${comments} where ${comments.agendaItemId} = ${item.id})
          or exists (select 1 from ${proposals} where ${proposals.agendaItemId} = ${item.id})`,
      })
      .from(agendaItems)
      .where(eq(agendaItems.id, item.id));
    // Votes, comments and proposals are the participants' input: an item that has any stays on the record.
    if (use!.hasInput || session.currentAgendaItemId === item.id) {
      throw new DomainError("conflict", "live:error.itemInUse");
    }
    await tx.delete(agendaItems).where(eq(agendaItems.id, item.id));
    return { liveSessionId: session.id, audience: itemAudience(item, session.currentAgendaItemId) };
  });
  deps.publish({ type: "agendaItem.removed", liveSessionId: removed.liveSessionId, audience: removed.audience, agendaItemId: data.agendaItemId });
}

/** Six characters without look-alikes (no 0/O, 1/I/L), easy to read out and type on a phone. */
export const joinCodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

function generateJoinCode(): string {
  return Array.from({ length: 6 }, () => joinCodeAlphabet[randomInt(joinCodeAlphabet.length)]).join("");
}

export async function startLiveSession(deps: LiveDeps, actor: Actor, input: unknown): Promise<{ joinCode: string }> {
  authorize(actor, "liveSession.moderate");
  const data = parseInput(liveSessionRefSchema, input);
  await authorizeLiveSession(deps.db, actor, "liveSession.moderate", data.liveSessionId);
  const result = await deps.db.transaction(async (tx) => {
    const session = await lockSession(tx, data.liveSessionId);
    if (session.status === "live") return { joinCode: session.joinCode!, first: null };
    if (session.status === "closed") throw new DomainError("conflict", "live:error.sessionClosed");
    const [first] = await tx
      .select({ id: agendaItems.id })
      .from(agendaItems)
      .where(eq(agendaItems.liveSessionId, session.id))
      .orderBy(asc(agendaItems.position))
      .limit(1);
    if (!first) throw new DomainError("conflict", "live:error.emptyAgenda");
    let joinCode = generateJoinCode();
    for (let attempt = 0; attempt < 5; attempt++) {
      const [taken] = await tx.select({ id: liveSessions.id }).from(liveSessions).where(eq(liveSessions.joinCode, joinCode));
      if (!taken) break;
      joinCode = generateJoinCode();
    }
    await tx
      .update(liveSessions)
      .set({ status: "live", joinCode, startedAt: sql`now()`, currentAgendaItemId: first.id })
      .where(eq(liveSessions.id, session.id));
    return { joinCode, first: first.id };
  });
  if (result.first) {
    const item = await loadItem(deps.db, result.first);
    deps.publish({ type: "liveSession.currentItem", liveSessionId: data.liveSessionId, audience: "all", item, comments: [] });
  }
  return { joinCode: result.joinCode };
}

/**
 * The live room's half of closing a session, inside the caller's transaction: the session locked
 * and closed, so no vote or comment is taken after, and every item's result as it stands then;
 * null when it was closed already. The command is the results room's closeLiveSession, which
 * freezes these results in the same transaction (results sits above live and owns them).
 */
export async function endLiveSession(tx: Tx, liveSessionId: string): Promise<ItemResult[] | null> {
  const session = await lockSession(tx, liveSessionId);
  if (session.status === "closed") return null;
  await tx
    .update(liveSessions)
    .set({ status: "closed", closedAt: sql`now()` })
    .where(eq(liveSessions.id, session.id));
  // Every item in a few queries: a session of 500 items closes in well under a second.
  return computeItemResults(tx, await loadItems(tx, session.id), session.id);
}

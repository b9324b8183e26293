import type { Db } from "../db/client";
import type { LiveEvent, Publish } from "../app/live/events";
import { loadItem } from "../app/live/items.server";
import { computeItemResult } from "../app/live/results.server";
import { resultAudience } from "../app/live/rules";
import { logError } from "../app/log.server";
import { liveSessionRoom, type RealtimeServer } from "./events";
import { authorRoom, moderatorsRoom } from "../app/live/contract";

type ClientLiveEvent = Exclude<LiveEvent, { audience: "internal" }>;

/**
 * A room as the publisher sends to it: each event under its own type, which is what
 * LiveServerEvents declares member by member (TypeScript cannot follow that through the union).
 */
type LiveBroadcast = { emit(type: ClientLiveEvent["type"], event: ClientLiveEvent): boolean };

/** At most this many result updates per agenda item per second reach the screens. */
const resultIntervalMs = 200;

/**
 * Sends committed changes to the right rooms. A burst of votes becomes one aggregate per item
 * and interval, computed from the database, so a projector never chokes on single votes.
 */
export function createPublisher(io: RealtimeServer, db: Db, intervalMs = resultIntervalMs): Publish & { flush(): Promise<void> } {
  const pending = new Map<string, { liveSessionId: string; timer: NodeJS.Timeout }>();
  const running = new Set<Promise<void>>();

  const emit = (event: ClientLiveEvent) => {
    const room =
      event.audience === "all"
        ? liveSessionRoom(event.liveSessionId)
        : event.audience === "author"
          ? authorRoom(event.liveSessionId, event.authorId)
          : moderatorsRoom(event.liveSessionId);
    const screens: LiveBroadcast = io.to(room);
    screens.emit(event.type, event);
  };

  async function sendResult(agendaItemId: string, liveSessionId: string) {
    const item = await loadItem(db, agendaItemId);
    if (!item) return;
    const result = await computeItemResult(db, item, liveSessionId);
    emit({ type: "result.updated", liveSessionId, audience: resultAudience(item), result });
  }

  const lastSent = new Map<string, number>();
  // One aggregate per item at a time, in order: a slow query must not overtake a newer one.
  const chains = new Map<string, Promise<void>>();

  function send(agendaItemId: string, liveSessionId: string) {
    lastSent.set(agendaItemId, Date.now());
    const run = (chains.get(agendaItemId) ?? Promise.resolve())
      .then(() => sendResult(agendaItemId, liveSessionId))
      .catch((error: unknown) => logError("result update failed", error))
      .finally(() => {
        running.delete(run);
        if (chains.get(agendaItemId) === run) chains.delete(agendaItemId);
      });
    chains.set(agendaItemId, run);
    running.add(run);
  }

  /**
   * Leading and trailing edge: the first vote after a quiet spell is shown at once; during a
   * burst the screens get one aggregate per interval, and the last one always follows.
   */
  function schedule(agendaItemId: string, liveSessionId: string) {
    if (pending.has(agendaItemId)) return;
    const wait = (lastSent.get(agendaItemId) ?? 0) + intervalMs - Date.now();
    if (wait <= 0) return send(agendaItemId, liveSessionId);
    const timer = setTimeout(() => {
      pending.delete(agendaItemId);
      send(agendaItemId, liveSessionId);
    }, wait);
    pending.set(agendaItemId, { liveSessionId, timer });
  }

  // Joins come in bursts when a room scans the QR code: the screens need only the latest count.
  const joinCounts = new Map<string, Extract<LiveEvent, { type: "participants.joined" }>>();
  function scheduleCount(event: Extract<LiveEvent, { type: "participants.joined" }>) {
    const waiting = joinCounts.has(event.liveSessionId);
    joinCounts.set(event.liveSessionId, event);
    if (waiting) return;
    setTimeout(() => {
      const latest = joinCounts.get(event.liveSessionId)!;
      joinCounts.delete(event.liveSessionId);
      emit(latest);
    }, intervalMs * 2);
  }

  const publish = ((event: LiveEvent) => {
    if (event.audience === "internal") schedule(event.agendaItemId, event.liveSessionId);
    else if (event.type === "participants.joined") scheduleCount(event);
    else emit(event);
  }) as Publish & { flush(): Promise<void> };

  /** Sends what is waiting now; used on shutdown and by tests. */
  publish.flush = async () => {
    for (const [agendaItemId, { liveSessionId, timer }] of pending) {
      clearTimeout(timer);
      pending.delete(agendaItemId);
      await sendResult(agendaItemId, liveSessionId);
    }
    await Promise.all(running);
  };
  return publish;
}

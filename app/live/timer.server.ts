import { z } from "zod";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/permissions";
import { DomainError, parseInput, notFound } from "../errors";
import type { LiveDeps } from "./events";
import { loadLiveSession } from "./items.server";
import { authorizeLiveSession } from "./steering.server";
import { uuid } from "./schemas";

/** 0 minutes stops the countdown. */
const setTimerSchema = z.object({ liveSessionId: uuid, minutes: z.number().int().min(0).max(120) });

/**
 * The moderator's countdown, shown on every screen of the room. It is a moment, not a record:
 * nothing is stored, and the event says how many seconds are left rather than when it ends, so
 * a phone whose clock is wrong still counts down right.
 */
export async function setTimer(deps: LiveDeps, actor: Actor, input: unknown): Promise<{ secondsLeft: number | null }> {
  authorize(actor, "liveSession.moderate");
  const { liveSessionId, minutes } = parseInput(setTimerSchema, input, "conferences:timer.invalid");
  await authorizeLiveSession(deps.db, actor, "liveSession.moderate", liveSessionId);
  const session = await loadLiveSession(deps.db, liveSessionId);
  if (!session) throw notFound();
  if (session.status === "draft") throw new DomainError("conflict", "live:error.notStarted");
  if (session.status === "closed") throw new DomainError("conflict", "live:error.sessionClosed");
  const secondsLeft = minutes === 0 ? null : minutes * 60;
  deps.publish({ type: "liveSession.timer", liveSessionId, audience: "all", secondsLeft });
  return { secondsLeft };
}

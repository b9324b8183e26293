import { z } from "zod";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/permissions";
import { DomainError, parseInput, notFound } from "../errors";
import type { LiveDeps } from "./events";
import { loadLiveSession } from "./items.server";
import { authorizeLiveSession } from "./steering.server";
import { uuid } from "./schemas";

const setJoinPanelSchema = z.object({ liveSessionId: uuid, shown: z.boolean() });

/**
 * The presenter's Q from the console: shows or hides the join panel (code and QR) on every
 * projector of the session. Like the timer a moment, not a record: a projector opened later
 * starts with the panel shown, and its own Q key still works.
 */
export async function setJoinPanel(deps: LiveDeps, actor: Actor, input: unknown): Promise<{ shown: boolean }> {
  authorize(actor, "liveSession.moderate");
  const { liveSessionId, shown } = parseInput(setJoinPanelSchema, input);
  await authorizeLiveSession(deps.db, actor, "liveSession.moderate", liveSessionId);
  const session = await loadLiveSession(deps.db, liveSessionId);
  if (!session) throw notFound();
  if (session.status !== "live") throw new DomainError("conflict", session.status === "closed" ? "live:error.sessionClosed" : "live:error.notStarted");
  deps.publish({ type: "liveSession.joinPanel", liveSessionId, audience: "all", shown });
  return { shown };
}

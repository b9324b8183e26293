import { resultSnapshots } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/permissions";
import { parseInput } from "../errors";
import type { LiveDeps } from "../live/events";
import { liveSessionRefSchema } from "../live/schemas";
import { endLiveSession } from "../live/setup.server";
import { authorizeLiveSession } from "../live/steering.server";

/**
 * Closing a live session: no vote or comment is taken after, and every item's result is frozen
 * as it stands, in one transaction. The command sits here because the frozen results are this
 * room's and the live room below may not write them; the live half is live's endLiveSession.
 */
export async function closeLiveSession(deps: LiveDeps, actor: Actor, input: unknown): Promise<void> {
  authorize(actor, "liveSession.moderate");
  const data = parseInput(liveSessionRefSchema, input);
  await authorizeLiveSession(deps.db, actor, "liveSession.moderate", data.liveSessionId);
  const closed = await deps.db.transaction(async (tx) => {
    const results = await endLiveSession(tx, data.liveSessionId);
    if (results === null) return false;
    // One INSERT for every item of the session.
    if (results.length > 0) {
      await tx
        .insert(resultSnapshots)
        .values(results.map((result) => ({ agendaItemId: result.agendaItemId, data: result })))
        .onConflictDoNothing();
    }
    return true;
  });
  if (closed) deps.publish({ type: "liveSession.closed", liveSessionId: data.liveSessionId, audience: "all" });
}

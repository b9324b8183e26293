import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { agendaItems, liveSessions } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { authorize, type Action } from "../auth/permissions";
import { authorizeConference } from "../conferences/team.server";
import { notFound } from "../errors";
import { uuid } from "./schemas";

type Reader = Pick<Db, "select">;


async function conferenceOfSession(db: Reader, liveSessionId: string): Promise<string | null> {
  if (!uuid.safeParse(liveSessionId).success) return null;
  const [row] = await db.select({ conferenceId: liveSessions.conferenceId }).from(liveSessions).where(eq(liveSessions.id, liveSessionId));
  return row?.conferenceId ?? null;
}

/**
 * authorizeConference for a command on a live session: the role first (so a participant learns
 * nothing of the session), then the session's conference team. An unknown session is not found.
 */
export async function authorizeLiveSession(db: Reader, actor: Actor, action: Action, liveSessionId: string): Promise<void> {
  authorize(actor, action);
  const conferenceId = await conferenceOfSession(db, liveSessionId);
  if (!conferenceId) throw notFound();
  await authorizeConference(db, actor, action, conferenceId);
}

/** The same for a command on one agenda item, before the command reads the item's state. */
export async function authorizeAgendaItem(db: Reader, actor: Actor, action: Action, agendaItemId: string): Promise<void> {
  authorize(actor, action);
  const [row] = uuid.safeParse(agendaItemId).success
    ? await db
        .select({ conferenceId: liveSessions.conferenceId })
        .from(agendaItems)
        .innerJoin(liveSessions, eq(liveSessions.id, agendaItems.liveSessionId))
        .where(eq(agendaItems.id, agendaItemId))
    : [];
  if (!row) throw notFound();
  await authorizeConference(db, actor, action, row.conferenceId);
}

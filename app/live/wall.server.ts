import { eq } from "drizzle-orm";
import { z } from "zod";
import { liveSessions } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/permissions";
import { getConference } from "../conferences/conferences.server";
import { DomainError, parseInput } from "../errors";
import { languages } from "../i18n/config";
import type { LiveDeps } from "./events";
import { uuid } from "./schemas";
import { lockSession } from "./setup.server";
import { authorizeLiveSession } from "./steering.server";

const setWallLanguageSchema = z.object({ liveSessionId: uuid, language: z.enum(languages).nullable() });

/**
 * The second language of the projector's wall of comments, beside the room's main one (the
 * conference's first language), or none (decision 042). Kept on the session, unlike the timer:
 * a projector opened later shows the same two languages.
 */
export async function setWallLanguage(deps: LiveDeps, actor: Actor, input: unknown): Promise<{ language: string | null }> {
  authorize(actor, "liveSession.moderate");
  const { liveSessionId, language } = parseInput(setWallLanguageSchema, input);
  await authorizeLiveSession(deps.db, actor, "liveSession.moderate", liveSessionId);
  await deps.db.transaction(async (tx) => {
    const session = await lockSession(tx, liveSessionId);
    const conference = (await getConference(tx, session.conferenceId))!;
    if (language !== null && (!conference.languages.includes(language) || language === conference.languages[0])) {
      throw new DomainError("invalid", "conferences:mediation.error.language", { language: "conferences:mediation.error.language" });
    }
    await tx.update(liveSessions).set({ wallLanguage: language }).where(eq(liveSessions.id, liveSessionId));
  });
  deps.publish({ type: "liveSession.wallLanguage", liveSessionId, audience: "all", language });
  return { language };
}

import type { Db } from "../../db/client";
import type { Actor } from "../auth/actor";
import { DomainError, statusOf } from "../errors";
import { conferenceFeedback } from "./feedback.server";
import { authorizeConference } from "../conferences/team.server";

/** A conference's feedback for a page; an unknown or malformed id is a 404 page, not an error. */
export async function feedbackForPage(db: Db, actor: Actor, conferenceId: string | undefined, language: string) {
  try {
    return await conferenceFeedback(db, actor, { conferenceId, language });
  } catch (error) {
    if (error instanceof DomainError && (error.code === "not_found" || error.code === "invalid")) {
      throw new Response(null, { status: 404 });
    }
    throw error;
  }
}

/** The same for the printable report, which only the conference's team (and admins) may read. */
export async function reportForPage(db: Db, actor: Actor, conferenceId: string | undefined, language: string) {
  try {
    await authorizeConference(db, actor, "results.view", conferenceId ?? "");
  } catch (error) {
    if (error instanceof DomainError) throw new Response(null, { status: statusOf[error.code] });
    throw error;
  }
  return feedbackForPage(db, actor, conferenceId, language);
}

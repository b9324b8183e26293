import type { Db } from "../../db/client";
import type { Actor } from "../auth/actor";
import { DomainError } from "../errors";
import { conferenceFeedback } from "./feedback.server";

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

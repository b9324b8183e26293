import type { Db } from "../../db/client";
import type { Actor } from "../auth/actor";
import { orRefuse } from "../errors";
import { conferenceFeedback } from "./feedback.server";
import { authorizeConference } from "../conferences/team.server";
import { isTwoStep } from "../conferences/kinds";
import { twoStepRanking } from "../results/two-step.server";

/** A conference's feedback for a page; an unknown or malformed id is a 404 page, not an error. */
export function feedbackForPage(db: Db, actor: Actor, conferenceId: string | undefined, language: string) {
  return orRefuse(conferenceFeedback(db, actor, { conferenceId, language }), { invalid: 404 });
}

/** The same for the printable report, which only the conference's team (and admins) may read. */
export async function reportForPage(db: Db, actor: Actor, conferenceId: string | undefined, language: string) {
  await orRefuse(authorizeConference(db, actor, "results.view", conferenceId ?? ""));
  return feedbackForPage(db, actor, conferenceId, language);
}

/**
 * The combined ranking of a two-step prioritisation for its team's page, running sessions counted
 * now; a conference of another kind has none (404).
 */
export async function rankingForPage(db: Db, actor: Actor, conferenceId: string | undefined) {
  await orRefuse(authorizeConference(db, actor, "results.view", conferenceId ?? ""));
  return orRefuse(twoStepRanking(db, actor, { conferenceId }), { invalid: 404 });
}

/** The same for the printed report, which holds closed sessions only; null for a conference of another kind. */
export function rankingForReport(db: Db, actor: Actor, conference: { id: string; goalsNamedFirst: number | null }) {
  return !isTwoStep(conference) ? null : twoStepRanking(db, actor, { conferenceId: conference.id }, { closedOnly: true });
}

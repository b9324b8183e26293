import { eq } from "drizzle-orm";
import { comments, liveSessions } from "../../db/schema";
import { getConference } from "../conferences/conferences.server";
import { isLanguage } from "../i18n/config";
import { logError } from "../log.server";
import { machineTranslate } from "../translation/machine-translate.server";
import { saveMachineTranslations } from "../translation/input-translations.server";
import type { LiveDeps } from "./events";
import { announceCommentTranslation } from "./translations.server";

/** What was just stored, in its author's language: a comment, or a proposal with its title. */
export type NewInput = { id: string; liveSessionId: string; from: string; text: string } & (
  | { kind: "comment" }
  | { kind: "proposal"; title: string }
);

const running = new Set<Promise<void>>();

/**
 * Machine translations of input that was just committed, into the conference's other languages,
 * stored and announced like a mediator's (decision 042). Runs on its own: the caller has already
 * answered, and nothing here can fail the post; a service that is down leaves the input
 * untranslated (machineTranslate logs why) until a mediator translates it.
 */
export function translateLater(deps: LiveDeps, input: NewInput): void {
  const { translator } = deps;
  if (!translator || !isLanguage(input.from)) return;
  const work = translate(deps, input).catch((error: unknown) => logError("machine translation after commit", error));
  running.add(work);
  void work.finally(() => running.delete(work));
}

/** Resolves once the machine translations under way now are stored and announced (shutdown, tests). */
export async function machineTranslationsSettled(): Promise<void> {
  while (running.size > 0) await Promise.all(running);
}

async function translate(deps: LiveDeps, input: NewInput): Promise<void> {
  const [session] = await deps.db.select({ conferenceId: liveSessions.conferenceId }).from(liveSessions).where(eq(liveSessions.id, input.liveSessionId));
  const conference = session && (await getConference(deps.db, session.conferenceId));
  if (!conference || !isLanguage(input.from)) return;
  const to = conference.languages.filter(isLanguage).filter((language) => language !== input.from);
  if (to.length === 0) return;
  const ask = (text: string) => machineTranslate(deps.db, deps.translator ?? null, { text, from: input.from as typeof to[number], to });
  if (input.kind === "proposal") {
    const [bodies, titles] = await Promise.all([ask(input.text), ask(input.title)]);
    const stored = await saveMachineTranslations(deps.db, { kind: "proposal", id: input.id }, bodies, titles);
    for (const translation of stored) {
      deps.publish({ type: "proposal.translated", liveSessionId: input.liveSessionId, audience: "moderators", proposalId: input.id, translation });
    }
    return;
  }
  const made = await ask(input.text);
  const stored = await saveMachineTranslations(deps.db, { kind: "comment", id: input.id }, made);
  if (stored.length === 0) return;
  // Announced to whoever sees the comment now: a moderator may have hidden it meanwhile.
  const [c] = await deps.db.select().from(comments).where(eq(comments.id, input.id));
  if (!c) return;
  const facts = { id: c.id, agendaItemId: c.agendaItemId, participantId: c.participantId, hidden: c.hiddenAt, mergedIntoId: c.mergedIntoId, awaitingApproval: c.awaitingApproval };
  for (const translation of stored) announceCommentTranslation(deps, input.liveSessionId, facts, translation);
}

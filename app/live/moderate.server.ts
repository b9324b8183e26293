import { randomUUID } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import type { Actor } from "../auth/actor";
import { requireActor } from "../auth/actor.server";
import { DomainError, orRefuse } from "../errors";
import { accepted, attempt, readSubmission } from "../forms.server";
import { translationsFromFields } from "../i18n/content";
import type { Sent } from "../forms";
import { activitiesFromForm } from "./activities-form.server";
import { moderateComment } from "./comments.server";
import { liveDeps } from "./deps.server";
import { moderateProposal } from "./proposals.server";
import type { LiveDeps } from "./events";
import {
  addAgendaItems,
  moveAgendaItem,
  removeAgendaItem,
  startLiveSession,
  updateActivities,
} from "./setup.server";
import { getLiveState } from "./state.server";
import { authorizeLiveSession } from "./steering.server";
import { setCurrentItem, setPhase, updateItemSettings } from "./steer.server";
import { setTimer } from "./timer.server";
import { setJoinPanel } from "./screen.server";
import { setWallLanguage } from "./wall.server";
import { uuid } from "./schemas";
import { enterPaperVotes } from "./votes.server";
import { correctPaperVote, withdrawPaperVote } from "./paper-votes.server";

type Form = Sent;
type Command = (actor: Actor, form: Form) => Promise<unknown>;
/**
 * Closing a session, a command of the results room (it freezes the results, which the live room
 * may not write: app/results/close.server.ts); the console's route hands it in.
 */
export type CloseCommand = (deps: LiveDeps, actor: Actor, input: { liveSessionId: string }) => Promise<void>;

/**
 * A moderator page's live state. Unknown or malformed ids are a plain 404, and a refusal of the
 * domain becomes its HTTP status, which the root error page explains.
 */
export async function moderatorState(request: Request, context: AppLoadContext, liveSessionId: string | undefined) {
  const actor = await requireActor(request, context, "liveSession.moderate");
  if (!uuid.safeParse(liveSessionId).success) throw new Response(null, { status: 404 });
  return { actor, state: await orRefuse(getLiveState(context.db, actor, liveSessionId!)) };
}

const list = (value: string | string[] | undefined) => (Array.isArray(value) ? value : value ? [value] : []);
const flag = (value: string | string[] | undefined) =>
  value === "true" ? true : value === "false" ? false : undefined;
const whole = (value: string | string[] | undefined) =>
  value === undefined || value === "" ? Number.NaN : Number(value);

function agendaCommands(context: AppLoadContext, liveSessionId: string): Record<string, Command> {
  const deps = liveDeps(context);
  const add = (actor: Actor, entries: unknown[]) => addAgendaItems(deps, actor, { liveSessionId, entries });
  // Every adding form has the note fields; measures added together share one note.
  const note = (form: Form) => ({ note: form.note, noteTranslations: translationsFromFields(form, "note") });
  return {
    addMeasures: (actor, form) =>
      add(
        actor,
        list(form.measureCode).map((measureCode) => ({ kind: "measure", measureCode, ...note(form) })),
      ),
    addCluster: (actor, form) => add(actor, [{ kind: "cluster", clusterKey: form.clusterKey, ...note(form) }]),
    addGoal: (actor, form) => add(actor, [{ kind: "goal", goalKey: form.goalKey, ...note(form) }]),
    addQuestion: (actor, form) =>
      add(actor, [{ kind: "question", question: form.question, questionTranslations: translationsFromFields(form, "question"), ...note(form) }]),
    addRanking: (actor, form) =>
      add(actor, [
        {
          kind: "ranking",
          question: form.question,
          questionTranslations: translationsFromFields(form, "question"),
          measureCodes: list(form.rankingCode),
          ...note(form),
        },
      ]),
    move: (actor, form) => moveAgendaItem(deps, actor, { agendaItemId: form.agendaItemId, direction: form.direction }),
    remove: (actor, form) => removeAgendaItem(deps, actor, { agendaItemId: form.agendaItemId }),
    activities: (actor, form) =>
      updateActivities(deps, actor, { agendaItemId: form.agendaItemId, activities: activitiesFromForm(form) }),
    start: (actor) => startLiveSession(deps, actor, { liveSessionId }),
  };
}

function consoleCommands(context: AppLoadContext, liveSessionId: string, closeLiveSession: CloseCommand): Record<string, Command> {
  const deps = liveDeps(context);
  return {
    current: (actor, form) => setCurrentItem(deps, actor, { liveSessionId, agendaItemId: form.agendaItemId }),
    phase: (actor, form) => setPhase(deps, actor, { agendaItemId: form.agendaItemId, phase: form.phase }),
    settings: (actor, form) =>
      updateItemSettings(deps, actor, {
        agendaItemId: form.agendaItemId,
        commentsOpen: flag(form.commentsOpen),
        votingState: form.votingState || undefined,
        resultsVisible: flag(form.resultsVisible),
        commentsPremoderated: flag(form.commentsPremoderated),
      }),
    timer: (actor, form) => setTimer(deps, actor, { liveSessionId, minutes: form.stop ? 0 : whole(form.minutes) }),
    joinPanel: (actor, form) => setJoinPanel(deps, actor, { liveSessionId, shown: flag(form.shown) }),
    wallLanguage: (actor, form) => setWallLanguage(deps, actor, { liveSessionId, language: form.language || null }),
    comment: (actor, form) => moderateComment(deps, actor, form),
    proposal: (actor, form) => moderateProposal(deps, actor, form, liveSessionId),
    paper: (actor, form) =>
      enterPaperVotes(deps, actor, {
        // A form sent without its page's id (a hand-made request) still gets one: it just cannot be deduplicated.
        clientId: form.clientId || randomUUID(),
        agendaItemId: form.agendaItemId,
        kind: form.kind,
        criterion: form.kind === "rating" ? form.criterion : null,
        value: whole(form.value),
        weight: form.kind === "dots" ? 1 : whole(form.weight),
      }),
    paperCorrect: (actor, form) =>
      correctPaperVote(deps, actor, {
        voteId: form.voteId,
        criterion: form.criterion || null,
        value: whole(form.value),
        weight: form.weight === undefined ? 1 : whole(form.weight),
      }),
    paperWithdraw: (actor, form) => withdrawPaperVote(deps, actor, { voteId: form.voteId }),
    close: (actor, form) => {
      if (form.confirm !== "yes") {
        throw new DomainError("invalid", "conferences:console.closeConfirmMissing", {
          confirm: "conferences:console.closeConfirmMissing",
        });
      }
      return closeLiveSession(deps, actor, { liveSessionId });
    },
  };
}

/**
 * One form post on a moderator page: the intent names the domain function. The answer carries the
 * form's id, so that without JavaScript the page shows the message at the form that was sent.
 */
async function run(
  request: Request,
  context: AppLoadContext,
  liveSessionId: string | undefined,
  commandsOf: (context: AppLoadContext, liveSessionId: string) => Record<string, Command>,
) {
  const actor = await requireActor(request, context, "liveSession.moderate");
  if (!uuid.safeParse(liveSessionId).success) throw new Response(null, { status: 404 });
  // The page's answer for strangers to the conference's team, whatever they send; each command asks again.
  await orRefuse(authorizeLiveSession(context.db, actor, "liveSession.moderate", liveSessionId!));
  const submission = await readSubmission(request);
  const command = commandsOf(context, liveSessionId!)[submission.intent];
  if (!command) throw new Response(null, { status: 400 });
  const result = await attempt(submission, () => command(actor, submission.fields));
  return result.ok ? accepted(submission, null) : result.reply;
}

export const agendaAction = (request: Request, context: AppLoadContext, liveSessionId: string | undefined) =>
  run(request, context, liveSessionId, agendaCommands);

export const consoleAction = (request: Request, context: AppLoadContext, liveSessionId: string | undefined, close: CloseCommand) =>
  run(request, context, liveSessionId, (ctx, id) => consoleCommands(ctx, id, close));

import { randomUUID } from "node:crypto";
import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "../i18n/translate";
import type { Actor } from "../auth/actor";
import { requireActor } from "../auth/actor.server";
import { DomainError } from "../errors";
import { ParticipantLinks } from "../feedback/ui/participant-links";
import { attempt, readSubmission, retryAfterHeaders } from "../forms.server";
import { languageOf } from "../i18n/i18n.server";
import { titleFrom } from "../i18n/meta";
import { postComment, supportComment } from "../live/comments.server";
import { liveDeps } from "../live/deps.server";
import { conferenceOfLiveSession } from "../live/items.server";
import type { LiveDeps } from "../live/events";
import { submitProposal } from "../live/proposals.server";
import { liveSessionIdParam } from "../live/params.server";
import { forReader, getLiveState } from "../live/state.server";
import { participantCommands, type ParticipantEvent } from "../live/ui/participant-commands";
import { ParticipantView } from "../live/ui/participant-view";
import { WorkingGroupFigures } from "../live/ui/goal-measures";
import { goalMeasureFigures } from "../results/two-step.server";
import { castRanking, castVote } from "../live/votes.server";
import feedbackStyles from "../styles/feedback.css";
import liveStyles from "../styles/live.css";

// A refused comment beyond the limit tells the phone when to try again.
export const headers = retryAfterHeaders;

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: liveStyles },
  { rel: "stylesheet", href: feedbackStyles },
];

/** The domain function behind each command: the same ones the socket handlers call. */
const commands: Record<ParticipantEvent, (deps: LiveDeps, actor: Actor, input: unknown) => Promise<unknown>> = {
  "vote:cast": castVote,
  "ranking:cast": castRanking,
  "comment:post": postComment,
  "comment:support": supportComment,
  "proposal:submit": submitProposal,
};

/**
 * The session's own participants only: a visitor without identity is sent to /join (by
 * requireActor), and so is a participant of another conference; staff get a 403.
 */
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const liveSessionId = liveSessionIdParam(params);
  const conferenceId = await conferenceOfLiveSession(context.db, liveSessionId);
  const actor = await requireActor(request, context, "vote.cast", { conferenceId });
  try {
    const state = forReader(await getLiveState(context.db, actor, liveSessionId), await languageOf(request));
    return {
      kind: "live" as const,
      state,
      figures: await goalMeasureFigures(context.db, state.liveSession, state.conference.id),
      offeredLanguages: state.conference.languages,
      clientIdBase: randomUUID().replace(/-/g, ""),
      saved: new URL(request.url).searchParams.get("saved"),
    };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.code === "forbidden" || error.code === "unauthenticated") throw redirect("/join");
    if (error.code === "not_found") throw new Response(null, { status: 404 });
    return { kind: "notStarted" as const };
  }
}

/** Every participant action as a plain form post; it redirects back to the form it came from. */
export async function action({ params, request, context }: ActionFunctionArgs) {
  const conferenceId = await conferenceOfLiveSession(context.db, params.liveSessionId ?? "");
  const actor = await requireActor(request, context, "vote.cast", { conferenceId });
  const submission = await readSubmission(request);
  const deps = liveDeps(context);
  const outcome = await attempt(submission, async () => {
    for (const command of participantCommands(submission.fields, params.liveSessionId ?? "")) {
      await commands[command.event](deps, actor, command.payload);
    }
  });
  if (!outcome.ok) return outcome.reply;
  // The form's id goes into the address the page returns to: only one that is safe there.
  const formId = /^[A-Za-z0-9-]{1,80}$/.test(submission.formId) ? submission.formId : "";
  const back = `/live/${params.liveSessionId}`;
  return redirect(formId ? `${back}?saved=${formId}#${formId}` : back);
}

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) => [
  {
    title:
      loaded?.kind === "live"
        ? titleFrom(matches, "live:participant.metaTitle", { title: loaded.state.liveSession.title })
        : titleFrom(matches, "live:error.notStarted"),
  },
];

export default function ParticipantPage() {
  const loaded = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const saved = loaded.kind === "live" ? loaded.saved : null;
  if (loaded.kind !== "live") {
    return (
      <div className="page live-page">
        <h1>{t("live:participant.notStarted")}</h1>
        <p>
          <a href={pathname}>{t("live:participant.reload")}</a>
        </p>
      </div>
    );
  }
  return (
    <>
      <WorkingGroupFigures.Provider value={loaded.figures}>
        <ParticipantView initial={loaded.state} clientIdBase={loaded.clientIdBase} saved={saved} />
      </WorkingGroupFigures.Provider>
      <ParticipantLinks conferenceId={loaded.state.conference.id} closed={loaded.state.liveSession.status === "closed"} />
    </>
  );
}

import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "../i18n/translate";
import { titleFrom } from "../i18n/meta";
import { consoleAction, moderatorState } from "../live/moderate.server";
import { isLocalOrigin, publicOrigin } from "../live/qr.server";
import { closeLiveSession } from "../results/close.server";
import { LocalLinkWarning } from "../live/ui/local-link-warning";
import { SessionHeading } from "../live/ui/session-heading";
import { AgendaSteps } from "../live/ui/agenda-keys";
import { CloseSession } from "../live/ui/close-session";
import { CommentModeration } from "../live/ui/comment-moderation";
import { ConnectionStatus } from "../live/ui/connection-status";
import { ConsoleAgenda } from "../live/ui/console-agenda";
import { ItemControls } from "../live/ui/item-controls";
import { LiveItemResult } from "../live/ui/item-result";
import { ItemTitle } from "../live/ui/item-title";
import { ItemNote } from "../live/ui/question-text";
import { GoalMeasures, WorkingGroupFigures } from "../live/ui/goal-measures";
import { goalMeasureFigures } from "../results/two-step.server";
import { PaperVotes } from "../live/ui/paper-votes";
import { ProjectorKeys } from "../live/ui/projector-keys";
import { WallLanguageForm } from "../live/ui/wall-language-form";
import { PaperBatches } from "../live/ui/paper-batches";
import { ProposalModeration } from "../live/ui/proposal-moderation";
import { SessionTimer } from "../live/ui/session-timer";
import { useLiveSession } from "../live/use-live-session";
import moderateStyles from "../styles/moderate.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: moderateStyles }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { state } = await moderatorState(request, context, params.liveSessionId);
  return {
    state,
    figures: await goalMeasureFigures(context.db, state.liveSession, state.conference.id),
    paperClientId: randomUUID(),
    localJoinLink: isLocalOrigin(publicOrigin(request, context)),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  return consoleAction(request, context, params.liveSessionId, closeLiveSession);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: titleFrom(matches, "conferences:console.metaTitle", { title: data?.state.liveSession.title ?? "" }) },
];

export default function ConsolePage() {
  const { state: initial, paperClientId, localJoinLink, figures } = useLoaderData<typeof loader>();
  const { state, connection, timer, joinPanel } = useLiveSession(initial);
  const { t, i18n } = useTranslation();
  const { liveSession, conference, items } = state;
  const current = items.find((i) => i.id === liveSession.currentAgendaItemId) ?? null;
  const result = current ? state.results.find((r) => r.agendaItemId === current.id) : undefined;
  const live = liveSession.status === "live";
  return (
    <div className="page page--wide moderate console" data-connection={connection}>
      <SessionHeading conference={conference} liveSession={liveSession} page="console" />
      <div className="console-status">
        <span className={`status status--${liveSession.status}`}>{t(`conferences:status.${liveSession.status}`)}</span>
        {liveSession.joinCode && (
          <span>
            {t("conferences:sessions.code")} <code className="join-code-inline">{liveSession.joinCode}</code>
          </span>
        )}
        <span>{t("conferences:console.participants", { count: state.participantCount })}</span>
        <ConnectionStatus connection={connection} />
        <Link to={`/live/${liveSession.id}/present`} target="_blank" rel="noopener">
          {t("conferences:console.presentLink")}
          <span className="visually-hidden">{t("conferences:console.newWindow")}</span>
        </Link>
        <Link to={`/live/${liveSession.id}/agenda`}>{t("conferences:console.agendaLink")}</Link>
        <Link to={`/live/${liveSession.id}/translate`}>{t("conferences:mediation.consoleLink")}</Link>
      </div>
      {localJoinLink && live && <LocalLinkWarning />}
      {liveSession.status === "closed" && (
        <p className="notice" role="status">
          {t("conferences:console.closedNotice")}
        </p>
      )}
      {liveSession.status === "draft" && (
        <p className="notice">
          {t("conferences:console.draftNotice")}{" "}
          <Link to={`/live/${liveSession.id}/agenda`}>{t("conferences:console.agendaLink")}</Link>
        </p>
      )}

      <div className="console-grid">
        <div className="console-grid__side">
          <section aria-labelledby="console-agenda-title" className="console-box">
            <h2 id="console-agenda-title">{t("conferences:console.agenda")}</h2>
            <ConsoleAgenda items={items} currentId={current?.id ?? null} live={live} />
          </section>
          {live && <SessionTimer timer={timer} />}
          {liveSession.status !== "closed" && (
            <section aria-labelledby="close-title" className="console-box">
              <h2 id="close-title">{t("conferences:close.heading")}</h2>
              <CloseSession />
            </section>
          )}
        </div>

        <div className="console-grid__main">
          <section aria-labelledby="current-title" className="console-box">
            <h2 id="current-title">{t("conferences:console.currentHeading")}</h2>
            {current ? (
              <>
                <p className="current-item">
                  <ItemTitle item={current} />
                </p>
                <ItemNote item={current} className="current-item__note" />
                <WorkingGroupFigures.Provider value={figures}>
                  <GoalMeasures item={current} reader={i18n.language} />
                </WorkingGroupFigures.Provider>
              </>
            ) : (
              <p>{t("conferences:console.noCurrent")}</p>
            )}
            {live && <AgendaSteps items={items} currentId={current?.id ?? null} />}
            {live && <ProjectorKeys shown={joinPanel?.shown ?? true} />}
            {live && <WallLanguageForm key={liveSession.wallLanguage ?? ""} languages={conference.languages} current={liveSession.wallLanguage} />}
            {current && live && <ItemControls item={current} />}
          </section>
          {/* The incoming queue before anything that can wait: the room speaks while the moderator reads. */}
          <section aria-labelledby="comments-title" className="console-box console-queue">
            <h2 id="comments-title">{t("conferences:comments.heading", { count: state.comments.length })}</h2>
            <CommentModeration comments={state.comments} />
          </section>
          {current && (
            <section aria-labelledby="result-title" className="console-box">
              <h2 id="result-title">{t("conferences:result.heading")}</h2>
              {result ? (
                <LiveItemResult item={current} result={result} />
              ) : (
                <p>{t("live:results.none")}</p>
              )}
            </section>
          )}
          {current && liveSession.status !== "closed" && (
            <section aria-labelledby="paper-title" className="console-box">
              <h2 id="paper-title">{t("conferences:paper.heading")}</h2>
              <PaperVotes item={current} clientId={paperClientId} />
              <PaperBatches item={current} batches={(state.paperBatches ?? []).filter((b) => b.agendaItemId === current.id)} />
            </section>
          )}
        </div>

        <div className="console-grid__feed">
          <section aria-labelledby="proposals-title" className="console-box">
            <h2 id="proposals-title">{t("conferences:proposals.heading", { count: state.proposals?.length ?? 0 })}</h2>
            <ProposalModeration proposals={state.proposals ?? []} />
          </section>
        </div>
      </div>
    </div>
  );
}

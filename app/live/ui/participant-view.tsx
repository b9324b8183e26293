import { useEffect, useMemo, useState } from "react";
import { isLanguage } from "../../i18n/config";
import { useTranslation } from "../../i18n/translate";
import { ConferenceTitle } from "../../conferences/ui/conference-texts";
import { ReadAloud } from "../../components/read-aloud";
import { inLanguage } from "../../i18n/parts";
import { applyLiveEvent } from "../apply-event";
import { entryTitle } from "../ranking-names";
import { proposable, rankingOptions, resultsRevealed, sessionRunning, votable, votingNotice } from "../rules";
import type { LiveState } from "../state.server";
import { useLiveSession } from "../use-live-session";
import type { AgendaItemView } from "../views";
import type { VoteReceipt } from "../votes.server";
import { ActivityTabs, type Activity } from "./activity-tabs";
import { CommentsSection } from "./comments";
import { contentLanguageOf } from "./criteria";
import { ItemTitle } from "./item-title";
import { useShownMeasure } from "./shown-measure";
import { ItemHeading } from "./item-heading";
import { Picked } from "../../components/picked-text";
import { useQuestion } from "./question-text";
import { LiveItemResult } from "./item-result";
import { ParticipantFormsProvider, type ParticipantForms, type Receivers } from "./live-form";
import { MyVotesSection } from "./my-votes";
import { ProposalForm } from "./proposal-form";
import { RankingForm } from "./ranking-form";
import { usePageForm } from "../../components/page-form";
import { Countdown } from "./session-timer";
import { DotVoting, RatingForm, ScaleForm } from "./voting";

type Me = NonNullable<LiveState["me"]>;

/**
 * What "read aloud" reads of the current item, in one language: its title and, for a measure, the
 * summary or objective that is in the title's language (one voice cannot read two languages); a
 * question in the reader's language where the moderator gave it.
 */
function useSpoken(item: AgendaItemView): { text: string; language: string } {
  const question = useQuestion(item);
  const shown = useShownMeasure(item.measure);
  if (shown) {
    const language = shown.title.language;
    const more = [shown.summary, shown.objective].find((f) => f.text && f.language === language);
    return { text: [shown.title.text, more?.text].filter(Boolean).join(". "), language };
  }
  const entry = entryTitle(item);
  if (entry === null && question) return { text: question.text, language: question.language };
  return { text: entry ?? "", language: contentLanguageOf(item) };
}

/** The phone knows it lost its network long before socket.io's ping timeout would notice. */
function useBrowserOffline(): boolean {
  const [offline, setOffline] = useState(false);
  useEffect(() => {
    const update = () => setOffline(!navigator.onLine);
    update();
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);
  return offline;
}

/** What the participant can do with the item now, one activity at a time. */
function useActivities(item: AgendaItemView, me: Me, state: LiveState): Activity[] {
  const { t } = useTranslation();
  const { activities } = item;
  // The same rule the server applies (app/live/rules.ts): no control the server would refuse.
  const voting = votable(state.liveSession, item);
  const list: Activity[] = [];
  if (voting && activities.dots) {
    list.push({
      key: "dots",
      label: t("live:dots.heading"),
      panel: <DotVoting item={item} me={me} dotsPerParticipant={state.liveSession.dotsPerParticipant} />,
    });
  }
  if (voting && activities.rating) list.push({ key: "rating", label: t("live:rating.heading"), panel: <RatingForm item={item} me={me} /> });
  if (voting && activities.scale) list.push({ key: "scale", label: t("live:scale.heading"), panel: <ScaleForm item={item} me={me} /> });
  if (voting && activities.ranking && rankingOptions(item).length > 0) {
    list.push({ key: "ranking", label: t("live:ranking.heading"), panel: <RankingForm item={item} me={me} /> });
  }
  if (activities.comments || state.comments.length > 0) {
    list.push({
      key: "comments",
      label: t("live:comment.heading"),
      panel: <CommentsSection item={item} comments={state.comments} session={state.liveSession} />,
    });
  }
  return list;
}

/** Why there is no voting control, when the item has votes but they are not open now. */
function VotingNotice({ item, state }: { item: AgendaItemView; state: LiveState }) {
  const { t } = useTranslation();
  const { activities } = item;
  const votes = Boolean(activities.dots || activities.rating || activities.scale || activities.ranking);
  const notice = votes ? votingNotice(state.liveSession, item) : null;
  if (notice === "later") return <p className="notice">{t("live:participant.votingLater")}</p>;
  if (notice === "closed") return <p className="notice">{t("live:participant.votingClosed")}</p>;
  return null;
}

function CurrentItem({ item, state, me }: { item: AgendaItemView; state: LiveState; me: Me }) {
  const { t } = useTranslation();
  const result = state.results.find((r) => r.agendaItemId === item.id);
  const activities = useActivities(item, me, state);
  const spoken = useSpoken(item);
  return (
    <article aria-labelledby="item-title" className="live-item">
      <ItemHeading item={item} headingId="item-title" />
      <ReadAloud text={spoken.text} language={spoken.language} describedBy="item-title" />
      <VotingNotice item={item} state={state} />
      <ActivityTabs activities={activities} />
      {/* Below the voting: a revealed result must not push the controls off the first screen. */}
      {result && resultsRevealed(item) && (
        <section aria-labelledby="result-title" className="live-section">
          <h2 id="result-title">{t("live:results.heading")}</h2>
          <LiveItemResult item={item} result={result} />
        </section>
      )}
      <MyVotesSection item={item} me={me} />
    </article>
  );
}

/** An earlier item's title: the catalogue's in its language, or the question in the reader's where given. */
function EarlierTitle({ item }: { item: AgendaItemView }) {
  const question = useQuestion(item);
  if (item.measure) return <ItemTitle item={item} />;
  const entry = entryTitle(item);
  if (entry === null) return question && <Picked text={question} />;
  return <span {...inLanguage(contentLanguageOf(item))}>{entry}</span>;
}

/** Revealed results of the items the room has moved on from. */
function EarlierResults({ state, currentId }: { state: LiveState; currentId: string | null }) {
  const { t } = useTranslation();
  const shown = state.items.filter((i) => i.id !== currentId && resultsRevealed(i));
  const withResult = shown.flatMap((item) => {
    const result = state.results.find((r) => r.agendaItemId === item.id);
    return result ? [{ item, result }] : [];
  });
  if (withResult.length === 0) return null;
  return (
    <section aria-labelledby="others-title" className="live-section">
      <h2 id="others-title">{t("live:results.others")}</h2>
      {withResult.map(({ item, result }) => (
        <section key={item.id} aria-labelledby={`result-${item.id}`}>
          <h3 id={`result-${item.id}`}>
            <EarlierTitle item={item} />
          </h3>
          <LiveItemResult item={item} result={result} />
        </section>
      ))}
    </section>
  );
}

type Props = { initial: LiveState; clientIdBase: string; saved: string | null };

/** The participant's phone: the current item and everything they can do with it, kept live. */
export function ParticipantView({ initial, clientIdBase, saved }: Props) {
  const { t, i18n } = useTranslation();
  // A refused plain post, whichever form sent it.
  const refused = usePageForm("live", { wholePage: true }).error;
  // The page's data carries its reader's translations only (the route's loader); so do its snapshots.
  const live = useLiveSession(initial, isLanguage(i18n.language) ? i18n.language : undefined);
  const { state, setState, send } = live;
  const connection = useBrowserOffline() ? "offline" : live.connection;
  const liveSessionId = state.liveSession.id;

  const received: Receivers = useMemo(() => {
    const votes = ({ myVotes }: VoteReceipt) => setState((current) => (current.me ? { ...current, me: { ...current.me, ...myVotes } } : current));
    return {
      "vote:cast": votes,
      "ranking:cast": votes,
      // Our own comment is acknowledged before its event arrives; both land on the same entry.
      "comment:post": (comment) =>
        setState((current) => applyLiveEvent(current, { type: "comment.added", liveSessionId, audience: "all", comment })),
      "comment:support": (comment) =>
        setState((current) => applyLiveEvent(current, { type: "comment.updated", liveSessionId, audience: "all", comment })),
      // The moderators see a proposal; the phone shows only that it went through.
      "proposal:submit": () => {},
    };
  }, [setState, liveSessionId]);
  const forms: ParticipantForms = useMemo(
    () => ({ liveSessionId, clientIdBase, connection, send, received, saved }),
    [liveSessionId, clientIdBase, connection, send, received, saved],
  );

  const current = state.items.find((i) => i.id === state.liveSession.currentAgendaItemId) ?? null;
  const running = sessionRunning(state.liveSession);
  const me = state.me;

  return (
    <ParticipantFormsProvider value={forms}>
      <div className="page live-page" data-connection={connection}>
        <div role="status" className={connection === "offline" ? "connection-banner" : "connection-banner connection-banner--hidden"}>
          {connection === "offline" ? t("live:connection.banner") : ""}
        </div>
        <p className="eyebrow live-page__session">
          {/* Two texts in their own languages: the conference's title may be translated, the session's is German. */}
          <ConferenceTitle conference={state.conference} /> · <span {...inLanguage("de")}>{state.liveSession.title}</span>
        </p>
        {/* A refused plain post reloads the page at its top, and its form may be gone (voting closed meanwhile). */}
        {refused && (
          <p className="form-error" role="alert">
            {t(refused.messageKey, refused.values)}
          </p>
        )}
        <Countdown timer={live.timer} className="live-page__timer" />
        {state.liveSession.status === "closed" && <p className="notice notice--strong">{t("live:participant.ended")}</p>}
        {current && me ? (
          // A new item starts with fresh forms: no ranking order or status left over from the last one.
          <CurrentItem key={current.id} item={current} state={state} me={me} />
        ) : (
          <>
            <h1>{state.liveSession.title}</h1>
            {running && <p className="notice">{t("live:participant.waiting")}</p>}
          </>
        )}
        {proposable(state.liveSession) && <ProposalForm current={current} />}
        <EarlierResults state={state} currentId={current?.id ?? null} />
        <p className="live-page__reload">
          <a href={`/live/${liveSessionId}`}>{t("live:participant.reload")}</a>
        </p>
      </div>
    </ParticipantFormsProvider>
  );
}

import { useEffect, useState } from "react";
import { useTranslation } from "../../i18n/translate";
import { LanguageName } from "../../i18n/language-name";
import { inLanguage } from "../../i18n/parts";
import type { JoinLink } from "../qr.server";
import type { LiveState } from "../state.server";
import { commentPublic, resultsRevealed, sessionRunning, votingOpen } from "../rules";
import { useLiveSession } from "../use-live-session";
import type { AgendaItemView, CommentView } from "../views";
import { ContentNoteText } from "../../catalogue/ui/content-note";
import { MaturityBadge } from "../../catalogue/ui/maturity-badge";
import { formatMoney } from "../../i18n/format";
import { ConferenceTitle } from "../../conferences/ui/conference-texts";
import { entryTitle } from "../ranking-names";
import { contentLanguageOf } from "./criteria";
import { Picked } from "../../components/picked-text";
import { GoalMeasures } from "./goal-measures";
import { ItemNote, useQuestion } from "./question-text";
import { useShownMeasure } from "./shown-measure";
import { LiveItemResult } from "./item-result";
import { LocalLinkWarning } from "./local-link-warning";
import { Countdown } from "./session-timer";
import { WallText } from "./translation-note";
import { wallLanguagesOf } from "./wall-languages";

/** How many comments fit on the wall at a size the back of the room can read. */
const wallSize = 12;

function CurrentItem({ item, state }: { item: AgendaItemView; state: LiveState }) {
  const { t } = useTranslation();
  const result = state.results.find((r) => r.agendaItemId === item.id);
  const content = inLanguage(contentLanguageOf(item));
  const question = useQuestion(item);
  const shown = useShownMeasure(item.measure);
  return (
    <>
      <p className="projector__phase">
        {t(`live:participant.kind.${item.kind}`)} · {t(`live:participant.phases.${item.phase}`)}
      </p>
      <h1 id="present-item" className="projector__title">
        {item.measure && <span dir="ltr">{item.measure.code} </span>}
        {shown ? (
          <span {...inLanguage(shown.title.language)}>{shown.title.text}</span>
        ) : entryTitle(item) !== null ? (
          <span {...content}>{entryTitle(item)}</span>
        ) : (
          question && <Picked text={question} />
        )}
      </h1>
      <ItemNote item={item} className="projector__item-note" />
      <CatalogueFacts item={item} />
      <GoalMeasures item={item} reader={wallLanguagesOf(state)[0]!} className="projector__goal-measures" />
      {shown && shown.note !== "none" && (
        <p className="projector__note">
          <ContentNoteText note={shown.note} className="" />
        </p>
      )}
      {/* The room sees numbers only once the moderator reveals them; until then, how many have voted. */}
      {resultsRevealed(item) && result ? (
        // The room reads the ranked measures in its main language, as the wall (decision 049).
        <LiveItemResult item={item} result={result} reader={wallLanguagesOf(state)[0]} size="large" />
      ) : votingOpen(item) ? (
        <p className="projector__status">
          {t("live:present.voting")} · {t("live:results.voters", { count: result?.voterCount ?? 0 })}
        </p>
      ) : item.phase === "results" ? (
        <p className="projector__status">{t("live:present.resultsSoon")}</p>
      ) : null}
    </>
  );
}

/**
 * The Reifegrad and a focus theme's budget as the catalogue states them (issue 12): the room
 * discusses a measure knowing how far it is; nothing is shown where the plan says nothing.
 */
function CatalogueFacts({ item }: { item: AgendaItemView }) {
  const { t, i18n } = useTranslation();
  const maturity = item.measure?.maturity ?? item.cluster?.maturity ?? null;
  const budget = item.cluster?.budgetCents ?? null;
  if (!maturity && budget === null) return null;
  return (
    <p className="projector__facts">
      {maturity && <MaturityBadge maturity={maturity} />}
      {budget !== null && <span>{t("catalogue:plan.budget", { amount: formatMoney(budget, i18n.language) })}</span>}
    </p>
  );
}

/**
 * The wall in the room's main language and, where the moderator picked one, a second one beside
 * it (decision 042): each comment in its original where written in that language, else translated.
 */
function CommentWall({ comments, size, languages }: { comments: CommentView[]; size: number; languages: string[] }) {
  const { t } = useTranslation();
  const wall = comments
    .filter((c) => commentPublic(c) && !c.parentId)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, size);
  return (
    <section className="projector__wall" aria-labelledby="wall-title">
      <h2 id="wall-title">{t("live:present.commentsHeading")}</h2>
      {wall.length === 0 ? (
        <p>{t("live:comment.none")}</p>
      ) : (
        <ul className="wall">
          {wall.map((c) => (
            <li key={c.id} className={c.pinned ? "wall__comment wall__comment--pinned" : "wall__comment"}>
              {c.pinned && <span className="wall__pin">{t("live:comment.pinned")}</span>}
              {languages.map((language) => (
                <WallText key={language} body={c.body} language={c.language} translations={c.translations} shownIn={language} />
              ))}
              <p className="wall__meta">
                {c.byStaff ? t("live:comment.staff") : c.authorName ?? t("live:comment.anonymous")} ·{" "}
                {t("live:comment.supports", { count: c.supportCount })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The screen's own switches, by button or key: full screen (F) and the join panel (Q). A
 * presenter's clicker or the laptop's keyboard is all the projector has.
 */
function useScreenKeys(fromConsole: { shown: boolean; at: number } | null) {
  const [joinShown, setJoinShown] = useState(true);
  const [fullscreen, setFullscreen] = useState(false);
  const [canFullscreen, setCanFullscreen] = useState(false);
  const [scripted, setScripted] = useState(false);
  const toggleFullscreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen();
  };
  useEffect(() => {
    setScripted(true);
    setCanFullscreen(document.fullscreenEnabled);
    const changed = () => setFullscreen(Boolean(document.fullscreenElement));
    const key = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === "f" || event.key === "F") toggleFullscreen();
      else if (event.key === "q" || event.key === "Q") setJoinShown((shown) => !shown);
    };
    document.addEventListener("fullscreenchange", changed);
    document.addEventListener("keydown", key);
    return () => {
      document.removeEventListener("fullscreenchange", changed);
      document.removeEventListener("keydown", key);
    };
  }, []);
  // The console's Q steers every projector; the projector's own key still toggles in between.
  useEffect(() => {
    if (fromConsole) setJoinShown(fromConsole.shown);
  }, [fromConsole]);
  return {
    scripted,
    joinShown,
    toggleJoin: () => setJoinShown((shown) => !shown),
    fullscreen,
    canFullscreen,
    toggleFullscreen,
  };
}

/**
 * The projector: large type, updated live from the same events as every phone, always one
 * screen high. Once results show they take the stage and the join panel shrinks to a corner.
 */
export function ProjectorView({ initial, join }: { initial: LiveState; join: JoinLink | null }) {
  const { t } = useTranslation();
  const { state, connection, timer, joinPanel } = useLiveSession(initial);
  const screen = useScreenKeys(joinPanel);
  const current = state.items.find((i) => i.id === state.liveSession.currentAgendaItemId) ?? null;
  const staged = Boolean(current && resultsRevealed(current) && state.results.some((r) => r.agendaItemId === current.id));
  const layout = staged ? "projector projector--results" : "projector";
  return (
    <div className={screen.joinShown ? layout : `${layout} projector--no-join`} data-connection={connection}>
      <section className="projector__item" aria-labelledby="present-item">
        <Countdown timer={timer} className="projector__timer" />
        {current ? (
          <CurrentItem item={current} state={state} />
        ) : (
          <>
            <p className="projector__conference">
              <ConferenceTitle conference={state.conference} />
            </p>
            <h1 id="present-item" className="projector__title" {...inLanguage("de")}>
              {state.liveSession.title}
            </h1>
          </>
        )}
        {state.liveSession.status === "closed" && <p className="projector__status">{t("live:participant.ended")}</p>}
      </section>
      {screen.joinShown && (
        <aside className="projector__join" aria-labelledby="join-title">
          <h2 id="join-title">{t("live:present.joinHeading")}</h2>
          {join && sessionRunning(state.liveSession) && (
            <>
              <p className="projector__join-at">{t("live:present.joinAt")}</p>
              <p className="projector__link" dir="ltr">
                {join.url.replace(/^https?:\/\//, "")}
              </p>
              <p className="projector__code">
                {t("live:present.code")} <strong dir="ltr">{join.code}</strong>
              </p>
              {/* The SVG comes from the qrcode library on our server, made from the join URL alone: no participant text. */}
              <div
                className="projector__qr"
                role="img"
                aria-label={t("live:present.qr")}
                dangerouslySetInnerHTML={{ __html: join.qrSvg }}
              />
              {join.local && <LocalLinkWarning />}
            </>
          )}
          <p className="projector__languages">
            {t("live:present.languages")}{" "}
            {state.conference.languages.map((code, i) => (
              <span key={code}>
                {i > 0 && " · "}
                <LanguageName code={code} />
              </span>
            ))}
          </p>
          <p className="projector__count">{t("live:present.participants", { count: state.participantCount })}</p>
        </aside>
      )}
      <CommentWall comments={state.comments} size={staged ? wallSize / 2 : wallSize} languages={wallLanguagesOf(state)} />
      {screen.scripted && (
        <div className="projector__keys">
          <button
            type="button"
            className="button button--secondary"
            aria-pressed={screen.joinShown}
            aria-keyshortcuts="q"
            onClick={screen.toggleJoin}
          >
            {t("live:present.joinToggle")} <kbd aria-hidden="true">Q</kbd>
          </button>
          {screen.canFullscreen && (
            <button
              type="button"
              className="button button--secondary"
              aria-pressed={screen.fullscreen}
              aria-keyshortcuts="f"
              onClick={screen.toggleFullscreen}
            >
              {t("live:present.fullscreen")} <kbd aria-hidden="true">F</kbd>
            </button>
          )}
        </div>
      )}
    </div>
  );
}

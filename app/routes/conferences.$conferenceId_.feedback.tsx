import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "../i18n/translate";
import { requireActor } from "../auth/actor.server";
import { ConferenceFacts } from "../feedback/ui/conference-facts";
import { ConferenceDownloads } from "../feedback/ui/downloads";
import { ItemResultsSection } from "../feedback/ui/item-results";
import { feedbackForPage } from "../feedback/load.server";
import { OutcomeView } from "../feedback/ui/outcome";
import { ProposalList } from "../feedback/ui/proposals";
import { TranslationNote } from "../live/ui/translation-note";
import { languageOf } from "../i18n/i18n.server";
import { titleFrom } from "../i18n/meta";
import { pickText } from "../i18n/content";
import { ConferenceAbout, useConferenceTitle } from "../conferences/ui/conference-texts";
import { isTwoStep } from "../conferences/kinds";
import { inLanguage } from "../i18n/parts";
import feedbackStyles from "../styles/feedback.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: feedbackStyles }];

/**
 * Public: what became of a conference's input, once its sessions are closed. Its switcher offers
 * the conference's languages, as the phone does: its participants read the feedback.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context, "catalogue.read");
  const language = await languageOf(request);
  const feedback = await feedbackForPage(context.db, actor, params.conferenceId, language);
  const { conference } = feedback;
  return { feedback, offeredLanguages: conference.languages, title: pickText(conference.title, conference.titleTranslations, language).text };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: titleFrom(matches, "feedback:page.metaTitle", { title: data?.title ?? "" }) },
];

export default function FeedbackPage() {
  const { feedback } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const { conference, sessions, proposals, comments } = feedback;
  const planSlug = conference.planSlug;
  const title = useConferenceTitle(conference);
  return (
    <div className="page">
      <nav aria-label={t("feedback:page.breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to="/">{t("common:nav.home")}</Link>
          </li>
          <li aria-current="page" {...inLanguage(title.language)}>
            {title.text}
          </li>
        </ol>
      </nav>
      <p className="eyebrow">{t("feedback:page.eyebrow")}</p>
      <h1 {...inLanguage(title.language)}>{title.text}</h1>
      <ConferenceAbout conference={conference} />
      <ConferenceFacts conference={conference} />
      <p className="prose">{t("feedback:page.intro")}</p>

      {sessions.length === 0 && (
        <section aria-labelledby="results-title">
          <h2 id="results-title">{t("feedback:page.results")}</h2>
          <p>{t("feedback:page.noResults")}</p>
        </section>
      )}
      {sessions.map((session) => (
        <section key={session.liveSession.id} aria-labelledby={`session-${session.liveSession.id}`}>
          <h2 id={`session-${session.liveSession.id}`}>
            <Trans
              i18nKey="feedback:page.sessionResults"
              components={{ session: <span {...inLanguage("de")}>{session.liveSession.title}</span> }}
            />
          </h2>
          {session.items.map((entry) => (
            <ItemResultsSection
              key={entry.item.id}
              entry={entry}
              decision={session.decisions[entry.item.id] ?? null}
              planSlug={planSlug}
              minGroupSize={session.minGroupSize}
              level={3}
              foldBreakdowns
            />
          ))}
        </section>
      ))}

      <section aria-labelledby="proposals-title">
        <h2 id="proposals-title">{t("feedback:page.proposals")}</h2>
        <ProposalList proposals={proposals} planSlug={planSlug} headingLevel={3} />
      </section>

      {comments.length > 0 && (
        <section aria-labelledby="comments-title">
          <h2 id="comments-title">{t("feedback:page.comments")}</h2>
          <ul className="feedback-list">
            {comments.map((comment) => (
              <li key={comment.id} className="card">
                <blockquote {...inLanguage(comment.language)}>{comment.body}</blockquote>
                <TranslationNote original={comment.language} translations={comment.translations} reader={i18n.language} />
                <OutcomeView decision={comment.decision} planSlug={planSlug} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <ConferenceDownloads conferenceId={conference.id} twoStep={isTwoStep(conference)} />
    </div>
  );
}

import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "../i18n/translate";
import { requireActor } from "../auth/actor.server";
import { segmentLabel, SuppressionNote } from "../feedback/ui/breakdowns";
import { ConferenceFacts } from "../feedback/ui/conference-facts";
import { participationOf } from "../feedback/conferences.server";
import { ItemResultsSection } from "../feedback/ui/item-results";
import { rankingForReport, reportForPage } from "../feedback/load.server";
import { ProposalList } from "../feedback/ui/proposals";
import { languageOf } from "../i18n/i18n.server";
import { titleFrom } from "../i18n/meta";
import { pickText } from "../i18n/content";
import { ConferenceAbout, useConferenceTitle } from "../conferences/ui/conference-texts";
import { inLanguage } from "../i18n/parts";
import { minGroupSize } from "../results/privacy";
import { TwoStepRankingSection } from "../results/ui/two-step-ranking";
import feedbackStyles from "../styles/feedback.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: feedbackStyles }];

/**
 * For the conference's team: its report to print or save as PDF. It holds what the public feedback
 * page holds (closed sessions, visible proposals), laid out for paper, plus who took part.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context, "results.view");
  const language = await languageOf(request);
  const feedback = await reportForPage(context.db, actor, params.conferenceId, language);
  const { conference } = feedback;
  const minimum = minGroupSize();
  return {
    feedback,
    minimum,
    participation: await participationOf(context.db, conference.id, minimum),
    prioritisation: await rankingForReport(context.db, actor, conference),
    title: pickText(conference.title, conference.titleTranslations, language).text,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: titleFrom(matches, "feedback:report.metaTitle", { title: data?.title ?? "" }) },
];

export default function ReportPage() {
  const { feedback, minimum, participation, prioritisation } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { conference, sessions, proposals } = feedback;
  const title = useConferenceTitle(conference);
  return (
    <article className="page report" aria-labelledby="report-title">
      <nav aria-label={t("feedback:page.breadcrumb")} className="breadcrumb report__screen-only">
        <ol>
          <li>
            <Link to={`/conferences/${conference.id}`} {...inLanguage(title.language)}>
              {title.text}
            </Link>
          </li>
          <li aria-current="page">{t("feedback:report.heading")}</li>
        </ol>
      </nav>
      <p className="report__screen-only notice">{t("feedback:report.printHint")}</p>
      <p className="eyebrow">{t("feedback:report.heading")}</p>
      <h1 id="report-title" {...inLanguage(title.language)}>
        {title.text}
      </h1>
      <ConferenceAbout conference={conference} />
      <ConferenceFacts conference={conference} />

      <section aria-labelledby="participation-title">
        <h2 id="participation-title">{t("feedback:report.participation")}</h2>
        <p>{t("feedback:report.participants", { count: participation.total })}</p>
        {participation.byGroup.length > 0 && (
          <>
            <table className="data-table">
              <caption>{t("feedback:report.byGroup")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("feedback:breakdown.dimension.group")}</th>
                  <th scope="col">{t("feedback:breakdown.participants")}</th>
                </tr>
              </thead>
              <tbody>
                {participation.byGroup.map((cell) => (
                  <tr key={cell.suppressed ? "suppressed" : (cell.key ?? "")}>
                    <th scope="row">{cell.suppressed ? t("feedback:breakdown.others") : segmentLabel(t, "group", cell.key)}</th>
                    <td>{cell.suppressed ? t("feedback:breakdown.suppressed") : cell.participants}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <SuppressionNote minGroupSize={minimum} />
          </>
        )}
      </section>

      {prioritisation && <TwoStepRankingSection ranking={prioritisation} />}

      {sessions.length === 0 && <p>{t("feedback:page.noResults")}</p>}
      {sessions.map((session) => (
        <section key={session.liveSession.id} aria-labelledby={`session-${session.liveSession.id}`}>
          <p id={`session-${session.liveSession.id}`} className="eyebrow">
            <Trans
              i18nKey="feedback:page.sessionResults"
              components={{ session: <span {...inLanguage("de")}>{session.liveSession.title}</span> }}
            />
          </p>
          {session.items.map((entry) => (
            <ItemResultsSection
              key={entry.item.id}
              entry={entry}
              decision={session.decisions[entry.item.id] ?? null}
              planSlug={conference.planSlug}
              minGroupSize={session.minGroupSize}
              level={2}
              foldBreakdowns={false}
            />
          ))}
        </section>
      ))}

      <section aria-labelledby="proposals-title">
        <h2 id="proposals-title">{t("feedback:page.proposals")}</h2>
        <ProposalList proposals={proposals} planSlug={conference.planSlug} headingLevel={3} />
      </section>
    </article>
  );
}

import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "../i18n/translate";
import { requireActor } from "../auth/actor.server";
import { rankingForPage } from "../feedback/load.server";
import { languageOf } from "../i18n/i18n.server";
import { titleFrom } from "../i18n/meta";
import { pickText } from "../i18n/content";
import { inLanguage } from "../i18n/parts";
import { useConferenceTitle } from "../conferences/ui/conference-texts";
import { TwoStepRankingSection } from "../results/ui/two-step-ranking";
import { DatasetDownloads } from "../feedback/ui/downloads";
import feedbackStyles from "../styles/feedback.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: feedbackStyles }];

/**
 * For the conference's team: the combined ranking of a two-step prioritisation (decision 051), the
 * running sessions counted now. The report carries the same ranking for paper, of closed sessions.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context, "results.view");
  const language = await languageOf(request);
  const ranking = await rankingForPage(context.db, actor, params.conferenceId);
  return { ranking, title: pickText(ranking.conference.title, ranking.conference.titleTranslations, language).text };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: titleFrom(matches, "results:twoStep.metaTitle", { title: data?.title ?? "" }) },
];

export default function PrioritisationPage() {
  const { ranking } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const title = useConferenceTitle(ranking.conference);
  const { id } = ranking.conference;
  return (
    <article className="page" aria-labelledby="page-title">
      <nav aria-label={t("feedback:page.breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to={`/conferences/${id}`} {...inLanguage(title.language)}>
              {title.text}
            </Link>
          </li>
          <li aria-current="page">{t("results:twoStep.heading")}</li>
        </ol>
      </nav>
      <p className="eyebrow">{t("results:twoStep.heading")}</p>
      <h1 id="page-title" {...inLanguage(title.language)}>
        {title.text}
      </h1>
      <ul>
        <li>
          <Link to={`/conferences/${id}/report#prioritisation`}>{t("results:twoStep.inReport")}</Link>
        </li>
        <li>
          <DatasetDownloads conferenceId={id} dataset="prioritisation" />
        </li>
      </ul>
      <TwoStepRankingSection ranking={ranking} />
    </article>
  );
}

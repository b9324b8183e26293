import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "../i18n/translate";
import { listPlans } from "../catalogue/catalogue.server";
import { listUpcomingConferences } from "../conferences/conferences.server";
import { ConferenceTitle } from "../conferences/ui/conference-texts";
import { AboutSite } from "../accessibility/ui/about-site";
import { readSiteSettings } from "../accessibility/settings.server";
import { conferencesWithResults } from "../feedback/conferences.server";
import { ConferencesWithResults } from "../feedback/ui/home-section";
import { formatDate } from "../i18n/format";
import { titleFrom } from "../i18n/meta";
import { inLanguage } from "../i18n/parts";

export async function loader({ context }: LoaderFunctionArgs) {
  const [plans, conferences, withResults, settings] = await Promise.all([
    listPlans(context.db),
    listUpcomingConferences(context.db),
    conferencesWithResults(context.db),
    readSiteSettings(context.db),
  ]);
  return { plans, conferences, withResults, signVideoUrl: settings.signVideoUrl };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [
  { title: titleFrom(matches, "common:home.title") },
];

export default function Home() {
  const { plans, conferences, withResults, signVideoUrl } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  return (
    <div className="page">
      <section className="prose" aria-labelledby="home-title">
        <h1 id="home-title">{t("common:home.title")}</h1>
        <p>{t("common:home.intro")}</p>
        <h2>{t("common:home.howItWorks")}</h2>
        <ol className="steps">
          <li>{t("common:home.stepJoin")}</li>
          <li>{t("common:home.stepPrioritise")}</li>
          <li>{t("common:home.stepFeedback")}</li>
        </ol>
      </section>

      <AboutSite signVideoUrl={signVideoUrl} />

      <section aria-labelledby="plans-title">
        <h2 id="plans-title">{t("common:home.plansHeading")}</h2>
        <p>{t("common:home.plansIntro")}</p>
        <ul className="card-list">
          {plans.map((plan) => (
            <li key={plan.slug} className="card">
              <h3>
                <Link to={`/plans/${plan.slug}`} {...inLanguage(plan.language)}>
                  {plan.title}
                </Link>
              </h3>
              <p className="muted">
                {plan.measureCount > 0
                  ? t("common:home.measureCount", { count: plan.measureCount })
                  : t("common:home.clusterCount", { count: plan.clusterCount })}
                {plan.publishedOn &&
                  ` · ${t("common:home.publishedOn", { date: formatDate(plan.publishedOn, i18n.language) })}`}
              </p>
              {plan.description && <p {...inLanguage(plan.language)}>{plan.description}</p>}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="conferences-title">
        <h2 id="conferences-title">{t("common:home.conferencesHeading")}</h2>
        {conferences.length === 0 ? (
          <p>{t("common:home.noConferences")}</p>
        ) : (
          <ul className="card-list">
            {conferences.map((conference) => (
              <li key={conference.id} className="card">
                <h3>
                  <ConferenceTitle conference={conference} />
                </h3>
                <p>
                  {formatDate(conference.startsAt, i18n.language)}
                  {conference.place && (
                    <>
                      {" · "}
                      <span {...inLanguage("de")}>{conference.place}</span>
                    </>
                  )}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <ConferencesWithResults conferences={withResults} />
    </div>
  );
}

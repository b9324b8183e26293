import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireActor } from "../auth/actor.server";
import { orRefuse } from "../errors";
import { titleFrom } from "../i18n/meta";
import { inLanguage } from "../i18n/parts";
import { useTranslation } from "../i18n/translate";
import { seriesResults } from "../results/series.server";
import { DistrictForums, DistrictTable, OverTimeTable } from "../results/ui/series-tables";
import planningStyles from "../styles/planning.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: planningStyles }];

export const headers = () => ({ "Cache-Control": "no-store" });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context, "results.view");
  return { results: await orRefuse(seriesResults(context.db, actor, { seriesId: params.seriesId })) };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: titleFrom(matches, "results:series.metaTitle", { title: data?.results.series.title ?? "" }) },
];

/**
 * A series' results (docs/decisions/045): recurring conferences over time, or district forums side
 * by side with each district's forums and what they put first.
 */
export default function SeriesPage() {
  const { results } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { series, overTime, districts } = results;
  // Plans carry their language; the demo catalogues and all imports so far are German.
  const contentLanguage = "de";
  const rows = overTime?.rows ?? districts?.rows ?? [];
  const columns = overTime?.conferences.length ?? districts?.districts.length ?? 0;
  return (
    <div className="page page--wide planning">
      <nav aria-label={t("common:nav.breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to="/series">{t("results:series.listTitle")}</Link>
          </li>
          <li aria-current="page" {...inLanguage(contentLanguage)}>
            {series.title}
          </li>
        </ol>
      </nav>
      <h1 {...inLanguage(contentLanguage)}>{series.title}</h1>
      <dl className="facts">
        <dt>{t("results:series.kindLabel")}</dt>
        <dd>{t(`results:series.kind.${series.kind}`)}</dd>
        <dt>{t("results:series.plan")}</dt>
        <dd>
          <Link to={`/plans/${series.plan.slug}`} {...inLanguage(contentLanguage)}>
            {series.plan.title}
          </Link>
        </dd>
      </dl>
      {columns === 0 ? (
        <p>{t("results:series.noConferences")}</p>
      ) : rows.length === 0 ? (
        <p>{t("results:series.none")}</p>
      ) : overTime ? (
        <section aria-labelledby="over-time-title">
          <h2 id="over-time-title">{t("results:series.overTime")}</h2>
          <OverTimeTable data={overTime} planSlug={series.plan.slug} contentLanguage={contentLanguage} />
        </section>
      ) : (
        districts && (
          <>
            <section aria-labelledby="districts-title">
              <h2 id="districts-title">{t("results:series.byDistrict")}</h2>
              <p>{t("results:series.privacy", { count: results.minGroupSize })}</p>
              <DistrictTable data={districts} planSlug={series.plan.slug} contentLanguage={contentLanguage} />
            </section>
            <section aria-labelledby="forums-title">
              <h2 id="forums-title">{t("results:series.forums")}</h2>
              <DistrictForums data={districts} contentLanguage={contentLanguage} />
            </section>
          </>
        )
      )}
    </div>
  );
}

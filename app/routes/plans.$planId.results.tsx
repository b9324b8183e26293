import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "../i18n/translate";
import { requireActor } from "../auth/actor.server";
import { orRefuse } from "../errors";
import { titleFrom } from "../i18n/meta";
import { inLanguage } from "../i18n/parts";
import { BreakdownTables } from "../results/ui/breakdown-tables";
import { ClusterStandings, discussed, MeasureStandings, withResults } from "../results/ui/standings";
import type { Dimension } from "../results/breakdowns.server";
import { planResults } from "../results/plan.server";
import planningStyles from "../styles/planning.css";
import { PlanBreadcrumb } from "../catalogue/ui/plan-breadcrumb";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: planningStyles }];

export const headers = () => ({ "Cache-Control": "no-store" });

/** The domain's list lives in a .server module, which the browser bundle leaves empty. */
const dimensions = ["group", "district", "language"] as const satisfies readonly Dimension[];

const isDimension = (value: string | null): value is Dimension => (dimensions as readonly (string | null)[]).includes(value);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context, "results.view");
  const requested = new URL(request.url).searchParams.get("by");
  // An unknown dimension in a hand-edited URL falls back to the first one rather than failing.
  const by: Dimension = isDimension(requested) ? requested : "group";
  const results = await orRefuse(planResults(context.db, actor, { planSlug: params.planId, breakdownBy: by }));
  return { results, by };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: titleFrom(matches, "results:plan.metaTitle", { title: data?.results.plan.title ?? "" }) },
];

export default function PlanResultsPage() {
  const { results, by } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const { plan } = results;
  // Plans carry their language; the demo catalogues and all imports so far are German.
  const contentLanguage = "de";
  const shown = results.measures.filter(discussed);
  const clusters = results.clusters.filter(withResults);
  return (
    <div className="page page--wide planning">
      <PlanBreadcrumb plan={{ ...plan, language: contentLanguage }}>
        <li aria-current="page">{t("results:plan.title")}</li>
      </PlanBreadcrumb>
      <h1>
        {t("results:plan.title")}: <span {...inLanguage(contentLanguage)}>{plan.title}</span>
      </h1>
      <dl className="facts">
        <dt>{t("results:plan.totalParticipants")}</dt>
        <dd>{results.totals.participants}</dd>
        <dt>{t("results:plan.totalDots")}</dt>
        <dd>{results.totals.dots}</dd>
        <dt>{t("results:plan.discussed")}</dt>
        <dd>{t("results:plan.discussedCount", { count: shown.length, total: results.measures.length })}</dd>
      </dl>

      <section aria-labelledby="measures-title">
        <h2 id="measures-title">{t("results:plan.byMeasure")}</h2>
        {shown.length === 0 ? (
          <p>{t("results:plan.none")}</p>
        ) : (
          <MeasureStandings measures={shown} planSlug={plan.slug} contentLanguage={contentLanguage} />
        )}
      </section>

      <section aria-labelledby="clusters-title">
        <h2 id="clusters-title">{t("results:plan.byCluster")}</h2>
        {results.clusters.length === 0 ? (
          <p>{t("results:plan.noClusters")}</p>
        ) : clusters.length === 0 ? (
          <p>{t("results:plan.noClusterResults")}</p>
        ) : (
          <ClusterStandings clusters={clusters} contentLanguage={contentLanguage} />
        )}
      </section>

      <section aria-labelledby="breakdowns-title">
        <h2 id="breakdowns-title">{t("results:plan.breakdowns")}</h2>
        <p>{t("results:plan.privacy", { count: results.minGroupSize })}</p>
        <Form method="get" className="inline-form breakdown-form">
          <input type="hidden" name="lng" value={i18n.language} />
          <div className="field">
            <label htmlFor="breakdown-by">{t("results:plan.breakdownBy")}</label>
            <select id="breakdown-by" name="by" defaultValue={by}>
              {dimensions.map((d) => (
                <option key={d} value={d}>
                  {t(`results:plan.dimension.${d}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button--secondary">
            {t("results:plan.show")}
          </button>
        </Form>
        <BreakdownTables standings={shown} minGroupSize={results.minGroupSize} contentLanguage={contentLanguage} />
      </section>
    </div>
  );
}

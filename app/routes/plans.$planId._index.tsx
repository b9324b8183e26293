import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "../i18n/translate";
import { actorFrom, requireActor } from "../auth/actor.server";
import { can } from "../auth/permissions";
import { MaturityBadge } from "../catalogue/ui/maturity-badge";
import { CatalogueDownloads } from "../feedback/ui/downloads";
import { getCatalogue, parseCatalogueFilter } from "../catalogue/catalogue.server";
import { groupMeasures } from "../catalogue/grouping";
import { MeasureFilters } from "../catalogue/ui/measure-filters";
import { unitLabel } from "../catalogue/units";
import { formatDate, formatMoney } from "../i18n/format";
import { titleFrom } from "../i18n/meta";
import { inLanguage } from "../i18n/parts";
import { languageOf } from "../i18n/i18n.server";
import { ContentNoteText } from "../catalogue/ui/content-note";
import { clusterHistory, reviseCluster } from "../catalogue/clusters.server";
import { ClusterForm, ClusterHistory } from "../catalogue/ui/cluster-figures";
import { accepted, attempt, readSubmission } from "../forms.server";

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const filter = parseCatalogueFilter(new URL(request.url).searchParams);
  const catalogue = await getCatalogue(context.db, params.planId ?? "", filter, await languageOf(request));
  if (!catalogue) throw new Response(null, { status: 404 });
  const { actor } = await actorFrom(request, context.db);
  // A plan of clusters alone (the Corona-Aktionsplan) shows each one's figures and their history.
  const clusterOnly = catalogue.clusters.length > 0 && catalogue.measureTotal === 0;
  return {
    catalogue,
    filter,
    groups: groupMeasures(catalogue),
    canEdit: can(actor, "catalogue.edit"),
    canTranslate: can(actor, "catalogue.translate"),
    clusterVersions: clusterOnly ? Object.fromEntries(await clusterHistory(context.db, actor, catalogue.plan.slug)) : {},
  };
}

/** Planners change a cluster's Reifegrad or budget here, each change a revision with its reason. */
export async function action({ params, request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context, "catalogue.edit");
  const submission = await readSubmission(request);
  const result = await attempt(submission, () => reviseCluster(context.db, actor, { ...submission.fields, planSlug: params.planId ?? "" }));
  return result.ok ? accepted(submission, null) : result.reply;
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: titleFrom(matches, "catalogue:plan.metaTitle", { title: data?.catalogue.plan.title ?? "" }) },
];

export default function PlanCatalogue() {
  const { catalogue, filter, groups, canEdit, canTranslate, clusterVersions } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const { plan } = catalogue;
  const filtered = Boolean(filter.q || filter.cluster || filter.unit || filter.maturity);
  const contentLang = plan.language;
  const content = inLanguage(contentLang);

  return (
    <div className="page">
      <header className="prose">
        <h1>
          <span {...content}>{plan.title}</span>
        </h1>
        <p className="muted">
          {plan.publisher && (
            <Trans
              i18nKey="catalogue:plan.publisher"
              components={{ publisher: <span {...content}>{plan.publisher}</span> }}
            />
          )}
          {plan.revision &&
            ` · ${t("catalogue:plan.revision", {
              number: plan.revision.number,
              date: formatDate(plan.publishedOn ?? plan.revision.createdAt, i18n.language),
            })}`}
        </p>
        {plan.description && <p {...content}>{plan.description}</p>}
        <CatalogueDownloads planSlug={plan.slug} canImport={canEdit} />
        <p>
          <Link to={`/plans/${plan.slug}/progress`}>{t("progress:page.heading")}</Link>
        </p>
        {canTranslate && (
          <p>
            <Link to={`/plans/${plan.slug}/translations`}>{t("catalogue:translations.link")}</Link>
          </p>
        )}
      </header>

      {catalogue.clusters.length > 0 && catalogue.measureTotal === 0 && (
        <section aria-labelledby="clusters-title">
          <h2 id="clusters-title">{t("catalogue:plan.clustersHeading")}</h2>
          <p>{t("catalogue:plan.noMeasures")}</p>
          <ul className="card-list">
            {catalogue.clusters.map((cluster) => (
              <li key={cluster.key} className="card">
                <h3>
                  <span {...content}>{cluster.title}</span>
                </h3>
                {cluster.description && <p {...content}>{cluster.description}</p>}
                {cluster.budgetCents !== null && (
                  <p>{t("catalogue:plan.budget", { amount: formatMoney(cluster.budgetCents, i18n.language) })}</p>
                )}
                {cluster.maturity && <MaturityBadge maturity={cluster.maturity} />}
                <ClusterHistory clusterKey={cluster.key} versions={clusterVersions[cluster.key] ?? []} contentLanguage={catalogue.plan.language} />
                {canEdit && (
                  <ClusterForm clusterKey={cluster.key} budgetCents={cluster.budgetCents} maturity={cluster.maturity} contentLanguage={catalogue.plan.language} />
                )}
              </li>
            ))}
          </ul>
          <h3>{t("catalogue:maturity.legend")}</h3>
          <ul className="legend-list">
            {(["A", "B", "C"] as const).map((level) => (
              <li key={level}>
                <MaturityBadge maturity={level} /> {t(`catalogue:maturity.${level}_description`)}
              </li>
            ))}
          </ul>
        </section>
      )}

      {catalogue.measureTotal > 0 && (
        <section aria-labelledby="measures-title">
          <h2 id="measures-title">{t("catalogue:plan.measuresHeading")}</h2>
          <MeasureFilters
            idPrefix="filter"
            contentLanguage={contentLang}
            filter={filter}
            clusters={catalogue.clusters}
            units={catalogue.units}
            maturity
            hidden={{ lng: i18n.language }}
          >
            {filtered && (
              <Link to={`/plans/${plan.slug}?lng=${i18n.language}`} className="button button--secondary">
                {t("catalogue:filter.reset")}
              </Link>
            )}
          </MeasureFilters>

          <p role="status">
            {t("catalogue:plan.shown", { shown: catalogue.measures.length, count: catalogue.measureTotal })}
          </p>
          {catalogue.measures.length === 0 && <p>{t("catalogue:plan.noMatch")}</p>}

          {groups.map((group) => (
            <section key={group.key} className="measure-group">
              {group.kind === "none" ? (
                <h3>{t("catalogue:plan.otherMeasures")}</h3>
              ) : (
                <h3>
                  <span {...content}>{group.titles.join(" › ")}</span>
                </h3>
              )}
              {group.subgroups.map((sub) => (
                <div key={sub.key}>
                  {sub.title && (
                    <h4 className="muted">
                      {sub.goalNumber !== null && `${t("catalogue:plan.goalNumber", { number: sub.goalNumber })}: `}
                      <span {...content}>{sub.title}</span>
                    </h4>
                  )}
                  <ul className="measure-list">
                    {sub.measures.map((m) => (
                      <li key={m.code} className="measure-row">
                        <span className="measure-row__code">{m.code}</span>
                        <Link to={`/plans/${plan.slug}/measures/${encodeURIComponent(m.code)}`} {...inLanguage(m.titleLanguage)}>
                          {m.title}
                        </Link>
                        {m.note !== "none" && <ContentNoteText note={m.note} className="measure-row__note" />}
                        <span className="measure-row__meta">
                          <MaturityBadge maturity={m.maturity} />
                          {m.unit && <span {...content}>{unitLabel(m.unit)}</span>}
                        </span>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </section>
          ))}
        </section>
      )}
    </div>
  );
}

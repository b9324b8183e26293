import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireActor } from "../auth/actor.server";
import { parseProgressFilter, planProgress } from "../catalogue/progress.server";
import type { IndicatorStatus } from "../catalogue/indicator-status";
import { MeasureFilters } from "../catalogue/ui/measure-filters";
import { StatusBadge } from "../catalogue/ui/status-badge";
import { unitLabel } from "../catalogue/units";
import { DataTable } from "../components/data-table";
import { cityDay } from "../conferences/city-time";
import { formatDate } from "../i18n/format";
import { titleFrom } from "../i18n/meta";
import { inLanguage } from "../i18n/parts";
import { useTranslation } from "../i18n/translate";
import feedbackStyles from "../styles/feedback.css";
import progressStyles from "../styles/progress.css";
import { PlanBreadcrumb } from "../catalogue/ui/plan-breadcrumb";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: feedbackStyles },
  { rel: "stylesheet", href: progressStyles },
];

/** The plan's indicators and how each stands today (docs/decisions/043), filtered by a plain GET form. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireActor(request, context, "catalogue.read");
  const filter = parseProgressFilter(new URL(request.url).searchParams);
  const today = cityDay(new Date());
  const progress = await planProgress(context.db, params.planId ?? "", filter, today);
  if (!progress) throw new Response(null, { status: 404 });
  return { progress, filter, today };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: titleFrom(matches, "progress:page.metaTitle", { title: data?.progress.plan.title ?? "" }) },
];

const statuses: IndicatorStatus[] = ["onTrack", "behind", "noData", "notJudged"];

export default function PlanProgressPage() {
  const { progress, filter, today } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const { plan } = progress;
  const content = inLanguage(plan.language);
  const shown = progress.measures.reduce((n, m) => n + m.indicators.length, 0);
  const filtered = Boolean(filter.cluster || filter.unit || filter.q);
  return (
    <div className="page page--wide">
      <PlanBreadcrumb plan={plan}>
        <li aria-current="page">{t("progress:page.heading")}</li>
      </PlanBreadcrumb>
      <h1>
        {t("progress:page.heading")}: <span {...content}>{plan.title}</span>
      </h1>
      <p>{t("progress:page.asOf", { date: formatDate(today, i18n.language) })}</p>
      <details>
        <summary>{t("progress:page.ruleHeading")}</summary>
        <p>{t("progress:page.rule")}</p>
      </details>
      <p>
        <Link to={`/plans/${plan.slug}/report`}>{t("progress:report.link")}</Link>
      </p>

      <MeasureFilters idPrefix="progress" contentLanguage={plan.language} filter={filter} clusters={progress.clusters} units={progress.units}>
        {filtered && <Link to={`/plans/${plan.slug}/progress`}>{t("catalogue:filter.reset")}</Link>}
      </MeasureFilters>

      <section aria-labelledby="counts-title">
        <h2 id="counts-title">{t("progress:page.countsHeading", { count: shown, total: progress.indicatorTotal })}</h2>
        <ul className="progress-counts">
          {statuses.map((status) => (
            <li key={status}>
              <StatusBadge status={status} met={false} /> <strong>{progress.counts[status]}</strong>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="indicators-title">
        <h2 id="indicators-title">{t("progress:page.tableHeading")}</h2>
        {progress.measures.length === 0 ? (
          <p>{t("progress:page.none")}</p>
        ) : (
          <DataTable caption={t("progress:page.tableCaption")} className="progress-table">
            <thead>
              <tr>
                <th scope="col">{t("progress:page.measure")}</th>
                <th scope="col">{t("progress:page.indicator")}</th>
                <th scope="col">{t("progress:page.target")}</th>
                <th scope="col">{t("progress:page.latest")}</th>
                <th scope="col">{t("progress:page.status")}</th>
              </tr>
            </thead>
            <tbody>
              {progress.measures.flatMap((m) =>
                m.indicators.map((indicator) => {
                  const latest = indicator.values.at(-1);
                  return (
                    <tr key={indicator.id}>
                      <th scope="row">
                        <Link to={`/plans/${plan.slug}/measures/${encodeURIComponent(m.code)}#progress-title`}>
                          <span dir="ltr">{m.code}</span> <span {...content}>{m.title}</span>
                        </Link>
                        {m.unit && (
                          <>
                            <br />
                            <span className="muted" {...content}>
                              {unitLabel(m.unit)}
                            </span>
                          </>
                        )}
                      </th>
                      <td>
                        {indicator.number}. <span {...content}>{indicator.text}</span>
                      </td>
                      <td>
                        {indicator.targetValue ? <span {...content}>{indicator.targetValue}</span> : "–"}
                        {indicator.dueDate && (
                          <>
                            <br />
                            {t("progress:indicator.due", { date: formatDate(indicator.dueDate, i18n.language) })}
                          </>
                        )}
                      </td>
                      <td>
                        {latest ? (
                          <>
                            <span {...content}>{latest.value}</span>
                            <br />
                            <span className="muted">{formatDate(latest.recordedOn, i18n.language)}</span>
                          </>
                        ) : (
                          "–"
                        )}
                      </td>
                      <td>
                        <StatusBadge status={indicator.judgement.status} met={indicator.judgement.met} />
                      </td>
                    </tr>
                  );
                }),
              )}
            </tbody>
          </DataTable>
        )}
      </section>
    </div>
  );
}

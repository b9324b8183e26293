import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireActor } from "../auth/actor.server";
import { implementationReport, reportPeriodSchema } from "../catalogue/implementation-report.server";
import { IndicatorChart } from "../catalogue/ui/indicator-chart";
import { MaturityBadge } from "../catalogue/ui/maturity-badge";
import { DataTable } from "../components/data-table";
import { Field } from "../components/field";
import { cityDay } from "../conferences/city-time";
import { orRefuse } from "../errors";
import { formatDate } from "../i18n/format";
import { titleFrom } from "../i18n/meta";
import { inLanguage } from "../i18n/parts";
import { useTranslation } from "../i18n/translate";
import feedbackStyles from "../styles/feedback.css";
import progressStyles from "../styles/progress.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: feedbackStyles },
  { rel: "stylesheet", href: progressStyles },
];

/**
 * The implementation report of a plan for a period (docs/decisions/043), laid out to print or
 * save as PDF like the conference report. The period defaults to this year so far; one that
 * cannot be read (a day missing, the end before the start) falls back to it with a notice.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireActor(request, context, "catalogue.read");
  const url = new URL(request.url).searchParams;
  const planSlug = params.planId ?? "";
  const today = cityDay(new Date());
  const asked = { planSlug, from: url.get("from") ?? "", to: url.get("to") ?? "" };
  const readable = (url.has("from") || url.has("to")) && reportPeriodSchema.safeParse(asked).success;
  const period = readable ? asked : { planSlug, from: `${today.slice(0, 4)}-01-01`, to: today };
  const report = await orRefuse(implementationReport(context.db, period));
  return { report, fellBack: (url.has("from") || url.has("to")) && !readable };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: titleFrom(matches, "progress:report.metaTitle", { title: data?.report.plan.title ?? "" }) },
];

export default function ImplementationReportPage() {
  const { report, fellBack } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const { plan, period } = report;
  const content = inLanguage(plan.language);
  const date = (day: string) => formatDate(day, i18n.language);
  const met = report.indicators.flatMap((m) => m.indicators.filter((i) => i.judgement.met).map((i) => ({ measure: m, indicator: i })));
  const measurePath = (code: string) => `/plans/${plan.slug}/measures/${encodeURIComponent(code)}`;
  return (
    <article className="page report" aria-labelledby="report-title">
      <nav aria-label={t("common:nav.breadcrumb")} className="breadcrumb report__screen-only">
        <ol>
          <li>
            <Link to={`/plans/${plan.slug}`} {...content}>
              {plan.title}
            </Link>
          </li>
          <li>
            <Link to={`/plans/${plan.slug}/progress`}>{t("progress:page.heading")}</Link>
          </li>
          <li aria-current="page">{t("progress:report.heading")}</li>
        </ol>
      </nav>
      <p className="report__screen-only notice">{t("progress:report.printHint")}</p>
      {fellBack && (
        <p className="report__screen-only notice notice--warning" role="status">
          {t("progress:report.periodFallback")}
        </p>
      )}
      <Form method="get" className="period-form report__screen-only" aria-label={t("progress:report.periodForm")}>
        <Field id="report-from" name="from" type="date" label={t("progress:report.from")} defaultValue={period.from} required />
        <Field id="report-to" name="to" type="date" label={t("progress:report.to")} defaultValue={period.to} required />
        <div className="actions">
          <button type="submit" className="button">
            {t("progress:report.show")}
          </button>
        </div>
      </Form>

      <p className="eyebrow">{t("progress:report.heading")}</p>
      <h1 id="report-title" {...content}>
        {plan.title}
      </h1>
      <p>{t("progress:report.period", { from: date(period.from), to: date(period.to) })}</p>

      <section aria-labelledby="moved-title">
        <h2 id="moved-title">{t("progress:report.movedHeading")}</h2>
        <p>{t("progress:report.movedCount", { count: report.moved.length, revisions: report.revisionCount })}</p>
        {report.moved.length > 0 && (
          <DataTable caption={t("progress:report.movedCaption")}>
            <thead>
              <tr>
                <th scope="col">{t("progress:page.measure")}</th>
                <th scope="col">{t("progress:report.revisions")}</th>
                <th scope="col">{t("catalogue:maturity.label")}</th>
              </tr>
            </thead>
            <tbody>
              {report.moved.map((m) => (
                <tr key={m.code}>
                  <th scope="row">
                    <Link to={`${measurePath(m.code)}/history`}>
                      <span dir="ltr">{m.code}</span> <span {...content}>{m.title}</span>
                    </Link>
                    {m.isNew && ` (${t("progress:report.new")})`}
                  </th>
                  <td>
                    <ul className="plain-list">
                      {m.revisions.map((r) => (
                        <li key={r.number}>
                          {t("progress:report.revision", { number: r.number, date: date(r.day) })}: <span {...content}>{r.reason}</span>
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    {m.maturityBefore === m.maturityAfter ? (
                      <MaturityBadge maturity={m.maturityAfter} />
                    ) : (
                      <>
                        {m.isNew ? null : (
                          <>
                            <MaturityBadge maturity={m.maturityBefore} /> <span aria-hidden="true">→</span>{" "}
                            <span className="visually-hidden">{t("progress:report.changedTo")}</span>
                          </>
                        )}
                        <MaturityBadge maturity={m.maturityAfter} />
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>

      <section aria-labelledby="met-title">
        <h2 id="met-title">{t("progress:report.metHeading")}</h2>
        <p>{t("progress:report.metCount", { count: met.length })}</p>
        {met.length > 0 && (
          <ul>
            {met.map(({ measure, indicator }) => (
              <li key={indicator.id}>
                <Link to={measurePath(measure.code)} dir="ltr">
                  {measure.code}
                </Link>
                {`, ${t("progress:indicator.number", { number: indicator.number })} `}
                <span {...content}>{indicator.text}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="indicators-title">
        <h2 id="indicators-title">{t("progress:report.indicatorsHeading", { date: date(period.to) })}</h2>
        {report.indicators.length === 0 ? (
          <p>{t("progress:report.noValues")}</p>
        ) : (
          report.indicators.map((m) => (
            <section key={m.code} aria-labelledby={`measure-${m.code}`}>
              <h3 id={`measure-${m.code}`}>
                <span dir="ltr">{m.code}</span> <span {...content}>{m.title}</span>
              </h3>
              {m.indicators.map((indicator) => (
                <IndicatorChart key={indicator.id} indicator={indicator} contentLanguage={plan.language} headingLevel={4} />
              ))}
            </section>
          ))
        )}
      </section>
    </article>
  );
}

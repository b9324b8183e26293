import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "../i18n/translate";
import { getMeasure, type MeasureDetail } from "../catalogue/catalogue.server";
import { unitLabel } from "../catalogue/units";
import { MaturityBadge } from "../catalogue/ui/maturity-badge";
import { RichText } from "../catalogue/ui/rich-text";
import { formatDate } from "../i18n/format";
import { languageOf } from "../i18n/i18n.server";
import { titleFrom } from "../i18n/meta";
import { inLanguage } from "../i18n/parts";
import { measureTextFields } from "../catalogue/measure-fields";
import { requireActor } from "../auth/actor.server";
import { loadMeasureProgress, recordScaleFromForm } from "../results/measure-progress.server";
import { MeasureProgress } from "../results/ui/measure-progress";
import { measureParticipation } from "../results/measure-participation.server";
import { MeasureParticipationSection } from "../results/ui/measure-participation";
import feedbackStyles from "../styles/feedback.css";
import progressStyles from "../styles/progress.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: feedbackStyles },
  { rel: "stylesheet", href: progressStyles },
];
import { ContentNoteText } from "../catalogue/ui/content-note";

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const language = await languageOf(request);
  const measure = await getMeasure(context.db, params.planId ?? "", params.code ?? "", language);
  if (!measure) throw new Response(null, { status: 404 });
  const actor = await requireActor(request, context, "catalogue.read");
  const [progress, participation] = await Promise.all([
    loadMeasureProgress(context.db, actor, measure.plan.slug, measure.code),
    measureParticipation(context.db, actor, { planSlug: measure.plan.slug, code: measure.code }),
  ]);
  return { measure, progress, participation };
}

/** Planners record a closed session's scale result as an indicator value here (docs/decisions/043). */
export async function action({ params, request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context, "catalogue.edit");
  return recordScaleFromForm(request, context.db, actor, params.planId ?? "", params.code ?? "");
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: titleFrom(matches, "catalogue:measure.metaTitle", {
      code: data?.measure.code ?? "",
      title: data?.measure.title ?? "",
    }),
  },
];

// Data sources close the page under their own heading, after the indicators.
const textFields = measureTextFields.filter((field) => field !== "dataSources") satisfies readonly (keyof MeasureDetail)[];

export default function MeasurePage() {
  const { measure, progress, participation } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const lang = measure.contentLanguage;
  const fieldLang = measure.fieldLanguages;
  const planLang = measure.plan.language;

  return (
    <article className="page" aria-labelledby="measure-title">
      <nav aria-label={t("catalogue:plan.breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to="/">{t("common:nav.home")}</Link>
          </li>
          <li>
            <Link to={`/plans/${measure.plan.slug}`} {...inLanguage(planLang)}>
              {measure.plan.title}
            </Link>
          </li>
          <li aria-current="page">{measure.code}</li>
        </ol>
      </nav>

      <header className="prose">
        <p className="eyebrow">
          {t("catalogue:measure.code")}: <strong dir="ltr">{measure.code}</strong>
        </p>
        <h1 id="measure-title">
          <span {...inLanguage(lang)}>{measure.title}</span>
        </h1>
        <p className="muted">
          {t("catalogue:measure.revision", {
            number: measure.revision.number,
            version: measure.revision.version,
            date: formatDate(measure.revision.createdAt, i18n.language),
          })}
        </p>
        {measure.note !== "none" && (
          <p className={measure.note === "outdated" ? "notice notice--warning" : "muted"}>
            <ContentNoteText note={measure.note} className="" />
          </p>
        )}
        {measure.summary && (
          <p className="lead" {...inLanguage(fieldLang.summary)}>
            {measure.summary}
          </p>
        )}
        <p>
          <Link to={`/plans/${measure.plan.slug}/measures/${encodeURIComponent(measure.code)}/history`}>{t("catalogue:history.link")}</Link>
        </p>
      </header>

      <section aria-labelledby="facts-title">
        <h2 id="facts-title" className="visually-hidden">
          {t("catalogue:measure.keyFacts")}
        </h2>
        <dl className="facts">
          {measure.sectionPath.length > 0 && (
            <>
              <dt>{t("catalogue:measure.section")}</dt>
              <dd>
                <span {...inLanguage(planLang)}>{measure.sectionPath.join(" › ")}</span>
              </dd>
            </>
          )}
          {measure.cluster && (
            <>
              <dt>{t("catalogue:measure.cluster")}</dt>
              <dd>
                <span {...inLanguage(planLang)}>{measure.cluster.title}</span>
              </dd>
            </>
          )}
          {measure.goal && (
            <>
              <dt>{t("catalogue:measure.goal")}</dt>
              <dd>
                {measure.goal.number !== null && `${t("catalogue:plan.goalNumber", { number: measure.goal.number })}: `}
                <span {...inLanguage(planLang)}>{measure.goal.title}</span>
              </dd>
            </>
          )}
          {measure.unit && (
            <>
              <dt>{t("catalogue:measure.unit")}</dt>
              <dd>
                <span {...inLanguage(planLang)}>{unitLabel(measure.unit)}</span>
              </dd>
            </>
          )}
          <dt>{t("catalogue:maturity.label")}</dt>
          <dd>
            <MaturityBadge maturity={measure.maturity} />
          </dd>
        </dl>
      </section>

      {textFields.every((field) => !measure[field]) && measure.indicators.length === 0 && (
        <p className="muted">{t("catalogue:measure.notStated")}</p>
      )}

      {textFields.map((field) => {
        const value = measure[field];
        if (!value) return null;
        return (
          <section key={field} className="measure-field" aria-labelledby={`field-${field}`}>
            <h2 id={`field-${field}`}>{t(`catalogue:measure.${field}`)}</h2>
            {/* A translation that leaves this field out: the German is shown, and said to be. */}
            {fieldLang[field] !== lang && (
              <p className="muted">
                <ContentNoteText note="original" className="" />
              </p>
            )}
            <div {...inLanguage(fieldLang[field])}>
              <RichText text={value} />
            </div>
          </section>
        );
      })}

      {measure.indicators.length > 0 && (
        <section className="measure-field" aria-labelledby="field-indicators">
          <h2 id="field-indicators">{t("catalogue:measure.indicators")}</h2>
          <ul className="indicator-list">
            {measure.indicators.map((indicator, i) => (
              <li key={i}>
                <span {...inLanguage(planLang)}>{indicator.text}</span>
                {(indicator.targetValue || indicator.dueDate) && (
                  <span className="muted">
                    {" ("}
                    {indicator.targetValue && (
                      <Trans
                        i18nKey="catalogue:measure.target"
                        components={{ value: <span {...inLanguage(planLang)}>{indicator.targetValue}</span> }}
                      />
                    )}
                    {indicator.targetValue && indicator.dueDate && ", "}
                    {indicator.dueDate &&
                      t("catalogue:measure.due", { date: formatDate(indicator.dueDate, i18n.language) })}
                    {")"}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {progress && <MeasureProgress progress={progress} planSlug={measure.plan.slug} planLanguage={planLang} />}

      <MeasureParticipationSection participation={participation} contentLanguage={planLang} />

      {measure.dataSources && (
        <section className="measure-field" aria-labelledby="field-dataSources">
          <h2 id="field-dataSources">{t("catalogue:measure.dataSources")}</h2>
          <div {...inLanguage(fieldLang.dataSources)}>
            <RichText text={measure.dataSources} />
          </div>
        </section>
      )}

      <p>
        <Link to={`/plans/${measure.plan.slug}`}>{t("catalogue:measure.backToPlan")}</Link>
      </p>
    </article>
  );
}

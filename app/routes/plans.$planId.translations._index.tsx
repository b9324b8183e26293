import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireActor } from "../auth/actor.server";
import { workbenchStatuses } from "../catalogue/translated";
import { translationWorkbench } from "../catalogue/workbench.server";
import { orRefuse } from "../errors";
import { languageOf } from "../i18n/i18n.server";
import { LanguageLabel } from "../i18n/language-name";
import { titleFrom } from "../i18n/meta";
import { inLanguage } from "../i18n/parts";
import { useTranslation } from "../i18n/translate";
import planningStyles from "../styles/planning.css";
import { PlanBreadcrumb } from "../catalogue/ui/plan-breadcrumb";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: planningStyles }];

/** The workbench: per language, which measures lack a translation, are outdated or await a review. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context, "catalogue.translate");
  const asked = new URL(request.url).searchParams.get("language");
  // Without a choice, the reader's own language when it is one to translate into, else English.
  const reader = await languageOf(request);
  const language = asked ?? (reader !== "de" ? reader : "en");
  return orRefuse(translationWorkbench(context.db, actor, params.planId ?? "", language));
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: titleFrom(matches, "catalogue:translations.metaTitle", { title: data?.plan.title ?? "" }) },
];

export default function TranslationWorkbench() {
  const bench = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { plan, language } = bench;
  return (
    <div className="page planning">
      <PlanBreadcrumb plan={plan}>
        <li aria-current="page">{t("catalogue:translations.heading")}</li>
      </PlanBreadcrumb>
      <header className="prose">
        <h1>{t("catalogue:translations.heading")}</h1>
        <p>{t("catalogue:translations.intro")}</p>
        <p>
          <a href={`/plans/${plan.slug}/export.json?dataset=translations`} download>
            {t("catalogue:translations.download")}
          </a>
        </p>
      </header>

      <Form method="get" className="planning-form translation-language">
        <div className="field">
          <label htmlFor="translation-language">{t("catalogue:translations.language")}</label>
          <select id="translation-language" name="language" defaultValue={language}>
            {bench.languages.map((code) => (
              <option key={code} value={code}>
                {t(`conferences:language.${code}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t("catalogue:translations.show")}
        </button>
      </Form>

      <h2 id="summary-title">
        <LanguageLabel code={language} />
      </h2>
      <ul className="translation-counts" aria-labelledby="summary-title">
        {workbenchStatuses.map((status) => (
          <li key={status}>
            <a href={`#status-${status}`}>{t(`catalogue:translations.count.${status}`, { count: bench.counts[status] })}</a>
          </li>
        ))}
      </ul>

      {workbenchStatuses.map((status) => {
        const listed = bench.measures.filter((m) => m.status === status);
        return (
          <section key={status} aria-labelledby={`status-${status}`}>
            <h2 id={`status-${status}`}>{t(`catalogue:translations.status.${status}`)}</h2>
            {listed.length === 0 ? (
              <p className="muted">{t("catalogue:translations.none")}</p>
            ) : (
              <ul className="measure-list">
                {listed.map((m) => (
                  <li key={m.code} className="measure-row">
                    <span className="measure-row__code">{m.code}</span>
                    <Link to={`/plans/${plan.slug}/translations/${encodeURIComponent(m.code)}?language=${language}`} {...inLanguage(plan.language)}>
                      {m.title}
                    </Link>
                    {m.state && <span className="measure-row__meta">{t(`catalogue:translations.state.${m.state}`)}</span>}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireActor } from "../auth/actor.server";
import { can } from "../auth/permissions";
import { listPlans } from "../catalogue/catalogue.server";
import { createSeries, listSeries } from "../conferences/series.server";
import { ActionForm } from "../components/action-form";
import { attempt, readSubmission } from "../forms.server";
import { titleFrom } from "../i18n/meta";
import { inLanguage } from "../i18n/parts";
import { useTranslation } from "../i18n/translate";
import planningStyles from "../styles/planning.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: planningStyles }];

/** The kinds, here rather than from the .server module, which the browser bundle leaves empty. */
const kinds = ["recurring", "district"] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context, "results.view");
  const [series, plans] = await Promise.all([listSeries(context.db, actor), listPlans(context.db)]);
  return {
    series: series.map(({ id, title, kind, plan }) => ({ id, title, kind, planTitle: plan.title })),
    plans: plans.map(({ slug, title, language }) => ({ slug, title, language })),
    mayCreate: can(actor, "series.manage"),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context, "series.manage");
  const submission = await readSubmission(request, "create-series");
  const created = await attempt(submission, () => createSeries(context.db, actor, submission.fields));
  return created.ok ? redirect(`/series/${created.value.id}`) : created.reply;
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: titleFrom(matches, "results:series.listTitle") }];

export default function SeriesList() {
  const { series, plans, mayCreate } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="page planning">
      <h1>{t("results:series.listTitle")}</h1>
      <p>{t("results:series.listIntro")}</p>
      {series.length === 0 ? (
        <p>{t("results:series.empty")}</p>
      ) : (
        <ul className="card-list">
          {series.map((s) => (
            <li key={s.id} className="card">
              <h2 {...inLanguage("de")}>
                <Link to={`/series/${s.id}`}>{s.title}</Link>
              </h2>
              <p>{t(`results:series.kind.${s.kind}`)}</p>
              <p className="muted" {...inLanguage("de")}>
                {s.planTitle}
              </p>
            </li>
          ))}
        </ul>
      )}
      {mayCreate && (
        <section aria-labelledby="series-create-title">
          <h2 id="series-create-title">{t("results:series.create.heading")}</h2>
          <ActionForm formId="create-series" intent="create" className="stack-form">
            {({ describe, fieldError, sentText }) => (
              <>
                <div className="field">
                  <label htmlFor="series-plan">{t("results:series.create.plan")}</label>
                  <select id="series-plan" name="planSlug" defaultValue={sentText("planSlug")} {...describe("planSlug")}>
                    {plans.map((plan) => (
                      <option key={plan.slug} value={plan.slug} {...inLanguage(plan.language)}>
                        {plan.title}
                      </option>
                    ))}
                  </select>
                  {fieldError("planSlug")}
                </div>
                <fieldset className="choice-group" aria-describedby={describe("kind")["aria-describedby"]}>
                  <legend>{t("results:series.create.kind")}</legend>
                  {kinds.map((kind) => (
                    <label key={kind} className="choice">
                      <input type="radio" name="kind" value={kind} defaultChecked={(sentText("kind") ?? "recurring") === kind} />
                      {t(`results:series.kind.${kind}`)}
                    </label>
                  ))}
                  {fieldError("kind")}
                </fieldset>
                <div className="field">
                  <label htmlFor="series-title">{t("results:series.create.title")}</label>
                  <input id="series-title" name="title" required maxLength={200} defaultValue={sentText("title")} {...describe("title")} />
                  {fieldError("title")}
                </div>
                <div className="actions">
                  <button type="submit" className="button">
                    {t("results:series.create.submit")}
                  </button>
                </div>
              </>
            )}
          </ActionForm>
        </section>
      )}
    </div>
  );
}

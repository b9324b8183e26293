import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireActor } from "../auth/actor.server";
import { can } from "../auth/permissions";
import { SelectField } from "../components/form-fields";
import { usePageForm } from "../components/page-form";
import { conferencesOutside, fileConference } from "../conferences/series.server";
import { accepted, attempt, readSubmission } from "../forms.server";
import { formatDate } from "../i18n/format";
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
  const results = await orRefuse(seriesResults(context.db, actor, { seriesId: params.seriesId }));
  const { series } = results;
  return { results, candidates: can(actor, "series.manage") ? await conferencesOutside(context.db, series.id, series.plan.id) : null };
}

/** Planners file a conference held before the series existed into it (docs/decisions/045). */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, context, "series.manage");
  const submission = await readSubmission(request, fileFormId);
  const result = await attempt(submission, () => fileConference(context.db, actor, { ...submission.fields, seriesId: params.seriesId ?? "" }));
  return result.ok ? accepted(submission, null) : result.reply;
}

const fileFormId = "file-conference";

function FileConferenceForm({ candidates, contentLanguage }: { candidates: { id: string; title: string; startsAt: string | Date }[]; contentLanguage: string }) {
  const { t, i18n } = useTranslation();
  const view = usePageForm(fileFormId);
  return (
    <section aria-labelledby="file-title" className="catalogue-form">
      <h2 id="file-title">{t("results:series.file.heading")}</h2>
      {view.error && (
        <p id={view.errorId} className="form-error" role="alert">
          {t(view.error.messageKey, view.error.values)}
        </p>
      )}
      {candidates.length === 0 ? (
        <p className="muted">{t("results:series.file.none")}</p>
      ) : (
        <Form method="post" className="planning-form">
          <input type="hidden" name="formId" value={fileFormId} />
          <SelectField
            id="file-conference"
            name="conferenceId"
            label={t("results:series.file.conference")}
            hint={t("results:series.file.hint")}
            error={view.fieldMessage("conferenceId")}
            alsoDescribedBy={view.error ? view.errorId : undefined}
          >
            {candidates.map((c) => (
              <option key={c.id} value={c.id} lang={contentLanguage}>
                {c.title} ({formatDate(new Date(c.startsAt), i18n.language)})
              </option>
            ))}
          </SelectField>
          <div className="actions">
            <button type="submit" className="button">
              {t("results:series.file.submit")}
            </button>
          </div>
        </Form>
      )}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: titleFrom(matches, "results:series.metaTitle", { title: data?.results.series.title ?? "" }) },
];

/**
 * A series' results (docs/decisions/045): recurring conferences over time, or district forums side
 * by side with each district's forums and what they put first.
 */
export default function SeriesPage() {
  const { results, candidates } = useLoaderData<typeof loader>();
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
      {candidates && <FileConferenceForm candidates={candidates} contentLanguage={contentLanguage} />}
    </div>
  );
}

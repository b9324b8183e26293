import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "../i18n/translate";
import { requireActor } from "../auth/actor.server";
import { listPlans } from "../catalogue/catalogue.server";
import { ConferenceForm } from "../conferences/ui/conference-form";
import { cityTimeToDate } from "../conferences/city-time";
import { createConference, listConferences, type ConferenceView } from "../conferences/conferences.server";
import { listSeries } from "../conferences/series.server";
import { createTwoStepConference } from "../live/two-step.server";
import { attempt, readSubmission } from "../forms.server";
import { formatDateTime } from "../i18n/format";
import { translationsFromFields } from "../i18n/content";
import { useConferenceTitle } from "../conferences/ui/conference-texts";
import { titleFrom } from "../i18n/meta";
import { inLanguage } from "../i18n/parts";
import moderateStyles from "../styles/moderate.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: moderateStyles }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context, "conference.manage");
  const [conferences, plans, series] = await Promise.all([listConferences(context.db, actor), listPlans(context.db), listSeries(context.db, actor)]);
  return {
    conferences,
    plans: plans.map(({ slug, title, language }) => ({ slug, title, language })),
    series: series.map(({ id, title, plan }) => ({ id, title, planSlug: plan.slug })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context, "conference.create");
  const submission = await readSubmission(request, "create-conference");
  const form = submission.fields;
  const startsAt = String(form.startsAt ?? "");
  // The method template builds the sessions too (decision 051); a free agenda starts empty. Any
  // other value reaches createConference, whose schema refuses it.
  const create = form.method === "two_step" ? createTwoStepConference : createConference;
  const created = await attempt(submission, () =>
    create(context.db, actor, {
      ...form,
      startsAt: cityTimeToDate(startsAt) ?? startsAt,
      titleTranslations: translationsFromFields(form, "title"),
      descriptionTranslations: translationsFromFields(form, "description"),
      languages: Array.isArray(form.languages) ? form.languages : form.languages ? [form.languages] : [],
    }),
  );
  return created.ok ? redirect(`/conferences/${created.value.id}`) : created.reply;
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [
  { title: titleFrom(matches, "conferences:list.title") },
];

export default function Conferences() {
  const { conferences, plans, series } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const mine = conferences.filter((c) => c.steerable);
  const others = conferences.filter((c) => !c.steerable);
  return (
    <div className="page moderate">
      <h1>{t("conferences:list.title")}</h1>
      <p>
        <Link to="/series">{t("conferences:list.seriesLink")}</Link>
      </p>
      <section aria-labelledby="conference-list-title">
        <h2 id="conference-list-title">{t("conferences:list.heading")}</h2>
        {mine.length === 0 ? <p>{t("conferences:list.empty")}</p> : <ConferenceCards conferences={mine} steerable />}
      </section>
      {others.length > 0 && (
        <section aria-labelledby="conference-others-title">
          <h2 id="conference-others-title">{t("conferences:list.othersHeading")}</h2>
          <p>{t("conferences:list.othersIntro")}</p>
          <ConferenceCards conferences={others} steerable={false} />
        </section>
      )}
      <section aria-labelledby="conference-create-title">
        <h2 id="conference-create-title">{t("conferences:create.heading")}</h2>
        <ConferenceForm plans={plans} series={series} />
      </section>
    </div>
  );
}

type Card = Omit<ConferenceView, "startsAt"> & { startsAt: string | Date };

/**
 * The conferences the reader steers link to their page; the others only to their public
 * feedback, since their console, report and team are for their own team.
 */
function ConferenceCards({ conferences, steerable }: { conferences: Card[]; steerable: boolean }) {
  return (
    <ul className="card-list">
      {conferences.map((c) => (
        <ConferenceCard key={c.id} conference={c} steerable={steerable} />
      ))}
    </ul>
  );
}

/** One conference, its title in the reader's language where its team gave it (decision 046). */
function ConferenceCard({ conference: c, steerable }: { conference: Card; steerable: boolean }) {
  const { t, i18n } = useTranslation();
  const title = useConferenceTitle(c);
  return (
    <li className="card">
      <h3 {...inLanguage(title.language)}>{steerable ? <Link to={`/conferences/${c.id}`}>{title.text}</Link> : title.text}</h3>
      <p>
        {t(`conferences:kind.${c.kind}`)}
        {" · "}
        <time dateTime={new Date(c.startsAt).toISOString()}>{formatDateTime(c.startsAt, i18n.language)}</time>
      </p>
      {(c.place || c.district) && <p {...inLanguage("de")}>{[c.place, c.district].filter(Boolean).join(" · ")}</p>}
      <p className="muted" {...inLanguage("de")}>
        {c.planTitle}
      </p>
      {!steerable && (
        <p>
          <Link to={`/conferences/${c.id}/feedback`}>{t("conferences:list.feedbackLink")}</Link>
        </p>
      )}
    </li>
  );
}

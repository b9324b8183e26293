import { redirect, type ActionFunctionArgs, type AppLoadContext, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "../i18n/translate";
import { ConferenceFacts } from "../feedback/ui/conference-facts";
import { ConferenceAbout, useConferenceTitle } from "../conferences/ui/conference-texts";
import { ConferenceTextsForm } from "../conferences/ui/conference-texts-form";
import { isTwoStep } from "../conferences/kinds";
import { requireActor } from "../auth/actor.server";
import { getConference, updateConferenceTexts } from "../conferences/conferences.server";
import { ConferenceOutcomeLinks } from "../feedback/ui/downloads";
import { accepted, attempt, readSubmission } from "../forms.server";
import { addTeamMember, authorizeConference, listTeam, maySteerConference, removeTeamMember } from "../conferences/team.server";
import { TeamPanel } from "../conferences/ui/team-panel";
import { orRefuse } from "../errors";
import { titleFrom } from "../i18n/meta";
import { translationsFromFields } from "../i18n/content";
import { inLanguage } from "../i18n/parts";
import { listLiveSessions } from "../live/queries.server";
import { createLiveSession } from "../live/setup.server";
import { SessionList } from "../live/ui/session-list";
import { ActionForm } from "../components/action-form";
import moderateStyles from "../styles/moderate.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: moderateStyles }];

/**
 * The conference named in the URL, for its team (and admins): anyone else on staff is refused
 * here as at its console, whatever they send; each domain function asks again.
 */
async function teamConference(request: Request, context: AppLoadContext, conferenceId: string | undefined) {
  const actor = await requireActor(request, context, "conference.manage");
  const conference = await getConference(context.db, conferenceId ?? "");
  if (!conference) throw new Response(null, { status: 404 });
  await orRefuse(authorizeConference(context.db, actor, "conference.manage", conference.id));
  return { actor, conference };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor, conference } = await teamConference(request, context, params.conferenceId);
  const [liveSessions, team] = await Promise.all([
    listLiveSessions(context.db, actor, conference.id),
    listTeam(context.db, actor, conference.id),
  ]);
  return { conference, liveSessions, team };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor, conference } = await teamConference(request, context, params.conferenceId);
  const submission = await readSubmission(request);
  const input = { ...submission.fields, conferenceId: conference.id };
  if (submission.intent === "texts") {
    const form = submission.fields;
    const result = await attempt(submission, () =>
      updateConferenceTexts(context.db, actor, {
        conferenceId: conference.id,
        title: form.title,
        description: form.description,
        titleTranslations: translationsFromFields(form, "title"),
        descriptionTranslations: translationsFromFields(form, "description"),
      }),
    );
    return result.ok ? accepted(submission, null) : result.reply;
  }
  if (submission.intent === "addMember" || submission.intent === "removeMember") {
    const result = await attempt(submission, async () => {
      if (submission.intent === "addMember") await addTeamMember(context.db, actor, input);
      else await removeTeamMember(context.db, actor, input);
    });
    if (!result.ok) return result.reply;
    // Who took themself off the team may no longer see this page.
    if (submission.intent === "removeMember" && !(await maySteerConference(context.db, actor, conference.id))) {
      return redirect("/conferences");
    }
    return accepted(submission, null);
  }
  const created = await attempt({ ...submission, formId: submission.formId || "create-live-session" }, () =>
    createLiveSession(context.db, actor, input),
  );
  return created.ok ? redirect(`/live/${created.value.id}/agenda`) : created.reply;
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: titleFrom(matches, "conferences:detail.metaTitle", { title: data?.conference.title ?? "" }) },
];

export default function ConferencePage() {
  const { conference, liveSessions, team } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const title = useConferenceTitle(conference);
  return (
    <div className="page moderate">
      <nav aria-label={t("conferences:nav.breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to="/conferences">{t("conferences:list.title")}</Link>
          </li>
          <li aria-current="page" {...inLanguage(title.language)}>
            {title.text}
          </li>
        </ol>
      </nav>
      <p className="eyebrow">{t(`conferences:kind.${conference.kind}`)}</p>
      <h1 {...inLanguage(title.language)}>{title.text}</h1>
      <ConferenceAbout conference={conference} />
      <ConferenceFacts conference={conference}>
        <dt>{t("conferences:detail.languages")}</dt>
        <dd>{conference.languages.map((code) => t(`conferences:language.${code}`)).join(", ")}</dd>
      </ConferenceFacts>

      <ConferenceOutcomeLinks conferenceId={conference.id} planSlug={conference.planSlug} twoStep={isTwoStep(conference)} />

      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t("conferences:sessions.heading")}</h2>
        {liveSessions.length === 0 ? <p>{t("conferences:sessions.empty")}</p> : <SessionList sessions={liveSessions} conference={conference} />}
      </section>

      <section aria-labelledby="session-create-title">
        <h2 id="session-create-title">{t("conferences:sessions.createHeading")}</h2>
        <ActionForm formId="create-live-session" intent="create" className="stack-form">
          {({ describe, fieldError, sentText }) => (
            <>
              <div className="field">
                <label htmlFor="session-title">{t("conferences:sessions.title")}</label>
                <input
                  id="session-title"
                  name="title"
                  required
                  maxLength={200}
                  defaultValue={sentText("title")}
                  {...describe("title")}
                />
                {fieldError("title")}
              </div>
              <div className="field">
                <label htmlFor="session-dots">{t("conferences:sessions.dots")}</label>
                <input
                  id="session-dots"
                  name="dotsPerParticipant"
                  type="number"
                  min={1}
                  max={50}
                  required
                  defaultValue={sentText("dotsPerParticipant") ?? 5}
                  {...describe("dotsPerParticipant", "session-dots-hint")}
                />
                <span id="session-dots-hint" className="hint">
                  {t("conferences:sessions.dotsHint")}
                </span>
                {fieldError("dotsPerParticipant")}
              </div>
              <div className="actions">
                <button type="submit" className="button">
                  {t("conferences:sessions.create")}
                </button>
              </div>
            </>
          )}
        </ActionForm>
      </section>

      <ConferenceTextsForm conference={conference} />

      <TeamPanel team={team} />
    </div>
  );
}

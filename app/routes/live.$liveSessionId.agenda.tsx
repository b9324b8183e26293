import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "../i18n/translate";
import { getCatalogue, parseCatalogueFilter } from "../catalogue/catalogue.server";
import { titleFrom } from "../i18n/meta";
import { agendaAction, moderatorState } from "../live/moderate.server";
import { joinLink, publicOrigin } from "../live/qr.server";
import { SessionHeading } from "../live/ui/session-heading";
import { ActionForm } from "../components/action-form";
import { AgendaEditor } from "../live/ui/agenda-editor";
import { CataloguePicker } from "../live/ui/catalogue-picker";
import { ConnectionStatus } from "../live/ui/connection-status";
import { JoinPanel } from "../live/ui/join-panel";
import { useLiveSession } from "../live/use-live-session";
import moderateStyles from "../styles/moderate.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: moderateStyles }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { state } = await moderatorState(request, context, params.liveSessionId);
  const url = new URL(request.url);
  const { q, cluster } = parseCatalogueFilter(url.searchParams);
  const catalogue = (await getCatalogue(context.db, state.conference.planSlug, { q, cluster }))!;
  const code = state.liveSession.joinCode;
  const join = code && state.liveSession.status === "live" ? await joinLink(publicOrigin(request, context), code) : null;
  return {
    state,
    catalogue: {
      language: catalogue.plan.language,
      clusters: catalogue.clusters.map(({ key, title }) => ({ key, title })),
      goals: catalogue.goals.map(({ key, number, title }) => ({ key, number, title })),
      measures: catalogue.measures.map(({ code, title }) => ({ code, title })),
    },
    filter: { q, cluster },
    join,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  return agendaAction(request, context, params.liveSessionId);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: titleFrom(matches, "conferences:agenda.metaTitle", { title: data?.state.liveSession.title ?? "" }) },
];

/**
 * Live like the console: a second moderator editing the same agenda sees the changes at once.
 * Without JavaScript it is the loader's state and plain forms, as before.
 */
export default function AgendaPage() {
  const { state: initial, catalogue, filter, join } = useLoaderData<typeof loader>();
  const { state, connection } = useLiveSession(initial);
  const { liveSession, conference, items } = state;
  const { t } = useTranslation();
  const editable = liveSession.status !== "closed";
  return (
    <div className="page moderate">
      <SessionHeading conference={conference} liveSession={liveSession} page="agenda" />
      <p>
        <span className={`status status--${liveSession.status}`}>{t(`conferences:status.${liveSession.status}`)}</span>
        {" · "}
        {t("conferences:agenda.dots", { count: liveSession.dotsPerParticipant })}{" "}
        <ConnectionStatus connection={connection} />
      </p>
      {liveSession.status !== "draft" && (
        <ul className="link-list">
          <li>
            <Link to={`/live/${liveSession.id}/console`}>{t("conferences:agenda.consoleLink")}</Link>
          </li>
          <li>
            <Link to={`/live/${liveSession.id}/present`}>{t("conferences:agenda.presentLink")}</Link>
          </li>
        </ul>
      )}

      {join && <JoinPanel join={join} />}

      {liveSession.status === "draft" && (
        <section aria-labelledby="start-title">
          <h2 id="start-title">{t("conferences:agenda.startHeading")}</h2>
          <p>{t("conferences:agenda.startHint")}</p>
          <ActionForm formId="start" intent="start">
            <button type="submit" className="button">
              {t("conferences:agenda.start")}
            </button>
          </ActionForm>
        </section>
      )}

      <section aria-labelledby="agenda-title">
        <h2 id="agenda-title">{t("conferences:agenda.listHeading")}</h2>
        <AgendaEditor items={items} editable={editable} languages={state.conference.languages} />
      </section>

      {editable && (
        <section aria-labelledby="add-title">
          <h2 id="add-title">{t("conferences:agenda.addHeading")}</h2>
          <CataloguePicker
            catalogue={catalogue}
            filter={filter}
            onAgenda={items.flatMap((i) => (i.measure ? [i.measure.code] : []))}
            languages={state.conference.languages}
          />
        </section>
      )}
    </div>
  );
}

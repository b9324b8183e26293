import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireActor } from "../auth/actor.server";
import { formatDateTime } from "../i18n/format";
import { titleFrom } from "../i18n/meta";
import { inLanguage } from "../i18n/parts";
import { useTranslation } from "../i18n/translate";
import { mediatedSessions } from "../live/queries.server";
import moderateStyles from "../styles/moderate.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: moderateStyles }];

/** A language mediator's way in (decision 042): the sessions of their conferences, each with its console. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context, "translation.write");
  return { sessions: await mediatedSessions(context.db, actor) };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: titleFrom(matches, "conferences:mediation.listTitle") }];

export default function Mediation() {
  const { sessions } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  return (
    <div className="page moderate">
      <h1>{t("conferences:mediation.listTitle")}</h1>
      <p>{t("conferences:mediation.listIntro")}</p>
      {sessions.length === 0 ? (
        <p className="muted">{t("conferences:mediation.listEmpty")}</p>
      ) : (
        <ul className="plain-list mediation-sessions">
          {sessions.map((s) => (
            <li key={s.id} className="console-box">
              <h2>
                <Link to={`/live/${s.id}/translate`}>
                  <span {...inLanguage("de")}>{s.title}</span>
                </Link>
              </h2>
              <p>
                <span {...inLanguage("de")}>{s.conference.title}</span>
                {" · "}
                {t(`conferences:mediation.status.${s.status}`)}
                {s.startedAt && (
                  <>
                    {" · "}
                    <time dateTime={new Date(s.startedAt).toISOString()}>{formatDateTime(s.startedAt, i18n.language)}</time>
                  </>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "../i18n/translate";
import { actorFrom } from "../auth/actor.server";
import { participantCookieHeader } from "../auth/participants.server";
import { openReturnLink } from "../auth/return-links.server";
import { languageCookie } from "../i18n/i18n.server";
import { titleFrom } from "../i18n/meta";
import feedbackStyles from "../styles/feedback.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: feedbackStyles }];

/**
 * A participant's return link (docs/decisions/031). Opening it asks first: a link someone else
 * sent must not make this browser act as them unnoticed, and a link preview must not either.
 */
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const identity = await openReturnLink(context.db, params.token ?? "");
  if (!identity) return data({ kind: "invalid" as const }, { status: 404 });
  const { identities } = await actorFrom(request, context.db);
  if (identities.some((known) => known.participantId === identity.participantId)) throw redirect("/my-input");
  return { kind: "open" as const };
}

/** This browser takes the identity on: it goes in front of the others, replacing any other one in the same conference. */
export async function action({ params, request, context }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const identity = await openReturnLink(context.db, token);
  if (!identity) return data({ kind: "invalid" as const }, { status: 404 });
  const { identities } = await actorFrom(request, context.db);
  const headers = new Headers();
  const others = identities.filter((known) => known.conferenceId !== identity.conferenceId);
  headers.append("Set-Cookie", participantCookieHeader(request, token, others));
  headers.append("Set-Cookie", await languageCookie.serialize(identity.language));
  return redirect("/my-input", { headers });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: titleFrom(matches, "feedback:openLink.metaTitle") }];

export default function ReturnLinkPage() {
  const loaded = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  if (loaded.kind === "invalid") {
    return (
      <div className="page prose">
        <h1>{t("feedback:openLink.invalidTitle")}</h1>
        <p>{t("feedback:openLink.invalid")}</p>
        <ul>
          <li>
            <Link to="/my-input">{t("feedback:participant.myInput")}</Link>
          </li>
          <li>
            <Link to="/join">{t("feedback:mine.join")}</Link>
          </li>
        </ul>
      </div>
    );
  }
  return (
    <div className="page prose">
      <h1>{t("feedback:openLink.title")}</h1>
      <p>{t("feedback:openLink.explain")}</p>
      <Form method="post" className="actions">
        <button type="submit" className="button">
          {t("feedback:openLink.confirm")}
        </button>
      </Form>
    </div>
  );
}

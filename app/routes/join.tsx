import { data, redirect, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "../i18n/translate";
import { DomainError, refusalInit } from "../errors";
import { retryAfterHeaders } from "../forms.server";
import { titleFrom } from "../i18n/meta";
import type { PageHandle } from "../components/page-scripts";
import { participantRoute } from "../live/ui/participant-route";
import { lookUpJoinCode } from "../live/join.server";
import { JoinCodeForm } from "../live/ui/join-forms";
import liveStyles from "../styles/live.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: liveStyles }];
export const headers = retryAfterHeaders;
export const handle: PageHandle = { leadsTo: participantRoute };

/** `/join?code=…` leads on to the session's short link, or says why the code does not open one. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const code = new URL(request.url).searchParams.get("code");
  if (code === null) return { code: "", error: null };
  try {
    const { session } = await lookUpJoinCode({ db: context.db }, context.clientIp, { code });
    return redirect(`/j/${session.joinCode}`);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return data({ code, error: { messageKey: error.messageKey, values: error.values } }, refusalInit(error));
  }
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: titleFrom(matches, "live:join.title") }];

export default function JoinPage() {
  const { code, error } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="page join-page">
      <h1>{t("live:join.title")}</h1>
      <p>{t("live:join.intro")}</p>
      <JoinCodeForm code={code} error={error} />
    </div>
  );
}

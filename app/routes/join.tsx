import { data, redirect, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DomainError, statusOf } from "../errors";
import { titleFrom } from "../i18n/meta";
import { findByJoinCode } from "../live/join.server";
import { JoinCodeForm } from "../live/ui/join-forms";
import liveStyles from "../styles/live.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: liveStyles }];

/** `/join?code=…` leads on to the session's short link, or says why the code does not open one. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const code = new URL(request.url).searchParams.get("code");
  if (code === null) return { code: "", errorKey: null };
  try {
    const { session } = await findByJoinCode({ db: context.db }, code);
    return redirect(`/j/${session.joinCode}`);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return data({ code, errorKey: error.messageKey }, { status: statusOf[error.code] });
  }
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: titleFrom(matches, "live:join.title") }];

export default function JoinPage() {
  const { code, errorKey } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="page join-page">
      <h1>{t("live:join.title")}</h1>
      <p>{t("live:join.intro")}</p>
      <JoinCodeForm code={code} errorKey={errorKey} />
    </div>
  );
}

import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "../i18n/translate";
import { signIn } from "../auth/account.server";
import { actorFrom } from "../auth/actor.server";
import { sessionCookieHeader } from "../auth/cookies.server";
import { safeRedirectPath } from "../auth/origin";
import { Field } from "../components/field";
import { usePageForm } from "../components/page-form";
import { attempt, readSubmission, retryAfterHeaders } from "../forms.server";
import { titleFrom } from "../i18n/meta";
import type { loader as rootLoader } from "../root";


export const headers = retryAfterHeaders;

export function loader({ request }: LoaderFunctionArgs) {
  return { redirectTo: safeRedirectPath(new URL(request.url).searchParams.get("redirectTo")) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = await readSubmission(request);
  const form = submission.fields;
  // A refused sign-in sends the target back into the page: only a path of ours.
  form.redirectTo = safeRedirectPath(form.redirectTo);
  const { actor } = await actorFrom(request, context.db);
  const result = await attempt(submission, () =>
    signIn(context.db, actor, { email: form.email, password: form.password }, { ip: context.clientIp }),
  );
  if (!result.ok) return result.reply;
  return redirect(form.redirectTo, {
    headers: { "Set-Cookie": sessionCookieHeader(request, result.value.token, result.value.expiresAt) },
  });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: titleFrom(matches, "auth:login.title") }];

export default function Login() {
  const page = useLoaderData<typeof loader>();
  const failed = usePageForm("login", { wholePage: true });
  const redirectTo = failed.sentText("redirectTo") ?? page.redirectTo;
  const root = useRouteLoaderData<typeof rootLoader>("root");
  const { t } = useTranslation();
  const { error, fieldMessage } = failed;
  return (
    <div className="page auth-page">
      <h1>{t("auth:login.title")}</h1>
      <p>{t("auth:login.intro")}</p>
      {root?.viewer.kind === "staff" && (
        <p className="notice">{t("auth:login.signedInAs", { name: root.viewer.displayName })}</p>
      )}
      {error && (
        <p id={failed.errorId} className="form-error" role="alert">
          {t(error.messageKey, error.values)}
        </p>
      )}
      <Form method="post" className="auth-form">
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field
          id="login-email"
          name="email"
          type="email"
          label={t("auth:login.email")}
          autoComplete="username"
          required
          defaultValue={failed.sentText("email")}
          error={fieldMessage("email")}
          alsoDescribedBy={error ? failed.errorId : undefined}
        />
        <Field
          id="login-password"
          name="password"
          type="password"
          label={t("auth:login.password")}
          autoComplete="current-password"
          required
          error={fieldMessage("password")}
          alsoDescribedBy={error ? failed.errorId : undefined}
        />
        <div className="actions">
          <button type="submit" className="button">
            {t("auth:login.submit")}
          </button>
        </div>
      </Form>
    </div>
  );
}

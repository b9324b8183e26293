import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "../i18n/translate";
import { signIn } from "../auth/account.server";
import { actorFrom } from "../auth/actor.server";
import { sessionCookieHeader } from "../auth/cookies.server";
import { safeRedirectPath } from "../auth/origin";
import { Field } from "../components/field";
import { DomainError, refusalInit } from "../errors";
import { formObject, retryAfterHeaders, type FormError } from "../forms.server";
import { titleFrom } from "../i18n/meta";
import type { loader as rootLoader } from "../root";


export const headers = retryAfterHeaders;

export function loader({ request }: LoaderFunctionArgs) {
  return { redirectTo: safeRedirectPath(new URL(request.url).searchParams.get("redirectTo")) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = formObject(await request.formData());
  const { actor } = await actorFrom(request, context.db);
  try {
    const session = await signIn(
      context.db,
      actor,
      { email: form.email, password: form.password },
      { ip: context.clientIp },
    );
    return redirect(safeRedirectPath(form.redirectTo), {
      headers: { "Set-Cookie": sessionCookieHeader(request, session.token, session.expiresAt) },
    });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const formError: FormError = { code: error.code, messageKey: error.messageKey, values: error.values, fields: error.fields };
    const echo = { email: String(form.email ?? ""), redirectTo: safeRedirectPath(form.redirectTo) };
    return data({ error: formError, ...echo }, refusalInit(error));
  }
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: titleFrom(matches, "auth:login.title") }];

export default function Login() {
  const page = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const redirectTo = failed?.redirectTo ?? page.redirectTo;
  const root = useRouteLoaderData<typeof rootLoader>("root");
  const { t } = useTranslation();
  const error = failed?.error;
  const fieldError = (name: string) => (error?.fields[name] ? t(error.fields[name]) : undefined);
  return (
    <div className="page auth-page">
      <h1>{t("auth:login.title")}</h1>
      <p>{t("auth:login.intro")}</p>
      {root?.viewer.kind === "staff" && (
        <p className="notice">{t("auth:login.signedInAs", { name: root.viewer.displayName })}</p>
      )}
      {error && (
        <p id="login-error" className="form-error" role="alert">
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
          defaultValue={failed?.email}
          error={fieldError("email")}
          alsoDescribedBy={error ? "login-error" : undefined}
        />
        <Field
          id="login-password"
          name="password"
          type="password"
          label={t("auth:login.password")}
          autoComplete="current-password"
          required
          error={fieldError("password")}
          alsoDescribedBy={error ? "login-error" : undefined}
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

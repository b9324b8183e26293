import {
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "../i18n/translate";
import { changePassword, signOutEverywhere } from "../auth/account.server";
import { requireStaff } from "../auth/actor.server";
import { clearCookieHeader, sessionCookieName } from "../auth/cookies.server";
import { Field } from "../components/field";
import { usePageForm } from "../components/page-form";
import { accepted, attempt, readSubmission, retryAfterHeaders } from "../forms.server";
import { titleFrom } from "../i18n/meta";

// Account pages are personal: never kept by a shared browser or proxy cache.
export const headers: HeadersFunction = (args) => ({ "Cache-Control": "no-store", ...retryAfterHeaders(args) });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireStaff(request, context, "account.manage");
  return { displayName: actor.displayName, email: actor.email, role: actor.role };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor, sessionId } = await requireStaff(request, context, "account.manage");
  const submission = await readSubmission(request);
  if (submission.intent === "signOutEverywhere") {
    const result = await attempt(submission, () => signOutEverywhere(context.db, actor));
    if (!result.ok) return result.reply;
    return redirect("/login", { headers: { "Set-Cookie": clearCookieHeader(request, sessionCookieName) } });
  }
  const result = await attempt(submission, () => changePassword(context.db, actor, submission.fields, { sessionId, ip: context.clientIp }));
  return result.ok ? accepted(submission, null) : result.reply;
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: titleFrom(matches, "auth:account.title") }];

export default function Account() {
  const account = useLoaderData<typeof loader>();
  // The page's one message area, whichever of its forms was sent.
  const outcome = usePageForm("password", { wholePage: true });
  const { t } = useTranslation();
  const { error, accepted: changed, fieldMessage } = outcome;
  const passwordForm = useRef<HTMLFormElement>(null);
  // With JavaScript the page is not reloaded; passwords must not stay in the fields.
  useEffect(() => {
    if (changed) passwordForm.current?.reset();
  }, [changed, outcome.reply]);
  return (
    <div className="page auth-page">
      <h1>{t("auth:account.title")}</h1>
      <dl className="facts">
        <dt>{t("auth:account.name")}</dt>
        <dd>{account.displayName}</dd>
        <dt>{t("auth:account.email")}</dt>
        <dd>{account.email}</dd>
        <dt>{t("auth:account.role")}</dt>
        <dd>{t(`auth:role.${account.role}`)}</dd>
      </dl>

      <section aria-labelledby="password-title">
        <h2 id="password-title">{t("auth:account.passwordHeading")}</h2>
        {changed && (
          <p className="notice" role="status">
            {t("auth:account.passwordChanged")}
          </p>
        )}
        {error && (
          <p id={outcome.errorId} className="form-error" role="alert">
            {t(error.messageKey, error.values)}
          </p>
        )}
        <Form method="post" className="auth-form" ref={passwordForm}>
          <input type="hidden" name="intent" value="changePassword" />
          <Field
            id="current-password"
            name="currentPassword"
            type="password"
            label={t("auth:account.currentPassword")}
            autoComplete="current-password"
            required
            error={fieldMessage("currentPassword")}
          />
          <Field
            id="new-password"
            name="newPassword"
            type="password"
            label={t("auth:account.newPassword")}
            hint={t("auth:account.passwordHint")}
            autoComplete="new-password"
            minLength={10}
            required
            error={fieldMessage("newPassword")}
          />
          <div className="actions">
            <button type="submit" className="button">
              {t("auth:account.changePassword")}
            </button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t("auth:account.sessionsHeading")}</h2>
        <p>{t("auth:account.sessionsText")}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="signOutEverywhere" />
          <button type="submit" className="button button--secondary">
            {t("auth:account.signOutEverywhere")}
          </button>
        </Form>
      </section>
    </div>
  );
}

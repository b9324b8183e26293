import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "../i18n/translate";
import { requireStaff } from "../auth/actor.server";
import { retentionMonths, setRetentionMonths } from "../auth/participant-data.server";
import { usePageForm } from "../components/page-form";
import { accepted, attempt, readSubmission } from "../forms.server";
import { titleFrom } from "../i18n/meta";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireStaff(request, context, "user.manage");
  return { months: await retentionMonths(context.db) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireStaff(request, context, "user.manage");
  const submission = await readSubmission(request);
  const outcome = await attempt(submission, () => setRetentionMonths(context.db, actor, submission.fields));
  return outcome.ok ? accepted(submission, outcome.value.participantMonths) : outcome.reply;
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: titleFrom(matches, "auth:retention.title") }];

/** The admins' setting for how long participants' profiles are kept after a conference. */
export default function RetentionPage() {
  const { months } = useLoaderData<typeof loader>();
  const outcome = usePageForm<number>("retention", { wholePage: true });
  const { t } = useTranslation();
  const { error, done: saved } = outcome;
  return (
    <div className="page auth-page">
      <h1>{t("auth:retention.title")}</h1>
      {saved !== undefined && (
        <p className="notice" role="status">
          {t("auth:retention.saved", { count: saved })}
        </p>
      )}
      {error && (
        <p id={outcome.errorId} className="form-error" role="alert">
          {t(error.messageKey, error.values)}
        </p>
      )}
      <p className="prose">{t("auth:retention.intro")}</p>
      <p className="prose">{t("auth:retention.contact")}</p>
      <Form method="post" className="stack-form">
        <div className="field">
          <label htmlFor="retention-months">{t("auth:retention.months")}</label>
          <input
            id="retention-months"
            name="participantMonths"
            type="number"
            min={1}
            max={120}
            required
            defaultValue={saved ?? outcome.sentText("participantMonths") ?? months}
            {...outcome.describe("participantMonths")}
          />
        </div>
        <button type="submit" className="button">
          {t("auth:retention.save")}
        </button>
      </Form>
    </div>
  );
}

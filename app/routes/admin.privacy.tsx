import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "../i18n/translate";
import { requireStaff } from "../auth/actor.server";
import { retentionMonths, setRetentionMonths } from "../auth/participant-data.server";
import { formObject, perform } from "../forms.server";
import { titleFrom } from "../i18n/meta";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireStaff(request, context, "user.manage");
  return { months: await retentionMonths(context.db) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireStaff(request, context, "user.manage");
  const form = formObject(await request.formData());
  const outcome = await perform(() => setRetentionMonths(context.db, actor, form));
  if (!outcome.ok) return outcome.response;
  return data({ saved: outcome.value.participantMonths });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: titleFrom(matches, "auth:retention.title") }];

/** The admins' setting for how long participants' profiles are kept after a conference. */
export default function RetentionPage() {
  const { months } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const { t } = useTranslation();
  const error = outcome && "error" in outcome ? outcome.error : undefined;
  const saved = outcome && "saved" in outcome ? outcome.saved : undefined;
  return (
    <div className="page auth-page">
      <h1>{t("auth:retention.title")}</h1>
      {saved !== undefined && (
        <p className="notice" role="status">
          {t("auth:retention.saved", { count: saved })}
        </p>
      )}
      {error && (
        <p id="retention-error" className="form-error" role="alert">
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
            defaultValue={saved ?? months}
            aria-describedby={error ? "retention-error" : undefined}
          />
        </div>
        <button type="submit" className="button">
          {t("auth:retention.save")}
        </button>
      </Form>
    </div>
  );
}

import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "../i18n/translate";
import { listReports } from "../accessibility/reports.server";
import { readSiteSettings, updateSiteSettings } from "../accessibility/settings.server";
import { requireStaff } from "../auth/actor.server";
import { Field } from "../components/field";
import { usePageForm } from "../components/page-form";
import { accepted, attempt, readSubmission } from "../forms.server";
import { formatDateTime } from "../i18n/format";
import { titleFrom } from "../i18n/meta";
import { inLanguage } from "../i18n/parts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireStaff(request, context, "site.manage");
  const [settings, reports] = await Promise.all([readSiteSettings(context.db), listReports(context.db, actor)]);
  return { settings, reports };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireStaff(request, context, "site.manage");
  const submission = await readSubmission(request);
  const outcome = await attempt(submission, () => updateSiteSettings(context.db, actor, submission.fields));
  return outcome.ok ? accepted(submission, null) : outcome.reply;
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: titleFrom(matches, "accessibility:admin.title") }];

export default function AdminAccessibility() {
  const { settings, reports } = useLoaderData<typeof loader>();
  const outcome = usePageForm("settings", { wholePage: true });
  const { t, i18n } = useTranslation();
  const { error, fieldMessage, sentText } = outcome;
  return (
    <div className="page auth-page auth-page--wide">
      <h1>{t("accessibility:admin.title")}</h1>
      <section aria-labelledby="settings-title">
        <h2 id="settings-title">{t("accessibility:admin.settingsHeading")}</h2>
        {outcome.accepted && (
          <p className="notice" role="status">
            {t("accessibility:admin.saved")}
          </p>
        )}
        {error && (
          <p id={outcome.errorId} className="form-error" role="alert">
            {t(error.messageKey, error.values)}
          </p>
        )}
        <Form method="post" className="stack-form">
          <Field
            id="sign-video-url"
            name="signVideoUrl"
            type="url"
            dir="ltr"
            label={t("accessibility:admin.signVideoUrl")}
            hint={t("accessibility:admin.signVideoHint")}
            error={fieldMessage("signVideoUrl")}
            defaultValue={sentText("signVideoUrl") ?? settings.signVideoUrl ?? ""}
          />
          <Field id="contact-name" name="contactName" label={t("accessibility:admin.contactName")} error={fieldMessage("contactName")} defaultValue={sentText("contactName") ?? settings.contactName ?? ""} />
          <Field
            id="contact-email"
            name="contactEmail"
            type="email"
            dir="ltr"
            label={t("accessibility:admin.contactEmail")}
            error={fieldMessage("contactEmail")}
            defaultValue={sentText("contactEmail") ?? settings.contactEmail ?? ""}
          />
          <Field
            id="contact-phone"
            name="contactPhone"
            type="tel"
            dir="ltr"
            label={t("accessibility:admin.contactPhone")}
            error={fieldMessage("contactPhone")}
            defaultValue={sentText("contactPhone") ?? settings.contactPhone ?? ""}
          />
          <div className="actions">
            <button type="submit" className="button">
              {t("accessibility:admin.save")}
            </button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="reports-title">
        <h2 id="reports-title">{t("accessibility:admin.messagesHeading")}</h2>
        {reports.length === 0 ? (
          <p>{t("accessibility:admin.noMessages")}</p>
        ) : (
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard
          <div className="table-scroll" role="region" aria-labelledby="reports-title" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("accessibility:admin.receivedAt")}</th>
                  <th scope="col">{t("accessibility:admin.messageColumn")}</th>
                  <th scope="col">{t("accessibility:admin.contactColumn")}</th>
                </tr>
              </thead>
              <tbody>
                {reports.map((report) => (
                  <tr key={report.id}>
                    <td>{formatDateTime(report.receivedAt, i18n.language)}</td>
                    {/* Written on a page in this language; the browser guesses no better. */}
                    <td {...inLanguage(report.language)} className="report-message">
                      {report.message}
                    </td>
                    <td>{report.contact ? <bdi>{report.contact}</bdi> : t("accessibility:admin.noContact")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

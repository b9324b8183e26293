import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "../i18n/translate";
import { reportBarrier } from "../accessibility/reports.server";
import { readSiteSettings } from "../accessibility/settings.server";
import { ReportForm } from "../accessibility/ui/report-form";
import { requireActor } from "../auth/actor.server";
import { accepted, attempt, readSubmission, retryAfterHeaders } from "../forms.server";
import { formatDate } from "../i18n/format";
import { languageOf } from "../i18n/i18n.server";
import { titleFrom } from "../i18n/meta";

export const headers = retryAfterHeaders;

/** When this statement was last reviewed (§12b BGG asks for the date). */
const preparedOn = "2026-12-02";

export async function loader({ request, context }: LoaderFunctionArgs) {
  return { settings: await readSiteSettings(context.db), language: await languageOf(request) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context, "accessibility.report");
  const submission = await readSubmission(request);
  const outcome = await attempt(submission, () => reportBarrier(context.db, actor, submission.fields, { clientIp: context.clientIp }));
  return outcome.ok ? accepted(submission, null) : outcome.reply;
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [
  { title: titleFrom(matches, "accessibility:statement.title") },
];

export default function AccessibilityStatement() {
  const { settings, language } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const { contactName, contactEmail, contactPhone } = settings;
  return (
    <div className="page prose">
      <h1>{t("accessibility:statement.title")}</h1>
      <p>{t("accessibility:statement.intro")}</p>

      <h2>{t("accessibility:statement.statusHeading")}</h2>
      <p>{t("accessibility:statement.status")}</p>

      <h2>{t("accessibility:statement.notYetHeading")}</h2>
      <ul>
        <li>{t("accessibility:statement.notYetTranslations")}</li>
        <li>{t("accessibility:statement.notYetContent")}</li>
        <li>{t("accessibility:statement.notYetSignLanguage")}</li>
        <li>{t("accessibility:statement.notYetCharts")}</li>
      </ul>
      <p>{t("accessibility:statement.preparedOn", { date: formatDate(preparedOn, i18n.language) })}</p>

      <h2 id="contact-title">{t("accessibility:statement.contactHeading")}</h2>
      {contactName || contactEmail || contactPhone ? (
        <address>
          {contactName && <p lang="de">{contactName}</p>}
          {contactEmail && (
            <p>
              {t("accessibility:statement.email")}:{" "}
              <a href={`mailto:${contactEmail}`} dir="ltr">
                {contactEmail}
              </a>
            </p>
          )}
          {contactPhone && (
            <p>
              {t("accessibility:statement.phone")}:{" "}
              <a href={`tel:${contactPhone.replace(/[^+\d]/g, "")}`} dir="ltr">
                {contactPhone}
              </a>
            </p>
          )}
        </address>
      ) : (
        <p>{t("accessibility:statement.contactMissing")}</p>
      )}

      <h2 id="report-title">{t("accessibility:statement.feedbackHeading")}</h2>
      <p>{t("accessibility:statement.feedbackIntro")}</p>
      <ReportForm language={language} />

      <h2>{t("accessibility:statement.enforcementHeading")}</h2>
      <p>{t("accessibility:statement.enforcement")}</p>
      <p>
        <a href="https://www.schlichtungsstelle-bgg.de">
          {t("accessibility:statement.enforcementLink")}
        </a>
      </p>
    </div>
  );
}

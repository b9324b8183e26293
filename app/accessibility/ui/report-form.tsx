import { Form } from "@remix-run/react";
import { useTranslation } from "../../i18n/translate";
import { usePageForm } from "../../components/page-form";

/** A plain POST form: it works without JavaScript, and a refusal keeps what was typed. */
export function ReportForm({ language }: { language: string }) {
  const { t } = useTranslation();
  const { error, accepted: done, describe, fieldErrorId, fieldMessage, sentText, errorId } = usePageForm("report", { wholePage: true });
  return (
    <Form method="post" className="stack-form" aria-labelledby="report-title" replace>
      {done && (
        <p className="notice" role="status">
          {t("accessibility:feedback.sent")}
        </p>
      )}
      {error && (
        <p id={errorId} className="form-error" role="alert">
          {t(error.messageKey, error.values)}
        </p>
      )}
      <input type="hidden" name="language" value={language} />
      <div className="field">
        <label htmlFor="report-message">{t("accessibility:feedback.message")}</label>
        <textarea
          id="report-message"
          name="message"
          rows={6}
          maxLength={5000}
          required
          defaultValue={sentText("message")}
          {...describe("message", "report-message-hint")}
        />
        <span id="report-message-hint" className="hint">
          {t("accessibility:feedback.messageHint")}
        </span>
        {fieldMessage("message") && (
          <span id={fieldErrorId("message")} className="field-error">
            {fieldMessage("message")}
          </span>
        )}
      </div>
      <div className="field">
        <label htmlFor="report-contact">{t("accessibility:feedback.contact")}</label>
        <input
          id="report-contact"
          name="contact"
          maxLength={300}
          autoComplete="email"
          defaultValue={sentText("contact")}
          {...describe("contact", "report-contact-hint")}
        />
        <span id="report-contact-hint" className="hint">
          {t("accessibility:feedback.contactHint")}
        </span>
        {fieldMessage("contact") && (
          <span id={fieldErrorId("contact")} className="field-error">
            {fieldMessage("contact")}
          </span>
        )}
      </div>
      <div className="actions">
        <button type="submit" className="button">
          {t("accessibility:feedback.submit")}
        </button>
      </div>
    </Form>
  );
}

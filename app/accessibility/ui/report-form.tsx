import { Form } from "@remix-run/react";
import { useTranslation } from "../../i18n/translate";
import type { FormError } from "../../forms";

type Props = {
  language: string;
  error?: FormError;
  sent?: { message: string; contact: string };
  done: boolean;
};

/** A plain POST form: it works without JavaScript, and a refusal keeps what was typed. */
export function ReportForm({ language, error, sent, done }: Props) {
  const { t } = useTranslation();
  const fieldError = (name: string) => error?.fields[name];
  const describedBy = (name: string, hint: string) =>
    [hint, fieldError(name) && `report-${name}-error`, error && "report-error"].filter(Boolean).join(" ");
  return (
    <Form method="post" className="stack-form" aria-labelledby="report-title" replace>
      {done && (
        <p className="notice" role="status">
          {t("accessibility:feedback.sent")}
        </p>
      )}
      {error && (
        <p id="report-error" className="form-error" role="alert">
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
          defaultValue={done ? "" : sent?.message}
          aria-invalid={fieldError("message") ? true : undefined}
          aria-describedby={describedBy("message", "report-message-hint")}
        />
        <span id="report-message-hint" className="hint">
          {t("accessibility:feedback.messageHint")}
        </span>
        {fieldError("message") && (
          <span id="report-message-error" className="field-error">
            {t(fieldError("message")!)}
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
          defaultValue={done ? "" : sent?.contact}
          aria-invalid={fieldError("contact") ? true : undefined}
          aria-describedby={describedBy("contact", "report-contact-hint")}
        />
        <span id="report-contact-hint" className="hint">
          {t("accessibility:feedback.contactHint")}
        </span>
        {fieldError("contact") && (
          <span id="report-contact-error" className="field-error">
            {t(fieldError("contact")!)}
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

import { Form } from "@remix-run/react";
import { useTranslation } from "../../i18n/translate";
import { usePageForm } from "../../components/page-form";

/**
 * The optional address for decision mails (docs/decisions/031): asked for with explicit consent,
 * shown with a way to take it back. Only rendered when the site can send e-mail.
 */
export function NotifyEmail({ conferenceId, email }: { conferenceId: string; email: string | null }) {
  const { t } = useTranslation();
  const id = (part: string) => `notify-${part}-${conferenceId}`;
  const { error, errorId, fieldKey, sentText } = usePageForm(`notify-${conferenceId}`);
  return (
    <section aria-labelledby={id("heading")} className="card notify-email">
      <h3 id={id("heading")} tabIndex={-1}>
        {t("feedback:notify.heading")}
      </h3>
      {email ? (
        <Form method="post" action="/my-input">
          <input type="hidden" name="intent" value="unnotify" />
          <input type="hidden" name="conferenceId" value={conferenceId} />
          <p>{t("feedback:notify.current", { email })}</p>
          <p className="actions">
            <button type="submit" className="button button--secondary">
              {t("feedback:notify.remove")}
            </button>
          </p>
        </Form>
      ) : (
        <Form method="post" action="/my-input" noValidate aria-describedby={error ? errorId : undefined}>
          <input type="hidden" name="intent" value="notify" />
          <input type="hidden" name="conferenceId" value={conferenceId} />
          <p>{t("feedback:notify.intro")}</p>
          {error && (
            <p id={errorId} className="form-error" role="alert">
              {t(error.messageKey, error.values)}
            </p>
          )}
          <div className="field">
            <label htmlFor={id("email")}>{t("feedback:notify.email")}</label>
            <input
              id={id("email")}
              name="email"
              type="email"
              autoComplete="email"
              dir="ltr"
              defaultValue={sentText("email")}
              aria-invalid={fieldKey("email") ? true : undefined}
              aria-describedby={fieldKey("email") ? errorId : undefined}
            />
          </div>
          <label className="choice">
            <input type="checkbox" name="consent" value="yes" aria-invalid={fieldKey("consent") ? true : undefined} />
            <span>{t("feedback:notify.consent")}</span>
          </label>
          <p className="actions">
            <button type="submit" className="button">
              {t("feedback:notify.save")}
            </button>
          </p>
        </Form>
      )}
    </section>
  );
}

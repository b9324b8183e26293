import { Form, Link } from "@remix-run/react";
import { useTranslation } from "../../i18n/translate";
import { usePageForm } from "../../components/page-form";

/**
 * Deleting one's data takes two steps: this link opens the confirmation (a plain GET, so it works
 * without JavaScript), and only the confirmation's form deletes.
 */
export function DeleteMyDataLink({ conferenceId }: { conferenceId: string }) {
  const { t } = useTranslation();
  return (
    <p>
      <Link to={`/my-input?delete=${conferenceId}#delete-${conferenceId}`} className="button button--secondary">
        {t("feedback:delete.link")}
      </Link>
    </p>
  );
}

export function DeleteMyDataConfirmation({ conferenceId }: { conferenceId: string }) {
  const { t } = useTranslation();
  const headingId = `delete-${conferenceId}`;
  const { error, errorId } = usePageForm(`delete-form-${conferenceId}`);
  return (
    <section aria-labelledby={headingId} className="card delete-confirmation">
      <h3 id={headingId} tabIndex={-1}>
        {t("feedback:delete.heading")}
      </h3>
      {error && (
        <p id={errorId} className="form-error" role="alert">
          {t(error.messageKey, error.values)}
        </p>
      )}
      <ul>
        <li>{t("feedback:delete.what")}</li>
        <li>{t("feedback:delete.votes")}</li>
        <li>{t("feedback:delete.decided")}</li>
        <li>{t("feedback:delete.returnLink")}</li>
      </ul>
      <p>
        <strong>{t("feedback:delete.final")}</strong>
      </p>
      <Form method="post" className="actions">
        <input type="hidden" name="conferenceId" value={conferenceId} />
        <input type="hidden" name="confirm" value="yes" />
        <button type="submit" className="button button--danger">
          {t("feedback:delete.confirm")}
        </button>
        <Link to="/my-input" className="button button--secondary">
          {t("feedback:delete.cancel")}
        </Link>
      </Form>
      <p>
        <Link to="/datenschutz">{t("feedback:delete.privacy")}</Link>
      </p>
    </section>
  );
}

import { useTranslation } from "../../i18n/translate";

/**
 * Under the participant's phone view: their own input, a personal link back to it for another
 * browser (a QR scanner's in-app browser forgets the participant when it closes) and, once the
 * session is over (as the page was loaded), the conference's results and decisions.
 */
export function ParticipantLinks({ conferenceId, closed }: { conferenceId: string; closed: boolean }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("feedback:participant.nav")} className="page live-page participant-links">
      <ul>
        <li>
          <a href="/my-input">{t("feedback:participant.myInput")}</a>
        </li>
        <li>
          {/* A plain form: the link is made and shown on "my input", with or without the page's script. */}
          <form method="post" action="/my-input">
            <input type="hidden" name="intent" value="returnLink" />
            <input type="hidden" name="conferenceId" value={conferenceId} />
            <button type="submit" className="button button--secondary">
              {t("feedback:returnLink.fromLive")}
            </button>
          </form>
        </li>
        {closed && (
          <li>
            <a href={`/conferences/${conferenceId}/feedback`}>{t("feedback:participant.feedback")}</a>
          </li>
        )}
      </ul>
    </nav>
  );
}

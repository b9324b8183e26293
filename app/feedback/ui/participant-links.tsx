import { useTranslation } from "../../i18n/translate";

/**
 * Under the participant's phone view: their own input and, once the session is over (as the page
 * was loaded), the conference's results and decisions.
 */
export function ParticipantLinks({ conferenceId, closed }: { conferenceId: string; closed: boolean }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("feedback:participant.nav")} className="page live-page participant-links">
      <ul>
        <li>
          <a href="/my-input">{t("feedback:participant.myInput")}</a>
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

import { Link } from "@remix-run/react";
import { useTranslation } from "../../i18n/translate";
import { inLanguage } from "../../i18n/parts";
import type { ConferenceTexts } from "../../conferences/conferences.server";
import { useConferenceTitle } from "../../conferences/ui/conference-texts";

/** Breadcrumb and title shared by the moderator's agenda and console pages. */
export function SessionHeading({
  conference,
  liveSession,
  page,
}: {
  conference: { id: string } & Pick<ConferenceTexts, "title" | "titleTranslations">;
  liveSession: { title: string };
  page: "agenda" | "console";
}) {
  const { t } = useTranslation();
  const conferenceTitle = useConferenceTitle(conference);
  const title = page === "agenda" ? t("conferences:agenda.title") : t("conferences:console.title");
  return (
    <>
      <nav aria-label={t("conferences:nav.breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to="/conferences">{t("conferences:list.title")}</Link>
          </li>
          <li>
            <Link to={`/conferences/${conference.id}`} {...inLanguage(conferenceTitle.language)}>
              {conferenceTitle.text}
            </Link>
          </li>
          <li aria-current="page">{title}</li>
        </ol>
      </nav>
      <h1>
        {title}: <span {...inLanguage("de")}>{liveSession.title}</span>
      </h1>
    </>
  );
}

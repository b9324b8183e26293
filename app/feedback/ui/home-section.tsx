import { Link } from "@remix-run/react";
import { useTranslation } from "../../i18n/translate";
import { formatDate } from "../../i18n/format";
import { inLanguage } from "../../i18n/parts";
import type { ConferenceWithResults } from "../conferences.server";

/** The home page's list of conferences that have results, each leading to its feedback page. */
export function ConferencesWithResults({ conferences }: { conferences: ConferenceWithResults[] }) {
  const { t, i18n } = useTranslation();
  if (conferences.length === 0) return null;
  return (
    <section aria-labelledby="feedback-title">
      <h2 id="feedback-title">{t("feedback:home.heading")}</h2>
      <p>{t("feedback:home.intro")}</p>
      <ul className="card-list">
        {conferences.map((conference) => (
          <li key={conference.id} className="card">
            <h3>
              <Link to={`/conferences/${conference.id}/feedback`} {...inLanguage("de")}>
                {conference.title}
              </Link>
            </h3>
            <p>
              {formatDate(new Date(conference.startsAt), i18n.language)}
              {conference.place && (
                <>
                  {" · "}
                  <span {...inLanguage("de")}>{conference.place}</span>
                </>
              )}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

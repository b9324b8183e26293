import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "../../i18n/translate";
import type { ConferenceView } from "../../conferences/conferences.server";
import { formatDateTime } from "../../i18n/format";
import { inLanguage } from "../../i18n/parts";

/**
 * When and where a conference took place and the plan it worked on; titles and places are German.
 * A page may add facts of its own as `dt`/`dd` children.
 */
export function ConferenceFacts({ conference, children }: { conference: ConferenceView; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <dl className="facts">
      <dt>{t("conferences:detail.date")}</dt>
      <dd>
        <time dateTime={new Date(conference.startsAt).toISOString()}>{formatDateTime(conference.startsAt, i18n.language)}</time>
      </dd>
      {conference.place && (
        <>
          <dt>{t("conferences:detail.place")}</dt>
          <dd {...inLanguage("de")}>{conference.place}</dd>
        </>
      )}
      {conference.district && (
        <>
          <dt>{t("conferences:detail.district")}</dt>
          <dd {...inLanguage("de")}>{conference.district}</dd>
        </>
      )}
      <dt>{t("conferences:detail.plan")}</dt>
      <dd>
        <Link to={`/plans/${conference.planSlug}`} {...inLanguage("de")}>
          {conference.planTitle}
        </Link>
      </dd>
      {children}
    </dl>
  );
}

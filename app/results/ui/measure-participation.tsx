import { Link } from "@remix-run/react";
import { formatDate } from "../../i18n/format";
import { inLanguage } from "../../i18n/parts";
import { useTranslation } from "../../i18n/translate";
import type { MeasureParticipation } from "../measure-participation.server";
import { Figures } from "./series-tables";

type Entry = MeasureParticipation["entries"][number];
type Dated = Omit<Entry, "conference"> & { conference: Omit<Entry["conference"], "startsAt"> & { startsAt: string | Date } };

/**
 * Where a measure was discussed and what came of it (issue 12), on its catalogue page: each
 * conference links to its public feedback page; staff who view results see the figures too.
 */
export function MeasureParticipationSection({
  participation,
  contentLanguage,
}: {
  participation: { minGroupSize: number; entries: Dated[] };
  contentLanguage: string;
}) {
  const { t, i18n } = useTranslation();
  const { entries } = participation;
  const figuresShown = entries.some((e) => e.figures || e.withheld);
  return (
    <section className="measure-field" aria-labelledby="field-participation">
      <h2 id="field-participation">{t("results:participation.title")}</h2>
      {entries.length === 0 ? (
        <p className="muted">{t("results:participation.none")}</p>
      ) : (
        <>
          <p>{t("results:participation.intro")}</p>
          <ol className="plain-list participation-list">
            {entries.map(({ conference, figures, withheld }) => (
              <li key={conference.id}>
                <Link to={`/conferences/${conference.id}/feedback`}>
                  <span {...inLanguage(contentLanguage)}>{conference.title}</span>
                </Link>
                {" · "}
                <time dateTime={new Date(conference.startsAt).toISOString()}>{formatDate(new Date(conference.startsAt), i18n.language)}</time>
                {conference.place && (
                  <>
                    {" · "}
                    <span {...inLanguage(contentLanguage)}>{conference.place}</span>
                  </>
                )}
                {figures && <Figures figures={figures} />}
                {withheld && <p className="muted">{t("results:series.suppressed")}</p>}
              </li>
            ))}
          </ol>
          {figuresShown && <p className="muted">{t("results:participation.privacy", { minimum: participation.minGroupSize })}</p>}
        </>
      )}
    </section>
  );
}

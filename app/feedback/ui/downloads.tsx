import { Link } from "@remix-run/react";
import { useTranslation } from "../../i18n/translate";

const datasets = ["results", "breakdowns", "proposals", "comments", "decisions", "translations"] as const;
/** Only a two-step prioritisation has a combined ranking (decision 051). */
const twoStepDatasets = [...datasets, "prioritisation"] as const;
const formats = ["csv", "json"] as const;

/** One dataset of a conference's exports, as CSV and as JSON. */
export function DatasetDownloads({ conferenceId, dataset }: { conferenceId: string; dataset: (typeof twoStepDatasets)[number] }) {
  const { t } = useTranslation();
  return formats.map((format, i) => (
    <span key={format}>
      {i > 0 && " · "}
      <a href={`/conferences/${conferenceId}/export.${format}?dataset=${dataset}`} download>
        {t(`feedback:downloads.${format}`, { dataset: t(`feedback:downloads.dataset.${dataset}`) })}
      </a>
    </span>
  ));
}

/**
 * Links to a conference's exports. They are plain links, not client-side navigation: the
 * answer is a file. What a file holds depends on who downloads it (staff also get hidden comments).
 */
export function ConferenceDownloads({ conferenceId, twoStep, headingLevel = 2 }: { conferenceId: string; twoStep: boolean; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby="downloads-title">
      <Heading id="downloads-title">{t("feedback:downloads.heading")}</Heading>
      <p>{t("feedback:downloads.intro")}</p>
      <ul>
        {(twoStep ? twoStepDatasets : datasets).map((dataset) => (
          <li key={dataset}>
            <DatasetDownloads conferenceId={conferenceId} dataset={dataset} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Links on a conference's own page to what became of it: the public feedback, the report, a two-step prioritisation's ranking, the exports. */
export function ConferenceOutcomeLinks({ conferenceId, planSlug, twoStep }: { conferenceId: string; planSlug: string; twoStep: boolean }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="outcome-links-title">
      <h2 id="outcome-links-title">{t("feedback:conferenceLinks.heading")}</h2>
      <ul>
        <li>
          <Link to={`/conferences/${conferenceId}/feedback`}>{t("feedback:conferenceLinks.feedback")}</Link>
        </li>
        <li>
          <Link to={`/conferences/${conferenceId}/report`}>{t("feedback:conferenceLinks.report")}</Link>
        </li>
        {twoStep && (
          <li>
            <Link to={`/conferences/${conferenceId}/prioritisation`}>{t("feedback:conferenceLinks.prioritisation")}</Link>
          </li>
        )}
        <li>
          <Link to={`/plans/${planSlug}/results`}>{t("feedback:conferenceLinks.planResults")}</Link>
        </li>
      </ul>
      <ConferenceDownloads conferenceId={conferenceId} twoStep={twoStep} headingLevel={3} />
    </section>
  );
}

/** The whole catalogue for download, and for planners the way to import one. */
export function CatalogueDownloads({ planSlug, canImport }: { planSlug: string; canImport: boolean }) {
  const { t } = useTranslation();
  return (
    <p>
      {t("feedback:catalogue.download")}{" "}
      <a href={`/plans/${planSlug}/export.csv`} download>
        {t("feedback:catalogue.csv")}
      </a>
      {" · "}
      <a href={`/plans/${planSlug}/export.json`} download>
        {t("feedback:catalogue.json")}
      </a>
      {canImport && (
        <>
          {" · "}
          <Link to="/plans/import">{t("feedback:catalogue.import")}</Link>
        </>
      )}
    </p>
  );
}

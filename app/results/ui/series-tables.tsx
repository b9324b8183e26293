import { Link } from "@remix-run/react";
import { DataTable } from "../../components/data-table";
import { formatDate } from "../../i18n/format";
import { formatInMessage, formatShare } from "../../i18n/numbers";
import { inLanguage } from "../../i18n/parts";
import { useTranslation } from "../../i18n/translate";
import { criterionLabel } from "../../live/ui/criteria";
import type { DistrictComparison, SeriesFigures, SeriesMeasure, SeriesOverTime } from "../series.server";

type Dated<T> = T extends { startsAt: Date } ? Omit<T, "startsAt"> & { startsAt: string | Date } : T;
type OverTime = Omit<SeriesOverTime, "conferences"> & { conferences: Dated<SeriesOverTime["conferences"][number]>[] };
type Districts = Omit<DistrictComparison, "districts"> & {
  districts: { district: string; conferences: Dated<DistrictComparison["districts"][number]["conferences"][number]>[] }[];
};

function MeasureHeader({ measure, planSlug, lang }: { measure: SeriesMeasure; planSlug: string; lang: string }) {
  return (
    <th scope="row">
      <Link to={`/plans/${planSlug}/measures/${encodeURIComponent(measure.code)}`}>
        <span dir="ltr">{measure.code}</span> <span {...inLanguage(lang)}>{measure.title}</span>
      </Link>
    </th>
  );
}

/** One measure's figures in one conference or district (or in its participation history), each on its own line with its words. */
export function Figures({ figures, movement }: { figures: SeriesFigures; movement?: number | null }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const n = (value: number | null) => (value === null ? "–" : formatInMessage(value, lng));
  return (
    <ul className="plain-list series-figures">
      <li>
        <strong>{t("results:series.rank", { rank: n(figures.rank) })}</strong>
        {movement !== undefined && (
          <>
            {" · "}
            {movement === null
              ? t("results:series.first")
              : movement === 0
                ? t("results:series.same")
                : movement > 0
                  ? t("results:series.up", { count: movement })
                  : t("results:series.down", { count: -movement })}
          </>
        )}
      </li>
      <li>{t("results:series.people", { count: figures.participants })}</li>
      <li>{t("results:series.dotShare", { share: formatShare(figures.dots.share, lng), dots: n(figures.dots.total) })}</li>
      {figures.scale && (
        <li>
          {t("results:series.scale", {
            mean: n(figures.scale.mean),
            share: figures.scale.shareAtLeast7 === null ? "–" : formatShare(figures.scale.shareAtLeast7, lng),
          })}
        </li>
      )}
      {figures.rating.map((r) => (
        <li key={`${r.criterion}|${r.max}`}>{t("results:series.rating", { criterion: criterionLabel(t, r.criterion), mean: n(r.mean), max: n(r.max) })}</li>
      ))}
    </ul>
  );
}

/** Recurring conferences: a column per conference, earliest first; each cell says how the rank moved. */
export function OverTimeTable({ data, planSlug, contentLanguage }: { data: OverTime; planSlug: string; contentLanguage: string }) {
  const { t, i18n } = useTranslation();
  return (
    <DataTable caption={t("results:series.overTimeTable")} className="series-table">
      <thead>
        <tr>
          <th scope="col">{t("results:series.measure")}</th>
          {data.conferences.map((c) => (
            <th scope="col" key={c.id}>
              <span {...inLanguage(contentLanguage)}>{c.title}</span>
              <br />
              <time dateTime={new Date(c.startsAt).toISOString()}>{formatDate(c.startsAt, i18n.language)}</time>
              <br />
              <span className="muted">{t("results:series.joined", { count: c.participants })}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {data.rows.map((row) => (
          <tr key={row.measure.id}>
            <MeasureHeader measure={row.measure} planSlug={planSlug} lang={contentLanguage} />
            {row.cells.map((cell, i) => (
              <td key={data.conferences[i]!.id}>{cell ? <Figures figures={cell} movement={cell.movement} /> : t("results:series.notDiscussed")}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

/** District forums side by side: a column per district, small groups withheld. */
export function DistrictTable({ data, planSlug, contentLanguage }: { data: Districts; planSlug: string; contentLanguage: string }) {
  const { t } = useTranslation();
  return (
    <DataTable caption={t("results:series.districtTable")} className="series-table">
      <thead>
        <tr>
          <th scope="col">{t("results:series.measure")}</th>
          {data.districts.map((d) => (
            <th scope="col" key={d.district} {...inLanguage("de")}>
              {d.district}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {data.rows.map((row) => (
          <tr key={row.measure.id}>
            <MeasureHeader measure={row.measure} planSlug={planSlug} lang={contentLanguage} />
            {row.cells.map((cell, i) => (
              <td key={data.districts[i]!.district}>
                {cell.state === "shown" ? (
                  <Figures figures={cell} />
                ) : cell.state === "suppressed" ? (
                  t("results:series.suppressed")
                ) : (
                  t("results:series.notDiscussed")
                )}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

const outcomeSize = 3;

/** Each district's forums and what they put first: only measures whose figures are shown. */
export function DistrictForums({ data, contentLanguage }: { data: Districts; contentLanguage: string }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {data.districts.map((d, i) => {
        const headingId = `district-${i}`;
        const top = data.rows
          .flatMap((row) => {
            const cell = row.cells[i]!;
            return cell.state === "shown" ? [{ measure: row.measure, rank: cell.rank }] : [];
          })
          .sort((a, b) => a.rank - b.rank)
          .slice(0, outcomeSize);
        return (
          <section key={d.district} aria-labelledby={headingId} className="district-forums">
            <h3 id={headingId} {...inLanguage("de")}>
              {d.district}
            </h3>
            <ul>
              {d.conferences.map((c) => (
                <li key={c.id}>
                  <Link to={`/conferences/${c.id}/feedback`} {...inLanguage(contentLanguage)}>
                    {c.title}
                  </Link>
                  {" · "}
                  <time dateTime={new Date(c.startsAt).toISOString()}>{formatDate(c.startsAt, i18n.language)}</time>
                </li>
              ))}
            </ul>
            {top.length === 0 ? (
              <p>{t("results:series.noOutcome")}</p>
            ) : (
              <>
                <p>{t("results:series.outcome", { count: top.length })}</p>
                <ol>
                  {top.map(({ measure, rank }) => (
                    <li key={measure.id}>
                      {t("results:series.rank", { rank: formatInMessage(rank, i18n.language) })}:{" "}
                      <span dir="ltr">{measure.code}</span> <span {...inLanguage(contentLanguage)}>{measure.title}</span>
                    </li>
                  ))}
                </ol>
              </>
            )}
          </section>
        );
      })}
    </>
  );
}

import { useTranslation } from "../../i18n/translate";
import { BarChart } from "../../components/bar-chart";
import type { ContentNote } from "../../catalogue/translated";
import { MeasureNotes } from "../../catalogue/ui/content-note";
import { namedResult, optionNamer } from "../ranking-names";
import type { AgendaItemView, ItemResult } from "../views";
import type { AgendaActivities } from "../../../db/schema";
import { contentLanguageOf, criterionText } from "./criteria";
import { formatNumber, formatShare } from "../../i18n/numbers";

/**
 * A ranked measure as a screen names it: German as the results carry it, or named for its reader
 * (ranking-names.ts) with its title's language and the catalogue's note.
 */
type RankedEntry = { code: string; title: string; language?: string; note?: ContentNote; points: number; firstPlaces: number };

type Props = {
  result: Omit<ItemResult, "ranking"> & { ranking: RankedEntry[] | null };
  /** The top of the rating scale the item used (the results carry only the answers). */
  ratingMax?: number;
  /** The language of ranked measures' titles that name no language of their own, for `lang`. */
  contentLanguage: string;
  size?: "normal" | "large";
  /** The moderator's translations of their own criteria (decision 046); without them, as typed. */
  criterionTranslations?: NonNullable<AgendaActivities["rating"]>["criterionTranslations"];
  /** Whose language those criteria are read in: the page's, but the room's main one on the projector (decision 049). */
  reader?: string;
};

/**
 * One agenda item's result as every screen shows it: participant phones, the projector, the
 * moderator console and reports. Charts carry their own captions, so it fits under any heading.
 */
export function ItemResultView({ result, ratingMax = 5, contentLanguage, size = "normal", criterionTranslations, reader }: Props) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const number = (value: number | null) => (value === null ? "–" : formatNumber(value, lng));
  const chart = { size, valueHeader: t("live:results.mean") };
  const rated = Boolean(result.rating?.some((r) => r.summary.count > 0));
  const scaled = (result.scale?.count ?? 0) > 0;
  // Paper ballots have no participant, so the voter count alone would miss them.
  const anyVotes = result.voterCount > 0 || (result.dots?.total ?? 0) > 0 || rated || scaled;

  return (
    <div className={`item-result item-result--${size}`}>
      <p className="item-result__counts">
        {t("live:results.voters", { count: result.voterCount })} · {t("live:results.comments", { count: result.commentCount })}
      </p>
      {!anyVotes && <p>{t("live:results.none")}</p>}

      {anyVotes && result.dots && (
        <>
          <p className="item-result__total">
            {t("live:results.dotsTotal", { count: result.dots.total, paper: result.dots.paper })}
          </p>
          <BarChart
            {...chart}
            title={t("live:results.dotsShare")}
            labelHeader={t("live:results.dotsShare")}
            valueHeader={t("live:results.share")}
            max={1}
            bars={[
              {
                key: "share",
                label: t("live:results.share"),
                value: result.dots.share,
                valueText: formatShare(result.dots.share, lng),
              },
            ]}
          />
        </>
      )}

      {rated && result.rating && (
        <BarChart
          {...chart}
          title={t("live:results.ratingTitle", { max: ratingMax })}
          labelHeader={t("live:results.criterion")}
          max={ratingMax}
          bars={result.rating.map(({ criterion, summary }) => {
            const name = criterionText(t, criterion, criterionTranslations, reader ?? lng);
            return { key: criterion, label: name.text, lang: name.language, value: summary.mean ?? 0, valueText: number(summary.mean) };
          })}
        />
      )}

      {scaled && result.scale && (
        <>
          <dl className="item-result__figures">
            <div>
              <dt>{t("live:results.mean")}</dt>
              <dd>{number(result.scale.mean)}</dd>
            </div>
            <div>
              <dt>{t("live:results.median")}</dt>
              <dd>{number(result.scale.median)}</dd>
            </div>
            <div>
              <dt>{t("live:results.atLeast7")}</dt>
              <dd>{result.scale.shareAtLeast7 === null ? "–" : formatShare(result.scale.shareAtLeast7, lng)}</dd>
            </div>
          </dl>
          <BarChart
            {...chart}
            title={t("live:results.scaleTitle")}
            labelHeader={t("live:results.scaleValue")}
            valueHeader={t("live:results.answers")}
            labelColumn={10}
            max={Math.max(1, ...Object.values(result.scale.distribution))}
            bars={Array.from({ length: 10 }, (_, i) => {
              const count = result.scale!.distribution[i + 1] ?? 0;
              return { key: String(i + 1), label: number(i + 1), value: count, valueText: number(count) };
            })}
          />
        </>
      )}

      {anyVotes && result.ranking && (
        <BarChart
          {...chart}
          title={t("live:results.rankingTitle")}
          labelHeader={t("live:results.measure")}
          valueHeader={t("live:results.rankedFirstHeader")}
          // The order weighs every place of every ballot; what a reader can check is how many put it first.
          max={Math.max(1, ...result.ranking.map((r) => r.firstPlaces))}
          bars={result.ranking.map((r) => ({
            key: r.code,
            label: `${r.code} ${r.title}`,
            lang: r.language ?? contentLanguage,
            value: r.firstPlaces,
            valueText: t("live:results.rankedFirst", { count: r.firstPlaces }),
          }))}
        />
      )}
      {/* A bar has no room for a note: one line under the chart per note, naming its measures. */}
      {anyVotes && <MeasureNotes measures={result.ranking} />}
    </div>
  );
}

/**
 * An agenda item's result on a live screen: its ranked measures named in the reader's language
 * where translated, from the translations the item carries. The reader is the screen's, but for
 * the projector, which names them in the room's main language (decision 049).
 */
export function LiveItemResult({ item, result, reader, size }: { item: AgendaItemView; result: ItemResult; reader?: string; size?: Props["size"] }) {
  const { i18n } = useTranslation();
  return (
    <ItemResultView
      result={namedResult(result, optionNamer(item, reader ?? i18n.language))}
      ratingMax={item.activities.rating?.max}
      criterionTranslations={item.activities.rating?.criterionTranslations}
      reader={reader}
      contentLanguage={contentLanguageOf(item)}
      size={size}
    />
  );
}

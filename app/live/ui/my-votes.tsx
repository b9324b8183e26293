import { useTranslation } from "../../i18n/translate";
import { inLanguage } from "../../i18n/parts";
import { MeasureNotes } from "../../catalogue/ui/content-note";
import { namedOptions } from "../ranking-names";
import type { AgendaItemView, MyVotes } from "../views";
import { contentLanguageOf, criterionText } from "./criteria";

/** What this participant has given the item so far, as the server counted it. */
export function MyVotesSection({ item, me }: { item: AgendaItemView; me: MyVotes }) {
  const { t, i18n } = useTranslation();
  const dots = me.dotsByItem[item.id] ?? 0;
  const ratings = Object.entries(me.ratings[item.id] ?? {});
  const scale = me.scale[item.id];
  // The ballot's measures named as the ranking form names them; a code the item no longer offers, by its code alone.
  const options = namedOptions(item, i18n.language);
  const ranked = (me.ranking[item.id] ?? []).map((code) => options.find((o) => o.code === code) ?? { code, title: "", language: contentLanguageOf(item), note: "none" as const });
  const none = dots === 0 && ratings.length === 0 && scale === undefined && ranked.length === 0;

  return (
    <section aria-labelledby="mine-title" className="live-section my-votes">
      <h2 id="mine-title">{t("live:mine.heading")}</h2>
      {none ? (
        <p className="muted">{t("live:mine.none")}</p>
      ) : (
        <ul>
          {dots > 0 && <li>{t("live:mine.dots", { count: dots })}</li>}
          {ratings.map(([criterion, value]) => (
            <li key={criterion}>
              {t("live:mine.rating", {
                // The vote names the German criterion; the reader reads it as the rating form named it (decision 046).
                criterion: criterionText(t, criterion, item.activities.rating?.criterionTranslations, i18n.language).text,
                value,
                max: item.activities.rating?.max ?? value,
              })}
            </li>
          ))}
          {scale !== undefined && <li>{t("live:mine.scale", { value: scale })}</li>}
          {ranked.length > 0 && (
            <li>
              {t("live:mine.ranking")}
              <ol>
                {ranked.map((measure) => (
                  <li key={measure.code}>
                    <span dir="ltr">{measure.code}</span> <span {...inLanguage(measure.language)}>{measure.title}</span>
                  </li>
                ))}
              </ol>
              <MeasureNotes measures={ranked} />
            </li>
          )}
        </ul>
      )}
    </section>
  );
}

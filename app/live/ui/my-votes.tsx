import { useTranslation } from "../../i18n/translate";
import { inLanguage } from "../../i18n/parts";
import { rankingOptions } from "../rules";
import type { AgendaItemView, MyVotes } from "../views";
import { contentLanguageOf, criterionLabel } from "./criteria";

/** What this participant has given the item so far, as the server counted it. */
export function MyVotesSection({ item, me }: { item: AgendaItemView; me: MyVotes }) {
  const { t } = useTranslation();
  const dots = me.dotsByItem[item.id] ?? 0;
  const ratings = Object.entries(me.ratings[item.id] ?? {});
  const scale = me.scale[item.id];
  const ranking = me.ranking[item.id] ?? [];
  const titleOf = (code: string) => rankingOptions(item).find((m) => m.code === code)?.title ?? "";
  const none = dots === 0 && ratings.length === 0 && scale === undefined && ranking.length === 0;

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
              {t("live:mine.rating", { criterion: criterionLabel(t, criterion), value, max: item.activities.rating?.max ?? value })}
            </li>
          ))}
          {scale !== undefined && <li>{t("live:mine.scale", { value: scale })}</li>}
          {ranking.length > 0 && (
            <li>
              {t("live:mine.ranking")}
              <ol {...inLanguage(contentLanguageOf(item))}>
                {ranking.map((code) => (
                  <li key={code}>
                    <span dir="ltr">{code}</span> {titleOf(code)}
                  </li>
                ))}
              </ol>
            </li>
          )}
        </ul>
      )}
    </section>
  );
}

import { useEffect, useState } from "react";
import { useTranslation } from "../../i18n/translate";
import { inLanguage } from "../../i18n/parts";
import { MeasureNotes } from "../../catalogue/ui/content-note";
import { namedOptions } from "../ranking-names";
import type { AgendaItemView, MyVotes } from "../views";
import { LiveForm } from "./live-form";

type Option = { code: string };

/** The participant's last ballot, or the catalogue's order as a starting point. */
function startingOrder(options: Option[], ballot: string[] | undefined): string[] {
  const known = (ballot ?? []).filter((code) => options.some((o) => o.code === code));
  return [...known, ...options.map((o) => o.code).filter((code) => !known.includes(code))];
}

/**
 * Ranking the measures of a ranking item or a cluster (rules.rankingOptions). Without JavaScript: one select per rank. With it: the list
 * itself, moved with up and down buttons. Both send the same `rank` fields in order.
 */
export function RankingForm({ item, me }: { item: AgendaItemView; me: MyVotes }) {
  const { t, i18n } = useTranslation();
  // Each measure in the reader's language where translated, else the catalogue's, marked below the list.
  const options = namedOptions(item, i18n.language);
  const [order, setOrder] = useState(() => startingOrder(options, me.ranking[item.id]));
  const [scripted, setScripted] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  useEffect(() => setScripted(true), []);
  const optionOf = (code: string) => options.find((o) => o.code === code);
  const titleOf = (code: string) => optionOf(code)?.title ?? code;
  const languageOf = (code: string) => inLanguage(optionOf(code)?.language ?? i18n.language);

  function move(index: number, by: -1 | 1) {
    const target = index + by;
    if (target < 0 || target >= order.length) return;
    const next = [...order];
    [next[index], next[target]] = [next[target]!, next[index]!];
    setOrder(next);
    setAnnouncement(t("live:ranking.moved", { rank: target + 1, title: `${next[target]} ${titleOf(next[target]!)}` }));
  }

  return (
    <section aria-labelledby="ranking-title" className="live-section">
      <h2 id="ranking-title">{t("live:ranking.heading")}</h2>
      <p>{t("live:ranking.intro")}</p>
      <LiveForm formId={`ranking-${item.id}`} intent="ranking" once="k" hidden={{ agendaItemId: item.id }} aria-labelledby="ranking-title">
        {scripted ? (
          <>
            <ol className="ranking-list">
              {order.map((code, index) => (
                <li key={code} className="ranking-list__item">
                  <input type="hidden" name="rank" value={code} />
                  <span id={`rank-${index}-title`} className="ranking-list__title">
                    <span dir="ltr">{code}</span> <span {...languageOf(code)}>{titleOf(code)}</span>
                  </span>
                  <span className="ranking-list__moves">
                    <button type="button" className="button button--secondary" aria-describedby={`rank-${index}-title`} onClick={() => move(index, -1)}>
                      {t("live:ranking.up")}
                    </button>
                    <button type="button" className="button button--secondary" aria-describedby={`rank-${index}-title`} onClick={() => move(index, 1)}>
                      {t("live:ranking.down")}
                    </button>
                  </span>
                </li>
              ))}
            </ol>
            <p role="status" className="visually-hidden">
              {announcement}
            </p>
          </>
        ) : (
          order.map((chosen, index) => (
            <div className="field" key={index}>
              <label htmlFor={`rank-${index}`}>{t("live:ranking.rank", { rank: index + 1 })}</label>
              <select id={`rank-${index}`} name="rank" defaultValue={chosen}>
                <option value="">{t("live:ranking.choose")}</option>
                {options.map((o) => (
                  <option key={o.code} value={o.code} {...inLanguage(o.language)}>
                    {o.code} {o.title}
                  </option>
                ))}
              </select>
            </div>
          ))
        )}
        <MeasureNotes measures={options} />
        <button type="submit" className="button">
          {t("live:ranking.submit")}
        </button>
      </LiveForm>
    </section>
  );
}

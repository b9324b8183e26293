import { useTranslation } from "../../i18n/translate";
import { criterionText } from "../../live/ui/criteria";
import { ItemResultView } from "../../live/ui/item-result";
import type { MyInput } from "../my-input.server";
import { ResultItemTitle } from "./item-results";
import { OutcomeView } from "./outcome";

type Vote = MyInput["votes"][number];

/** The participant's own answers on one item, each in a sentence. */
function MyAnswers({ mine, criterionTranslations }: Pick<Vote, "mine" | "criterionTranslations">) {
  const { t, i18n } = useTranslation();
  const lines = [
    ...(mine.dots !== null ? [t("feedback:mine.dots", { count: mine.dots })] : []),
    ...Object.entries(mine.ratings).map(([criterion, value]) =>
      t("feedback:mine.rating", { criterion: criterionText(t, criterion, criterionTranslations, i18n.language).text, value }),
    ),
    ...(mine.scale !== null ? [t("feedback:mine.scale", { value: mine.scale })] : []),
    // Codes of measures are the same in every language.
    ...(mine.ranking ? [t("feedback:mine.ranking", { order: mine.ranking.join(", ") })] : []),
  ];
  return (
    <ul>
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

/**
 * An item the participant voted on: their answers, the room's result once the session is over
 * (folded, a phone screen is short), and the planners' decision on a measure.
 */
export function MyVoteEntry({ vote, planSlug, contentLanguage }: { vote: Vote; planSlug: string; contentLanguage: string }) {
  const { t } = useTranslation();
  const headingId = `vote-${vote.agendaItemId}`;
  return (
    <article className="card" aria-labelledby={headingId}>
      <h4 id={headingId}>
        <ResultItemTitle item={vote.about} />
      </h4>
      <MyAnswers mine={vote.mine} criterionTranslations={vote.criterionTranslations} />
      {vote.result ? (
        <details>
          <summary>{t("feedback:mine.roomResult")}</summary>
          <ItemResultView
            result={vote.result}
            ratingMax={vote.ratingMax ?? undefined}
            criterionTranslations={vote.criterionTranslations}
            contentLanguage={contentLanguage}
          />
        </details>
      ) : (
        <p className="muted">{vote.liveSession.closed ? t("feedback:mine.noResult") : t("feedback:mine.resultLater")}</p>
      )}
      {vote.about.measure && <OutcomeView decision={vote.decision} planSlug={planSlug} />}
    </article>
  );
}

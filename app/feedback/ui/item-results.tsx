import type { TFunction } from "../../i18n/translate";
import { useTranslation } from "../../i18n/translate";
import { pickText } from "../../i18n/content";
import { inLanguage } from "../../i18n/parts";
import { criterionText } from "../../live/ui/criteria";
import { formatNumber } from "../../i18n/numbers";
import { ItemResultView } from "../../live/ui/item-result";
import type { Consensus } from "../../results/consensus";
import type { FeedbackItem, Outcome } from "../feedback.server";
import { BreakdownTables } from "./breakdowns";
import { MeasureNameText, MeasureNote } from "./measure-name";
import { OutcomeView } from "./outcome";
import { entryTitle } from "../../live/ranking-names";

/** The catalogue's own language, which focus themes are shown in: they have no translations. */
const contentLanguage = "de";

/**
 * What an agenda item was about: a measure with its code, a focus theme, a goal, a ranking's or an open
 * question; a measure's title and a question in the reader's language where translated, else
 * German, marked.
 */
export function ResultItemTitle({ item }: { item: Pick<FeedbackItem["item"], "kind" | "measure" | "cluster" | "goal" | "questionTranslations" | "question"> }) {
  const { t, i18n } = useTranslation();
  if (item.measure) {
    return (
      <>
        <MeasureNameText measure={item.measure} />
        <MeasureNote measure={item.measure} />
      </>
    );
  }
  const entry = entryTitle(item);
  if (entry !== null) {
    return (
      <>
        <span className="muted">{t(item.goal ? "conferences:item.goal" : "conferences:item.cluster")}</span>{" "}
        <span {...inLanguage(contentLanguage)}>{entry}</span>
      </>
    );
  }
  const question = pickText(item.question ?? "", item.questionTranslations, i18n.language);
  return (
    <>
      <span className="muted">{t(item.kind === "ranking" ? "conferences:item.ranking" : "conferences:item.question")}</span>{" "}
      <span {...inLanguage(question.language)}>{question.text}</span>
      {question.fallback && <span className="muted"> · {t("common:content.inGerman")}</span>}
    </>
  );
}

function consensusText(t: TFunction, lng: string, label: string, c: Consensus) {
  return t("feedback:consensus.entry", { label, level: t(`feedback:consensus.${c.level}`), value: formatNumber(c.value, lng) });
}

type Props = {
  entry: FeedbackItem;
  decision: Outcome | null;
  planSlug: string;
  minGroupSize: number;
  /** The heading level of the item's title: 3 under a session's heading, 2 in the report. */
  level: 2 | 3;
  /** The feedback page folds the breakdown tables away; the printed report shows them. */
  foldBreakdowns: boolean;
};

/**
 * One agenda item's frozen result: the shared charts (each with its data table), how much the room
 * agreed, the breakdowns, and the planners' decision on a measure.
 */
export function ItemResultsSection({ entry, decision, planSlug, minGroupSize, level, foldBreakdowns }: Props) {
  const { t, i18n } = useTranslation();
  const { item, result, consensus, breakdowns } = entry;
  const Heading = level === 2 ? "h2" : "h3";
  const Sub = level === 2 ? "h3" : "h4";
  const titleId = `item-${item.id}`;
  const criteria = item.activities.rating?.criterionTranslations;
  const agreement = [
    ...(consensus.scale ? [consensusText(t, i18n.language, t("live:results.scaleTitle"), consensus.scale)] : []),
    ...consensus.rating.flatMap((r) => (r.consensus ? [consensusText(t, i18n.language, criterionText(t, r.criterion, criteria, i18n.language).text, r.consensus)] : [])),
  ];
  const tables = <BreakdownTables breakdowns={breakdowns} minGroupSize={minGroupSize} criterionTranslations={criteria} />;
  return (
    <section aria-labelledby={titleId} className="result-item">
      <Heading id={titleId}>
        <ResultItemTitle item={item} />
      </Heading>
      <ItemResultView
        result={result}
        ratingMax={item.activities.rating?.max}
        criterionTranslations={criteria}
        contentLanguage={contentLanguage}
      />
      {agreement.length > 0 && (
        <>
          <Sub>{t("feedback:consensus.heading")}</Sub>
          <ul>
            {agreement.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </>
      )}
      {breakdowns.length > 0 &&
        (foldBreakdowns ? (
          <details className="result-item__breakdowns">
            <summary>{t("feedback:breakdown.heading")}</summary>
            {tables}
          </details>
        ) : (
          <>
            <Sub>{t("feedback:breakdown.heading")}</Sub>
            {tables}
          </>
        ))}
      {item.measure && (
        <>
          <Sub>{t("feedback:item.decision")}</Sub>
          <OutcomeView decision={decision} planSlug={planSlug} />
        </>
      )}
    </section>
  );
}

import { useTranslation } from "../../i18n/translate";
import { inLanguage } from "../../i18n/parts";
import { entryTitle } from "../ranking-names";
import type { AgendaItemView } from "../views";
import { Picked } from "../../components/picked-text";
import { useQuestion } from "./question-text";
import { useShownMeasure } from "./shown-measure";

/**
 * What an agenda item is about: a measure with its code (in the reader's language where it is
 * translated), a focus theme, a goal, or the moderator's question (a ranking item's too) in the reader's
 * language where given.
 */
export function ItemTitle({ item }: { item: AgendaItemView }) {
  const { t } = useTranslation();
  const question = useQuestion(item);
  const shown = useShownMeasure(item.measure);
  if (item.measure && shown) {
    return (
      <>
        <span className="item-code" dir="ltr">
          {item.measure.code}
        </span>{" "}
        <span {...inLanguage(shown.title.language)}>{shown.title.text}</span>
      </>
    );
  }
  const entry = entryTitle(item);
  if (entry !== null) {
    return (
      <>
        <span className="item-kind">{t(item.goal ? "conferences:item.goal" : "conferences:item.cluster")}</span>{" "}
        <span {...inLanguage("de")}>{entry}</span>
      </>
    );
  }
  return (
    <>
      <span className="item-kind">{t(item.kind === "ranking" ? "conferences:item.ranking" : "conferences:item.question")}</span>{" "}
      {question && <Picked text={question} />}
    </>
  );
}

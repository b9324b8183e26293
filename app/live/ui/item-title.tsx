import { useTranslation } from "../../i18n/translate";
import { inLanguage } from "../../i18n/parts";
import type { AgendaItemView } from "../views";
import { QuestionText, useQuestion } from "./question-text";

/**
 * What an agenda item is about, in the catalogue's own language: a measure with its code, a
 * focus theme, or the moderator's question (a ranking item's too) in the reader's language where given.
 */
export function ItemTitle({ item }: { item: AgendaItemView }) {
  const { t } = useTranslation();
  const question = useQuestion(item);
  if (item.measure) {
    return (
      <>
        <span className="item-code">{item.measure.code}</span>{" "}
        <span {...inLanguage(item.measure.language)}>{item.measure.title}</span>
      </>
    );
  }
  if (item.cluster) {
    return (
      <>
        <span className="item-kind">{t("conferences:item.cluster")}</span>{" "}
        <span {...inLanguage("de")}>{item.cluster.title}</span>
      </>
    );
  }
  return (
    <>
      <span className="item-kind">{t(item.kind === "ranking" ? "conferences:item.ranking" : "conferences:item.question")}</span>{" "}
      {question && <QuestionText question={question} />}
    </>
  );
}

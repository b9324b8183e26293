import { pickText, type PickedText } from "../../i18n/content";
import { inLanguage } from "../../i18n/parts";
import { useTranslation } from "../../i18n/translate";
import type { AgendaItemView } from "../views";

/** The item's question in the reader's language where the moderator gave it, else the German (docs/decisions/039). */
export function useQuestion(item: Pick<AgendaItemView, "question" | "questionTranslations">): PickedText | null {
  const { i18n } = useTranslation();
  return item.question === null ? null : pickText(item.question, item.questionTranslations, i18n.language);
}

/** The picked question in its own language and direction. */
export function QuestionText({ question }: { question: PickedText }) {
  return <span {...inLanguage(question.language)}>{question.text}</span>;
}

/** The mark a German fallback carries, the one the catalogue's German content carries too. */
export function InGermanMark({ className = "muted" }: { className?: string }) {
  const { t } = useTranslation();
  return <p className={className}>{t("common:content.inGerman")}</p>;
}

import { useTranslation } from "../../i18n/translate";
import { inLanguage } from "../../i18n/parts";

/** Text a participant wrote, in their language and reading direction. */
export function Quote({ text, language }: { text: string; language: string }) {
  return (
    <blockquote className="input-quote" {...inLanguage(language)}>
      {text.split(/\n{2,}/).map((paragraph, i) => (
        <p key={i}>{paragraph}</p>
      ))}
    </blockquote>
  );
}

/** "Deferred" beside an input that a decision put off; it waits for a final answer. */
export function DeferredBadge() {
  const { t } = useTranslation();
  return <span className="planning-badge">{t("decisions:outcome.deferred.badge")}</span>;
}

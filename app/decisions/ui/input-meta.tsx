import { useTranslation } from "react-i18next";
import { languageNames } from "../../i18n/language-names";
import { inLanguage } from "../../i18n/parts";
import { isLanguage } from "../../i18n/config";

/** A participant group as the join form names it; "not stated" when the author gave none. */
export function GroupLabel({ group }: { group: string | null }) {
  const { t } = useTranslation();
  return <>{group ? t(`live:group.${group}`) : t("planning:input.groupNone")}</>;
}

/** A language named in itself ("العربية"), marked as such for screen readers. */
export function LanguageName({ code }: { code: string }) {
  return <span {...inLanguage(code)}>{isLanguage(code) ? languageNames[code] : code}</span>;
}

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
  return <span className="planning-badge">{t("planning:outcome.deferred.badge")}</span>;
}

import { useTranslation } from "../../i18n/translate";
import { inLanguage } from "../../i18n/parts";
import type { TranslationView } from "../../translation/views";
import { translatedByKey } from "./translation-note";

/** Every translation of an input, for the team's screens: language, text, and who made it. */
export function TranslationList({ translations }: { translations: TranslationView[] }) {
  const { t } = useTranslation();
  if (translations.length === 0) return null;
  return (
    <dl className="translation-list">
      {translations.map((tr) => (
        <div key={tr.language} className={`translation translation--${tr.kind}`}>
          <dt>
            {t(`conferences:language.${tr.language}`)} · <span className="translation__by">{t(translatedByKey(tr))}</span>
          </dt>
          <dd {...inLanguage(tr.language)}>
            {tr.title && <strong>{tr.title}: </strong>}
            {tr.text}
          </dd>
        </div>
      ))}
    </dl>
  );
}

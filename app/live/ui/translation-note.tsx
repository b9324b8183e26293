import { useTranslation } from "../../i18n/translate";
import { inLanguage } from "../../i18n/parts";
import { translationForReader, type TranslationView } from "../../translation/views";

/** Who made a translation, as every screen labels it: a language mediator, or a machine (decision 042). */
export function translatedByKey(translation: Pick<TranslationView, "kind">): string {
  return translation.kind === "person" ? "live:translation.byPerson" : "live:translation.byMachine";
}

/**
 * Beside an original in another language: its translation into the reader's language, labelled
 * with who made it; nothing where there is none yet, or where the reader reads the original.
 */
export function TranslationNote({
  original,
  translations,
  reader,
  id,
}: {
  original: string;
  translations: TranslationView[];
  reader: string;
  id?: string;
}) {
  const { t } = useTranslation();
  const translation = translationForReader(translations, original, reader);
  if (!translation) return null;
  return (
    <div className={`translation translation--${translation.kind}`} id={id}>
      <p className="translation__text" {...inLanguage(translation.language)}>
        {translation.title && <strong>{translation.title}: </strong>}
        {translation.text}
      </p>
      <p className="translation__by">{t(translatedByKey(translation))}</p>
    </div>
  );
}

/**
 * A comment on the projector's wall in one of its languages: the original where it is written in
 * it, else its translation, labelled; else the original, so nothing is missing from the wall.
 */
export function WallText({ body, language, translations, shownIn }: { body: string; language: string; translations: TranslationView[]; shownIn: string }) {
  const { t } = useTranslation();
  const translation = translationForReader(translations, language, shownIn);
  if (!translation) {
    return (
      <p className="wall__text" {...inLanguage(language)}>
        {body}
      </p>
    );
  }
  return (
    <>
      <p className="wall__text wall__text--translated" {...inLanguage(translation.language)}>
        {translation.text}
      </p>
      <p className="wall__by">{t(translatedByKey(translation))}</p>
    </>
  );
}

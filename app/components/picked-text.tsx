import { pickText, type PickedText, type Translations } from "../i18n/content";
import { inLanguage } from "../i18n/parts";
import { useTranslation } from "../i18n/translate";

/**
 * A moderator's text in the page's language where they gave it, else the German (decisions 039
 * and 046); `null` stays `null`, for the texts a conference or an item may lack.
 */
export function usePicked(original: string, translations: Translations | null | undefined): PickedText;
export function usePicked(original: string | null, translations: Translations | null | undefined): PickedText | null;
export function usePicked(original: string | null, translations: Translations | null | undefined): PickedText | null {
  const { i18n } = useTranslation();
  return original === null ? null : pickText(original, translations, i18n.language);
}

/** A picked text in its own language and direction, so screen readers switch voice. */
export function Picked({ text }: { text: PickedText }) {
  return <span {...inLanguage(text.language)}>{text.text}</span>;
}

/** The mark a German fallback carries, the one the catalogue's German content carries too. */
export function InGermanMark({ className = "muted" }: { className?: string }) {
  const { t } = useTranslation();
  return <p className={className}>{t("common:content.inGerman")}</p>;
}

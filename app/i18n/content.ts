import { fallbackLanguage, languages } from "./config";

/**
 * Text a moderator writes for the room in several languages (docs/decisions/039): the original in
 * the content language, German, and translations by language code. Plain JSON, so the phone, the
 * console, the projector and the feedback page all pick from the same value.
 */
export type Translations = Readonly<Partial<Record<string, string>>>;

/** The text a reader gets: in their language, or the original, `fallback` saying so (to be marked). */
export type PickedText = { text: string; language: string; fallback: boolean };

/**
 * The reader's text where a translation exists, else the original. A reader of the original's
 * own language reads the original; everyone else falls back to it, marked.
 */
export function pickText(
  original: string,
  translations: Translations | null | undefined,
  reader: string,
  originalLanguage: string = fallbackLanguage,
): PickedText {
  if (reader === originalLanguage) return { text: original, language: originalLanguage, fallback: false };
  const translated = translations?.[reader];
  if (translated) return { text: translated, language: reader, fallback: false };
  return { text: original, language: originalLanguage, fallback: true };
}

/**
 * Translations as a form sends them, one field `<prefix>.<language>` per language: the filled
 * ones. Whether the conference offers each language is the domain function's check.
 */
export function translationsFromFields(fields: Readonly<Record<string, string | string[] | undefined>>, prefix: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const language of languages) {
    const value = fields[`${prefix}.${language}`];
    const text = Array.isArray(value) ? value[0] : value;
    if (text && text.trim()) result[language] = text;
  }
  return result;
}

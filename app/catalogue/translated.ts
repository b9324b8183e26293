/**
 * Which text of a measure a reader sees (docs/decisions/041-measure-translations.md): the one rule
 * every screen uses, from the catalogue page to the phone. Free of server code: the phone's
 * bundle imports it.
 */
import { measureTextFields, type TranslatableField } from "./measure-fields";

export const translationStates = ["draft", "machine", "reviewed"] as const;
export type TranslationState = (typeof translationStates)[number];

/** How the workbench sorts a measure in one language (the page renders them, so not in server code). */
export const workbenchStatuses = ["missing", "outdated", "unreviewed", "reviewed"] as const;
export type WorkbenchStatus = (typeof workbenchStatuses)[number];

/** A translation as readers get it: its texts, its state, and whether the German changed since. */
export type TranslatedTexts = {
  language: string;
  state: TranslationState;
  outdated: boolean;
  fields: Partial<Record<TranslatableField, string | null>>;
};

/**
 * The German fields each translated field renders. A summary retells the whole measure, so any
 * change to its title or text makes a summary outdated: asking a translator to confirm once too
 * often costs a click, a summary that contradicts the measure misleads a reader.
 */
export const translationSources: Record<TranslatableField, readonly string[]> = {
  title: ["title"],
  summary: ["title", ...measureTextFields],
  ...(Object.fromEntries(measureTextFields.map((f) => [f, [f]])) as Record<(typeof measureTextFields)[number], string[]>),
};

/** The German fields a translation covers: the sources of the fields it gives. */
export function coveredSources(fields: Partial<Record<TranslatableField, string | null>>): Set<string> {
  return new Set(
    (Object.keys(fields) as TranslatableField[]).filter((f) => fields[f]).flatMap((f) => translationSources[f]),
  );
}

/**
 * Whether a later German text differs, in a field the translation covers, from the German it
 * translated (the measure as it stood in the translation's base revision).
 */
export function isOutdated(
  translated: Partial<Record<TranslatableField, string | null>>,
  base: Record<string, unknown> | null,
  current: Record<string, unknown>,
): boolean {
  if (!base) return true;
  return [...coveredSources(translated)].some((f) => (base[f] ?? null) !== (current[f] ?? null));
}

/**
 * What a reader is told about the text shown: nothing (their language, reviewed, or the
 * original's), `original` (no translation: the German is shown, marked "content in German"),
 * `outdated` (a translation of an older German text: "translation may be out of date"), `draft`
 * or `machine` (a translation nobody has reviewed yet: the reader should know it may be wrong).
 */
export type ContentNote = "none" | "original" | "outdated" | "draft" | "machine";

export type ShownText = { text: string | null; language: string };

/**
 * One field as the reader sees it: the translation into their language where it gives the
 * field, else the original. A summary has no original: without a translation it is null.
 */
export function shownField(
  field: TranslatableField,
  original: Partial<Record<TranslatableField, string | null>>,
  originalLanguage: string,
  translation: TranslatedTexts | null | undefined,
): ShownText {
  const translated = translation?.fields[field];
  if (translation && translated) return { text: translated, language: translation.language };
  return { text: field === "summary" ? null : (original[field] ?? null), language: originalLanguage };
}

/** The translation for a reader, picked from those a measure has (by language). */
export function translationFor(
  translations: readonly TranslatedTexts[] | undefined,
  reader: string,
  originalLanguage: string,
): TranslatedTexts | null {
  if (reader === originalLanguage) return null;
  return translations?.find((t) => t.language === reader) ?? null;
}

/** The note a reader gets with a measure's texts. */
export function contentNote(reader: string, originalLanguage: string, translation: TranslatedTexts | null | undefined): ContentNote {
  if (reader === originalLanguage) return "none";
  if (!translation) return "original";
  if (translation.outdated) return "outdated";
  return translation.state === "reviewed" ? "none" : translation.state;
}

/** Title, summary and note of a measure for a reader: what lists, phones and exports show. */
export function shownMeasure(
  original: { title: string; objective?: string | null },
  originalLanguage: string,
  translations: readonly TranslatedTexts[] | undefined,
  reader: string,
) {
  const translation = translationFor(translations, reader, originalLanguage);
  return {
    title: shownField("title", original, originalLanguage, translation),
    summary: shownField("summary", original, originalLanguage, translation),
    objective: shownField("objective", original, originalLanguage, translation),
    note: contentNote(reader, originalLanguage, translation),
  };
}

/**
 * A measure as a list or a chart names it (decisions 047, 049): its code, its title in the
 * reader's language where a translation exists, else the original, that title's language, and
 * the note the reader gets with it.
 */
export type MeasureName = { code: string; title: string; language: string; note: ContentNote };

/** Names a measure for a reader by the rule above: the feedback pages on the server, live screens in the browser. */
export function measureName(
  measure: { code: string; title: string },
  originalLanguage: string,
  translations: readonly TranslatedTexts[] | undefined,
  reader: string,
): MeasureName {
  const shown = shownMeasure({ title: measure.title }, originalLanguage, translations, reader);
  return { code: measure.code, title: shown.title.text ?? measure.title, language: shown.title.language, note: shown.note };
}

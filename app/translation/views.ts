/**
 * A translation of a participant's comment or proposal as every screen receives it (decision 042):
 * the text in one language and who made it, a person (a language mediator) or a machine. Who the
 * person was stays with the team (the export); screens say only "a language mediator".
 */
export type TranslationView = {
  language: string;
  /** A proposal's translated title; null for a comment. */
  title: string | null;
  text: string;
  kind: "person" | "machine";
  /** The service of a machine's translation (`libretranslate`, `deepl`); null for a person's. */
  engine: string | null;
  translatedAt: string;
};

/** A person's translation wins over a machine's for the same language, whichever came last. */
export function withTranslation(list: readonly TranslationView[], translation: TranslationView): TranslationView[] {
  const earlier = list.find((t) => t.language === translation.language);
  if (earlier?.kind === "person" && translation.kind === "machine") return [...list];
  return [...list.filter((t) => t.language !== translation.language), translation].sort((a, b) => a.language.localeCompare(b.language));
}

/** What a reader in `language` is shown beside the original: the translation into it, if any. */
export function translationFor(list: readonly TranslationView[] | undefined, language: string): TranslationView | null {
  return list?.find((t) => t.language === language) ?? null;
}

/**
 * The translation a reader gets beside an original written in `original`: none where they read
 * the original's language, else the one into theirs, if any (decision 042). Every screen and page
 * that shows participants' input asks this.
 */
export function translationForReader(list: readonly TranslationView[] | undefined, original: string, reader: string): TranslationView | null {
  return original === reader ? null : translationFor(list, reader);
}

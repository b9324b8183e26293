import { measureName } from "../catalogue/translated";
import { translationsByCode } from "../catalogue/translations.server";
import type { Translations } from "../i18n/content";
import type { DecisionView } from "../decisions/views.server";
import type { NameMeasure } from "../live/ranking-names";
import type { ItemResult } from "../live/views";
import type { Reader } from "../results/answers.server";

/**
 * Names a plan's measures for one reader through the catalogue's one rule. Only the reader's
 * language is read: a page carries the translation it shows, not the other eight.
 */
export async function measureNamer(db: Reader, plan: { id: string; language: string }, reader: string, codes: string[]): Promise<NameMeasure> {
  const translations = reader === plan.language ? new Map() : await translationsByCode(db, plan.id, codes, [reader]);
  return (measure) => measureName(measure, plan.language, translations.get(measure.code), reader);
}

/** The measures a result ranks. */
export function rankedCodes(result: ItemResult | null | undefined): string[] {
  return result?.ranking?.map((r) => r.code) ?? [];
}

/** The measures decisions name: the one each created or changed, the one each merged an input into. */
export function decisionCodes(views: Iterable<DecisionView>): string[] {
  return [...views].flatMap((v) => [...(v.measure ? [v.measure.code] : []), ...(v.mergedInto?.kind === "measure" ? [v.mergedInto.code] : [])]);
}

/**
 * A question's translations as a page carries them: the reader's alone, or none, which pickText
 * answers with the German, marked.
 */
export function readersQuestion(translations: Translations, reader: string): Translations {
  const text = translations[reader];
  return text ? { [reader]: text } : {};
}

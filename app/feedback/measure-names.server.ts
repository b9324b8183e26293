import type { ContentNote } from "../catalogue/translated";
import { shownMeasure } from "../catalogue/translated";
import { translationsByCode } from "../catalogue/translations.server";
import type { Translations } from "../i18n/content";
import type { DecisionView } from "../decisions/views.server";
import type { ItemResult } from "../live/views";
import type { Reader } from "../results/answers.server";

/**
 * A measure as the feedback pages name it (docs/decisions/047): its code, its title in the
 * reader's language where a translation exists, else the catalogue's German, and the note that
 * tells the reader which (the catalogue's notes: in German, draft, machine, outdated).
 */
export type MeasureName = { code: string; title: string; language: string; note: ContentNote };

export type NameMeasure = (measure: { code: string; title: string }) => MeasureName;

/**
 * Names a plan's measures for one reader through the catalogue's one rule. Only the reader's
 * language is read: a page carries the translation it shows, not the other eight.
 */
export async function measureNamer(db: Reader, plan: { id: string; language: string }, reader: string, codes: string[]): Promise<NameMeasure> {
  const translations = reader === plan.language ? new Map() : await translationsByCode(db, plan.id, codes, [reader]);
  return ({ code, title }) => {
    const shown = shownMeasure({ title }, plan.language, translations.get(code), reader);
    return { code, title: shown.title.text ?? title, language: shown.title.language, note: shown.note };
  };
}

/** A result as a reader gets it: a ranking's measures named in their language where translated. */
export type ReadersResult = Omit<ItemResult, "ranking"> & { ranking: (MeasureName & { points: number; firstPlaces: number })[] | null };

export function resultForReader(result: ItemResult, name: NameMeasure): ReadersResult {
  return { ...result, ranking: result.ranking && result.ranking.map(({ points, firstPlaces, ...measure }) => ({ ...name(measure), points, firstPlaces })) };
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

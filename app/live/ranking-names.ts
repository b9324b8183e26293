import { measureName, type MeasureName } from "../catalogue/translated";
import { rankingOptions } from "./rules";
import { contentLanguageOf } from "./ui/criteria";
import type { AgendaItemView, ItemResult } from "./views";

/**
 * Ranked measures named for a reader (decisions 047, 049): each title in the reader's language
 * where translated, else the catalogue's, with the catalogue's note. Free of server code: the
 * feedback pages name them on the server, the phone, console and projector in the browser.
 */
export type NameMeasure = (measure: { code: string; title: string }) => MeasureName;

/** A result as a reader gets it: a ranking's measures named for them. */
export type ShownResult = Omit<ItemResult, "ranking"> & { ranking: (MeasureName & { points: number; firstPlaces: number })[] | null };

export function namedResult(result: ItemResult, name: NameMeasure): ShownResult {
  return { ...result, ranking: result.ranking && result.ranking.map(({ points, firstPlaces, ...measure }) => ({ ...name(measure), points, firstPlaces })) };
}

/**
 * Names an item's ranked measures from the translations its options carry: all languages on the
 * console and projector, the reader's alone on a phone (state.server.ts#forReader).
 */
export function optionNamer(item: Pick<AgendaItemView, "rankedMeasures" | "cluster" | "measure">, reader: string): NameMeasure {
  const original = contentLanguageOf(item);
  const translations = new Map(rankingOptions(item).map((o) => [o.code, o.translations]));
  return (measure) => measureName(measure, original, translations.get(measure.code), reader);
}

/** The measures an item lists under its heading: a goal's proposed measures, else those a ranking offers. */
export function namedListed(item: Pick<AgendaItemView, "rankedMeasures" | "cluster" | "measure" | "goal">, reader: string): MeasureName[] {
  if (!item.goal) return namedOptions(item, reader);
  const original = contentLanguageOf(item);
  return item.goal.measures.map((m) => measureName(m, original, m.translations, reader));
}

/**
 * The catalogue's German title of a focus theme's or a goal's item (a goal with its number, as
 * the plan counts its Oberziele); null for the kinds titled by a measure or a question.
 */
export function entryTitle(item: { cluster: { title: string } | null; goal?: { number: number | null; title: string } | null }): string | null {
  if (item.cluster) return item.cluster.title;
  if (item.goal) return item.goal.number === null ? item.goal.title : `${item.goal.number}. ${item.goal.title}`;
  return null;
}

/** The measures a ranking offers, in order, named for the reader. */
export function namedOptions(item: Pick<AgendaItemView, "rankedMeasures" | "cluster" | "measure">, reader: string): MeasureName[] {
  return rankingOptions(item).map(optionNamer(item, reader));
}

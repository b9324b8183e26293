import type { TFunction } from "../../i18n/translate";
import { fallbackLanguage } from "../../i18n/config";
import { pickText, type PickedText } from "../../i18n/content";
import type { AgendaActivities } from "../../../db/schema";
import { defaultCriteria } from "../limits";
import type { AgendaItemView } from "../views";

/** The Integrationskonzept's criteria have translated labels; a moderator's own criterion is shown as typed. */
export function isKnownCriterion(criterion: string): criterion is (typeof defaultCriteria)[number] {
  return (defaultCriteria as readonly string[]).includes(criterion);
}

export function criterionLabel(t: TFunction, criterion: string): string {
  return isKnownCriterion(criterion) ? t(`live:criterion.${criterion}.label`) : criterion;
}

export function criterionHelp(t: TFunction, criterion: string): string | null {
  return isKnownCriterion(criterion) ? t(`live:criterion.${criterion}.help`) : null;
}

export type CriterionTranslations = NonNullable<AgendaActivities["rating"]>["criterionTranslations"];

/**
 * A criterion as the reader reads it: a known one from the locale files, a moderator's own in the
 * reader's language where they translated it, else as typed, in German, marked (decision 046).
 */
export function criterionText(t: TFunction, criterion: string, translations: CriterionTranslations, reader: string): PickedText {
  if (isKnownCriterion(criterion)) return { text: criterionLabel(t, criterion), language: reader, fallback: false };
  return pickText(criterion, translations?.[criterion], reader);
}

/**
 * The language of an item's catalogue text. Clusters carry none of their own; they come from the
 * same catalogue as the measures, which the city keeps in its base language.
 */
export function contentLanguageOf(item: Pick<AgendaItemView, "measure">): string {
  return item.measure?.language ?? fallbackLanguage;
}

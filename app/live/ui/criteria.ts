import type { TFunction } from "../../i18n/translate";
import { fallbackLanguage } from "../../i18n/config";
import { defaultCriteria } from "../limits";
import type { AgendaItemView } from "../views";

/** The Integrationskonzept's criteria have translated labels; a moderator's own criterion is shown as typed. */
function isKnown(criterion: string): criterion is (typeof defaultCriteria)[number] {
  return (defaultCriteria as readonly string[]).includes(criterion);
}

export function criterionLabel(t: TFunction, criterion: string): string {
  return isKnown(criterion) ? t(`live:criterion.${criterion}.label`) : criterion;
}

export function criterionHelp(t: TFunction, criterion: string): string | null {
  return isKnown(criterion) ? t(`live:criterion.${criterion}.help`) : null;
}

/**
 * The language of an item's catalogue text. Clusters carry none of their own; they come from the
 * same catalogue as the measures, which the city keeps in its base language.
 */
export function contentLanguageOf(item: Pick<AgendaItemView, "measure">): string {
  return item.measure?.language ?? fallbackLanguage;
}

import { shownMeasure } from "../../catalogue/translated";
import { useTranslation } from "../../i18n/translate";
import type { AgendaItemView } from "../views";

/**
 * An agenda item's measure as this screen's reader sees it: their language where a translation
 * exists, else the catalogue's, with the note to show (decision 041). Null for other items.
 */
export function useShownMeasure(measure: AgendaItemView["measure"]) {
  const { i18n } = useTranslation();
  return measure ? shownMeasure(measure, measure.language, measure.translations, i18n.language) : null;
}

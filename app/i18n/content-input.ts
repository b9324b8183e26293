import { z } from "zod";
import { DomainError } from "../errors";
import { text } from "../text";
import { fallbackLanguage, languages } from "./config";
import type { Translations } from "./content";

/**
 * A moderator's text in languages other than German, by language code (docs/decisions/039 and
 * 046), each within the original's limit; `refuseUnoffered` checks the conference offers each
 * language. Apart from content.ts, so the phones that pick never download the validator.
 */
export const translationsSchema = (max: number) => z.record(z.enum(languages), text({ min: 1, max })).default({});

/**
 * Translations only into the languages the conference offers, German being the original: a text
 * nobody in the room can choose would never be read. `maps` names each map by its form field
 * (`entries.0.noteTranslations`); the first offending language refuses the whole command.
 */
export function refuseUnoffered(maps: Record<string, Translations | undefined>, offered: readonly string[], messageKey: string): void {
  for (const [prefix, translations] of Object.entries(maps)) {
    for (const language of Object.keys(translations ?? {})) {
      if (language === fallbackLanguage || !offered.includes(language)) {
        const field = `${prefix}.${language}`;
        throw new DomainError("invalid", messageKey, { [field]: messageKey });
      }
    }
  }
}

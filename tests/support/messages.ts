import type { Language } from "../../app/i18n/config";
import { resources } from "../../app/i18n/resources.server";
import { createTranslator } from "../../app/i18n/translate";

/**
 * The interface's words as the locale files say them, for tests that find a button, label or
 * heading in a page: a reworded message then moves the test with it instead of breaking it. Demo
 * data (measure titles, comments) stays written out in the tests: it is content, not interface.
 */
export function messagesIn(language: Language) {
  const t = createTranslator(language, resources[language]);
  return (key: string, options?: Record<string, unknown>) => t(key, options);
}

/** German, the language the journeys run in unless they choose another. */
export const t = messagesIn("de");

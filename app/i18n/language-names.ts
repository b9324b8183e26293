import arCommon from "../../locales/ar/common.json";
import deCommon from "../../locales/de/common.json";
import enCommon from "../../locales/en/common.json";
import type { Language } from "./config";

/**
 * Each language named in itself, for the language switchers. A module of its own: pages need
 * these three names in the browser, not every namespace of every language.
 */
export const languageNames: Record<Language, string> = {
  de: deCommon.meta.name,
  en: enCommon.meta.name,
  ar: arCommon.meta.name,
};

import { directionOf } from "./config";

/**
 * `lang` and `dir` for a part of the page in a language of its own, such as a German measure on
 * an Arabic page: screen readers switch voice, and the text keeps its own reading direction
 * (punctuation, numbers and brackets stay where they belong).
 */
export function inLanguage(language: string): { lang: string; dir: "ltr" | "rtl" } {
  return { lang: language, dir: directionOf(language) };
}

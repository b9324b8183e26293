import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { languages, namespaces, type Language, type Namespace } from "./config";
import type { Messages } from "./resources";

/**
 * The locales folder, found from this module whether it runs from the source (tests) or from the
 * server build: the messages are read at start rather than bundled, so the build stays one size
 * however many languages there are, and a page ships only its own language's messages.
 */
function localesDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, "locales", "de", "common.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("locales/ not found above the server code");
    dir = parent;
  }
  return path.join(dir, "locales");
}

/**
 * A namespace a language does not have yet is empty, not German: no page mixes languages
 * (docs/decisions/021); `npm run i18n:check` names what is missing.
 */
function load(): Record<Language, Record<Namespace, Messages>> {
  const dir = localesDir();
  const read = (language: Language, namespace: Namespace): Messages => {
    const file = path.join(dir, language, `${namespace}.json`);
    return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Messages) : {};
  };
  return Object.fromEntries(
    languages.map((language) => [
      language,
      Object.fromEntries(namespaces.map((namespace) => [namespace, read(language, namespace)])),
    ]),
  ) as Record<Language, Record<Namespace, Messages>>;
}

export const resources = load();

/** Each language named in itself (`common:meta.name`); the code stands in until its file exists. */
export const languageNames: Record<Language, string> = Object.fromEntries(
  languages.map((language) => {
    const meta = resources[language].common.meta;
    const name = typeof meta === "object" ? meta.name : undefined;
    return [language, typeof name === "string" ? name : language];
  }),
) as Record<Language, string>;

/** Whether a native speaker has reviewed the language (`common:meta.reviewed`). */
export function isReviewed(language: Language): boolean {
  const meta = resources[language].common.meta;
  return typeof meta === "object" && meta.reviewed === true;
}

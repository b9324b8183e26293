/**
 * The interface languages (docs/decisions/021). `de-x-ls` is Leichte Sprache: German easy
 * language as a language of its own, tagged with a private-use subtag because BCP 47 has none.
 */
export const languages = ["de", "de-x-ls", "en", "tr", "ar", "kmr", "uk", "ru", "pl", "fa"] as const;
export type Language = (typeof languages)[number];
export const fallbackLanguage: Language = "de";
export const namespaces = [
  "common",
  "catalogue",
  "live",
  "auth",
  "conferences",
  "results",
  "decisions",
  "feedback",
  "accessibility",
  "progress",
] as const;
export type Namespace = (typeof namespaces)[number];

const rightToLeft = new Set<string>(["ar", "fa"]);

/**
 * The locale `Intl` formats numbers and dates with. Leichte Sprache reads German numbers; ICU
 * knows Kurmanji as `ku` (browsers may not know `kmr`); Persian keeps the Gregorian calendar, so
 * a conference's date matches the city's invitation letter.
 */
const intlLocales: Partial<Record<string, string>> = { "de-x-ls": "de", kmr: "ku", fa: "fa-u-ca-gregory" };

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (languages as readonly string[]).includes(value);
}

export function directionOf(language: string): "ltr" | "rtl" {
  return rightToLeft.has(language) ? "rtl" : "ltr";
}

export function intlLocaleOf(language: string): string {
  return intlLocales[language] ?? language;
}

/**
 * The interface language a browser's `Accept-Language` asks for: exact tags first, then the
 * primary subtag (`tr-DE` reads Turkish, `ku` Kurmanji); plain `de` never turns into Leichte Sprache.
 */
export function fromAcceptLanguage(header: string, offered: readonly Language[] = languages): Language[] {
  const asked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = Number(params.find((p) => p.trim().startsWith("q="))?.trim().slice(2) ?? "1");
      return { tag: tag.trim().toLowerCase(), q: Number.isNaN(q) ? 0 : q };
    })
    .filter((a) => a.tag && a.q > 0)
    .sort((a, b) => b.q - a.q);
  const found: Language[] = [];
  for (const { tag } of asked) {
    const base = tag.split("-")[0];
    const match = offered.find((l) => l === tag) ?? offered.find((l) => l === base || (base === "ku" && l === "kmr"));
    if (match && !found.includes(match)) found.push(match);
  }
  return found;
}

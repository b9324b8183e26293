export const languages = ["de", "en", "ar"] as const;
export type Language = (typeof languages)[number];
export const fallbackLanguage: Language = "de";
export const namespaces = ["common", "catalogue", "live", "auth", "conferences", "results", "decisions", "feedback"] as const;
export type Namespace = (typeof namespaces)[number];

const rightToLeft = new Set<string>(["ar"]);

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (languages as readonly string[]).includes(value);
}

export function directionOf(language: string): "ltr" | "rtl" {
  return rightToLeft.has(language) ? "rtl" : "ltr";
}

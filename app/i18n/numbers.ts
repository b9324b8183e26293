import { intlLocaleOf } from "./config";

/** Numbers of results in the reader's language: "4,25" in German, "4.25" in English. */
export function formatNumber(value: number, language: string, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(intlLocaleOf(language), { maximumFractionDigits }).format(value);
}

export function formatShare(share: number, language: string): string {
  return new Intl.NumberFormat(intlLocaleOf(language), { style: "percent", maximumFractionDigits: 0 }).format(share);
}

import { intlLocaleOf } from "./config";

/** Numbers of results in the reader's language: "4,25" in German, "4.25" in English. */
export function formatNumber(value: number, language: string, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(intlLocaleOf(language), { maximumFractionDigits }).format(value);
}

export function formatShare(share: number, language: string): string {
  return new Intl.NumberFormat(intlLocaleOf(language), { style: "percent", maximumFractionDigits: 0 }).format(share);
}

/**
 * A number inside a message ("{{count}} Personen"): digits of the reader's language (Persian
 * "۱۲"), and a group separator only from five digits, so a year or a four-digit count reads as
 * the language writes it ("2026", not "2.026"). Older engines that do not know "min2" group always.
 */
export function formatInMessage(value: number, language: string): string {
  const options = { useGrouping: "min2", maximumFractionDigits: 2 } as unknown as Intl.NumberFormatOptions;
  return new Intl.NumberFormat(intlLocaleOf(language), options).format(value);
}

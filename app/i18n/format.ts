import { intlLocaleOf } from "./config";

/** Dates in the reader's language; ISO dates from the catalogue are calendar days, not instants. */
export function formatDate(value: string | Date, language: string): string {
  const date = typeof value === "string" ? new Date(`${value}T12:00:00Z`) : value;
  return new Intl.DateTimeFormat(intlLocaleOf(language), { dateStyle: "long", timeZone: "Europe/Berlin" }).format(date);
}

export function formatMoney(cents: number, language: string): string {
  return new Intl.NumberFormat(intlLocaleOf(language), { style: "currency", currency: "EUR" }).format(cents / 100);
}

/** A conference's date and time as the city's clocks show it. */
export function formatDateTime(value: string | Date, language: string): string {
  return new Intl.DateTimeFormat(intlLocaleOf(language), { dateStyle: "full", timeStyle: "short", timeZone: "Europe/Berlin" }).format(
    new Date(value),
  );
}

/** A time of day as the city's clocks show it. */
export function formatTime(value: string | Date, language: string): string {
  return new Intl.DateTimeFormat(intlLocaleOf(language), { timeStyle: "short", timeZone: "Europe/Berlin" }).format(new Date(value));
}

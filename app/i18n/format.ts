/** Dates in the reader's language; ISO dates from the catalogue are calendar days, not instants. */
export function formatDate(value: string | Date, language: string): string {
  const date = typeof value === "string" ? new Date(`${value}T12:00:00Z`) : value;
  return new Intl.DateTimeFormat(language, { dateStyle: "long", timeZone: "Europe/Berlin" }).format(date);
}

export function formatMoney(cents: number, language: string): string {
  return new Intl.NumberFormat(language, { style: "currency", currency: "EUR" }).format(cents / 100);
}

/** A conference's date and time as the city's clocks show it. */
export function formatDateTime(value: string | Date, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: "full", timeStyle: "short", timeZone: "Europe/Berlin" }).format(
    new Date(value),
  );
}

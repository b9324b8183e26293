import { intlLocaleOf } from "./i18n/config";

/** A CSV cell: text, a number, or empty. */
export type CsvValue = string | number | boolean | null | undefined;

/**
 * How a spreadsheet in the reader's language reads a CSV file. Excel takes the list separator
 * and the decimal mark from the computer's regional settings: where the decimal mark is a comma
 * (German, Turkish, Polish, Ukrainian, Russian, Kurmanji offices) it splits lines at `;` and
 * reads "6,5" as a number; elsewhere it splits at `,` and reads "6.5" (docs/decisions/029).
 */
export type CsvFormat = { separator: "," | ";"; decimalComma: boolean; language: string };

export function csvFormatOf(language: string): CsvFormat {
  const decimal = new Intl.NumberFormat(intlLocaleOf(language), { numberingSystem: "latn" })
    .formatToParts(1.5)
    .find((part) => part.type === "decimal")?.value;
  const decimalComma = decimal === ",";
  return { separator: decimalComma ? ";" : ",", decimalComma, language };
}

/** RFC 4180 with commas and decimal points: what a program reading the file expects. */
const plainCsv: CsvFormat = { separator: ",", decimalComma: false, language: "en" };

/**
 * RFC 4180: CRLF line ends, a field in double quotes when it holds the separator, a quote or a
 * line break, quotes inside doubled. A UTF-8 byte order mark leads the file because Excel, which
 * the planning office opens exports with, reads umlauts and Arabic only with it. Every text cell
 * is guarded (`untrusted`): districts, labels, reasons and titles come from participants, imports
 * and staff alike, so no exporter has to remember which columns need it.
 */
export function toCsv(header: string[], rows: CsvValue[][], format: CsvFormat = plainCsv): string {
  const line = (cells: CsvValue[]) => cells.map((cell) => field(cell, format)).join(format.separator);
  return `\uFEFF${[line(header), ...rows.map(line)].join("\r\n")}\r\n`;
}

function field(value: CsvValue, format: CsvFormat): string {
  if (value === null || value === undefined) return "";
  // Numbers and booleans are written by us, never as text a spreadsheet could read as a formula.
  const text =
    typeof value === "string"
      ? untrusted(value)
      : typeof value === "number" && format.decimalComma
        ? String(value).replace(".", ",")
        : String(value);
  const special = format.separator === ";" ? /[";\r\n]/ : /[",\r\n]/;
  return special.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * An instant as the city's clocks showed it, in a form the reader's spreadsheet takes as a date
 * and time: "02.12.2026 14:30" where dates are written day first with dots, else ISO order.
 */
export function csvTime(value: string | Date, format: CsvFormat): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/Berlin",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(new Date(value))
      .map((part) => [part.type, part.value]),
  );
  const time = `${parts.hour}:${parts.minute}`;
  return format.decimalComma ? `${parts.day}.${parts.month}.${parts.year} ${time}` : `${parts.year}-${parts.month}-${parts.day} ${time}`;
}

/**
 * Text made safe for a spreadsheet (OWASP "CSV injection"): a cell that starts like a formula
 * (`=`, `+`, `-`, `@`, tab, CR) would run as one in Excel, so it gets a leading apostrophe.
 */
export function untrusted(text: string): string;
export function untrusted(text: string | null): string | null;
export function untrusted(text: string | null): string | null {
  return text !== null && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

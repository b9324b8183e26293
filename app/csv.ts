/** A CSV cell: text, a number, or empty. */
export type CsvValue = string | number | boolean | null | undefined;

/**
 * RFC 4180: comma-separated, CRLF line ends, a field in double quotes when it holds a comma, a
 * quote or a line break, quotes inside doubled. A UTF-8 byte order mark leads the file because
 * Excel, which the planning office opens exports with, reads umlauts and Arabic only with it.
 * Every text cell is guarded (`untrusted`): districts, labels, reasons and titles come from
 * participants, imports and staff alike, so no exporter has to remember which columns need it.
 */
export function toCsv(header: string[], rows: CsvValue[][]): string {
  const line = (cells: CsvValue[]) => cells.map(field).join(",");
  return `\uFEFF${[line(header), ...rows.map(line)].join("\r\n")}\r\n`;
}

function field(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  // Numbers and booleans are written by us, never as text a spreadsheet could read as a formula.
  const text = typeof value === "string" ? untrusted(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
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

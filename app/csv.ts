/** A CSV cell: text, a number, or empty. */
export type CsvValue = string | number | boolean | null | undefined;

/**
 * RFC 4180: comma-separated, CRLF line ends, a field in double quotes when it holds a comma, a
 * quote or a line break, quotes inside doubled. A UTF-8 byte order mark leads the file because
 * Excel, which the planning office opens exports with, reads umlauts and Arabic only with it.
 */
export function toCsv(header: string[], rows: CsvValue[][]): string {
  const line = (cells: CsvValue[]) => cells.map(field).join(",");
  return `\uFEFF${[line(header), ...rows.map(line)].join("\r\n")}\r\n`;
}

function field(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Text written by participants, made safe for a spreadsheet: a cell that starts like a formula
 * (`=`, `+`, `-`, `@`, tab, CR) would run as one in Excel, so it gets a leading apostrophe.
 */
export function untrusted(text: string | null): string | null {
  return text !== null && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

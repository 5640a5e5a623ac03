/**
 * CSV for spreadsheets. Every text cell is quoted (commas, quotes and line breaks in comments
 * survive), and a cell that a spreadsheet would run as a formula (= + - @, or a leading tab or
 * carriage return) gets a leading apostrophe: a candidate named "=HYPERLINK(…)" stays text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** Rows joined with CRLF (RFC 4180), after a UTF-8 byte order mark so Excel reads accents right. */
export function csvDocument(rows: (string | number)[][]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

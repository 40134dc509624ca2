// CSV as spreadsheets open it: RFC 4180 quoting, CRLF line ends, and a UTF-8 byte-order mark so
// Excel reads Chinese text as UTF-8 instead of the system code page.

/** One column: its header and how a row gives its cell. */
export interface CsvColumn<Row> {
  readonly header: string;
  readonly value: (row: Row) => string | number | boolean | null | undefined;
}

export const CSV_BOM = '\uFEFF';

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, or a leading tab / carriage return) gets
 * a leading apostrophe: an exported site name like `=HYPERLINK(…)` must stay text (OWASP "CSV
 * injection"). Negative numbers are numbers, not text, so they are written as they are.
 */
function neutralised(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? neutralised(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine<Row>(columns: readonly CsvColumn<Row>[], row: Row): string {
  return `${columns.map((column) => csvCell(column.value(row))).join(',')}\r\n`;
}

export function csvHeader<Row>(columns: readonly CsvColumn<Row>[]): string {
  return `${CSV_BOM}${columns.map((column) => csvCell(column.header)).join(',')}\r\n`;
}

/** A whole CSV document: BOM, header row, one line per row. */
export function csvText<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  return csvHeader(columns) + rows.map((row) => csvLine(columns, row)).join('');
}

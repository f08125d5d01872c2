/**
 * One CSV record as text, exactly as csv-stringify writes it with CSV_OPTIONS (render-csv.ts):
 * a cell is quoted when it holds a comma, a double quote, a CR or an LF (its quotes doubled),
 * an empty cell is empty, cells are joined by commas and the record ends with CRLF.
 *
 * For the streaming exports, where csv-stringify's per-record option handling (casting,
 * per-field option merging, one stream chunk per record) was most of the CPU of 100,000
 * rows: the caller joins many lines into one chunk. csv-line.test.ts holds it to
 * csv-stringify's output.
 */
export const CSV_BOM = '\uFEFF';

const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE = /"/g;

export function csvCell(value: string): string {
  if (!NEEDS_QUOTES.test(value)) return value;
  return `"${value.replace(QUOTE, '""')}"`;
}

export function csvLine(cells: readonly string[]): string {
  let line = csvCell(cells[0] ?? '');
  for (let i = 1; i < cells.length; i++) line += `,${csvCell(cells[i]!)}`;
  return `${line}\r\n`;
}

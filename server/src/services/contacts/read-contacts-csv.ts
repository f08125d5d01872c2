import {
  englishError,
  fieldErrorsFromZod,
  ZContactRow,
  ZEmail,
  type TContactImportResult,
  type TContactRow,
} from '@convene/shared';
import { CsvError, parse, type Info } from 'csv-parse/sync';
import { AppError } from '../../errors/app-error.js';

/** The most rows one file may hold; a bigger file is refused whole. */
export const MAX_IMPORT_ROWS = 50_000;

/** A problem tied to a line of the file, the header being line 1. */
export type CsvLineProblem = { line: number; code: string; message: string };

/**
 * A problem with the file as a whole (not UTF-8, not CSV, no email column, empty, too big):
 * nothing is imported. Answered as { error: { code: 'csv_invalid', message, fields, lines? } }.
 */
export class CsvImportError extends AppError {
  constructor(
    status: number,
    reason: string,
    message: string,
    readonly lines?: CsvLineProblem[],
    field = 'file',
  ) {
    super(status, 'csv_invalid', message, { [field]: { code: reason, message: englishError(reason) } });
  }
}

/** A row that passed validation, with the line it starts on. */
export type AcceptedContactRow = TContactRow & { line: number; emailNormalized: string };

export type ContactsCsv = {
  rows: AcceptedContactRow[];
  rejected: TContactImportResult['rejected'];
  duplicates: TContactImportResult['duplicates'];
};

type ColumnKey = keyof TContactRow;
type ParsedRecord = { record: string[]; info: Info };

/** Header names, lower-cased and without spaces, "_", "-" or ".", to the field they fill. */
const HEADER_ALIASES: Record<string, ColumnKey> = {
  email: 'email',
  name: 'name',
  organization: 'organization',
  organisation: 'organization',
  country: 'country',
  language: 'language',
  timezone: 'timeZone',
  tags: 'tags',
};

/**
 * Decodes an upload as UTF-8 (a leading byte order mark is dropped). Anything else, such as
 * a Latin-1 or UTF-16 export, is refused with the first lines that do not decode.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CsvImportError(
      400,
      'csv_not_utf8',
      'The file is not UTF-8 text: save it as "CSV UTF-8" and import it again. Nothing was imported.',
      badUtf8Lines(bytes),
    );
  }
}

/** The first few lines holding bytes that are not UTF-8. A newline byte never occurs inside a UTF-8 sequence, so lines decode on their own. */
function badUtf8Lines(bytes: Uint8Array, max = 10): CsvLineProblem[] {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const lines: CsvLineProblem[] = [];
  let start = 0;
  for (let line = 1; start <= bytes.length && lines.length < max; line++) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      lines.push({ line, code: 'csv_not_utf8', message: englishError('csv_not_utf8') });
    }
    start = end + 1;
  }
  return lines;
}

/**
 * Reads a contacts CSV: comma or semicolon separated (whichever the header line uses more),
 * fields optionally quoted ("…", with "" for a quote) and spanning lines, cells trimmed.
 * Header names are matched case-insensitively, ignoring spaces, "_" and "-": email (required),
 * name, organization/organisation, country, language, time zone, tags. Other columns are
 * ignored, and so is a repeated column after its first occurrence. Rows that are wholly empty
 * are skipped. A row with a bad cell is rejected (line, field, code) and the others are kept;
 * a later row with the email of an earlier one (any case) is a duplicate: the first one wins.
 * Throws CsvImportError when the file as a whole cannot be used.
 */
export function readContactsCsv(text: string): ContactsCsv {
  // One line break convention, so that line numbers count what an editor shows.
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (normalized.trim() === '') throw emptyFile();

  let records: ParsedRecord[];
  // The line the last complete record ended on: a record that fails to parse starts after it.
  let lastLine = 0;
  try {
    // With `info`, each record comes with where the parser stood (the types do not say so).
    records = parse(normalized, {
      delimiter: detectDelimiter(normalized),
      record_delimiter: '\n',
      trim: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      max_record_size: 100_000,
      // One more than allowed is enough to know the file is too big.
      to: MAX_IMPORT_ROWS + 2,
      on_record: (record, context) => {
        lastLine = context.lines;
        return record;
      },
    }) as unknown as ParsedRecord[];
  } catch (err) {
    if (err instanceof CsvError) throw malformed(normalized, lastLine, err);
    throw err;
  }

  const [header, ...body] = records;
  if (!header) throw emptyFile();
  if (body.length > MAX_IMPORT_ROWS) {
    throw new CsvImportError(
      413,
      'csv_too_large',
      `The file has more than ${MAX_IMPORT_ROWS.toLocaleString('en')} rows: split it. Nothing was imported.`,
    );
  }
  const columns = mapHeader(header.record);
  if (columns.email === undefined) {
    throw new CsvImportError(
      400,
      'csv_missing_column',
      'The first line of the file names no "email" column. Nothing was imported.',
      [{ line: 1, code: 'csv_missing_column', message: englishError('csv_missing_column') }],
      'email',
    );
  }

  const result: ContactsCsv = { rows: [], rejected: [], duplicates: [] };
  const firstLineOf = new Map<string, number>();
  const width = header.record.length;
  for (const { record, info } of body) {
    // info.lines is the line the record ends on; quoted cells may hold line breaks.
    const line = info.lines - record.reduce((n, cell) => n + countNewlines(cell), 0);
    if (record.every((cell) => cell === '')) continue;
    if (record.slice(width).some((cell) => cell !== '')) {
      result.rejected.push({ line, field: '_row', code: 'csv_extra_cells', message: englishError('csv_extra_cells') });
      continue;
    }
    const raw: Partial<Record<ColumnKey, string>> = {};
    for (const [key, index] of Object.entries(columns) as [ColumnKey, number][]) {
      const cell = record[index] ?? '';
      if (cell !== '') raw[key] = cell;
    }

    const email = ZEmail.safeParse(raw.email);
    if (email.success) {
      const key = email.data.toLowerCase();
      const firstLine = firstLineOf.get(key);
      if (firstLine !== undefined) {
        result.duplicates.push({ line, firstLine });
        continue;
      }
      firstLineOf.set(key, line);
    }

    const parsed = ZContactRow.safeParse(raw);
    if (parsed.success) {
      result.rows.push({ ...parsed.data, line, emailNormalized: parsed.data.email.toLowerCase() });
      continue;
    }
    const reported = new Set<string>();
    for (const [path, error] of Object.entries(fieldErrorsFromZod(parsed.error, englishError))) {
      // One entry per column: "tags.3" is the tags cell.
      const field = path === '_body' ? '_row' : (path.split('.')[0] ?? '_row');
      if (reported.has(field)) continue;
      reported.add(field);
      result.rejected.push({ line, field, ...error });
    }
  }
  if (result.rows.length + result.rejected.length + result.duplicates.length === 0) throw emptyFile();
  return result;
}

/** Comma unless the header line has more semicolons (the separator of spreadsheets in many locales). */
function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (char === '\n') break;
    else if (char === ',') commas++;
    else if (char === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** Column indexes of the fields we know; the first column of a kind wins. */
function mapHeader(names: string[]): Partial<Record<ColumnKey, number>> {
  const columns: Partial<Record<ColumnKey, number>> = {};
  names.forEach((name, index) => {
    const key = HEADER_ALIASES[name.toLowerCase().replace(/[\s_\-.]/g, '')];
    if (key && columns[key] === undefined) columns[key] = index;
  });
  return columns;
}

function countNewlines(cell: string): number {
  let n = 0;
  for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) n++;
  return n;
}

function emptyFile(): CsvImportError {
  return new CsvImportError(400, 'csv_empty', 'The file contains no contacts. Nothing was imported.');
}

/**
 * The record that failed to parse starts on the first non-blank line after the last one
 * read whole (csv-parse's own line number is where it gave up: the end of the file for a
 * quote never closed). The parser's message is not passed on: it may quote a cell.
 */
function malformed(text: string, lastLine: number, err: CsvError): CsvImportError {
  const lines = text.split('\n');
  let index = lastLine;
  while (index < lines.length - 1 && lines[index]?.trim() === '') index++;
  const line = index + 1;
  const problem = [{ line, code: 'csv_malformed', message: englishError('csv_malformed') }];
  if (err.code === 'CSV_MAX_RECORD_SIZE') {
    return new CsvImportError(
      400,
      'csv_malformed',
      `The row starting on line ${line} is too long: is a quote left open? Nothing was imported.`,
      problem,
    );
  }
  return new CsvImportError(
    400,
    'csv_malformed',
    `The file is not valid CSV from line ${line} on (a quote left open, or a stray one). Nothing was imported.`,
    problem,
  );
}

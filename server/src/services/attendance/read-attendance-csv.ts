import { CsvError, parse, type Info } from 'csv-parse/sync';
import { AppError } from '../../errors/app-error.js';

/** The most data lines one attendance report may hold. */
export const MAX_ATTENDANCE_LINES = 100_000;

/** One data line of an attendance report: the address found on it, if any. */
export type AttendanceLine = {
  /** 1 = the first line of the file, as an editor shows it. */
  line: number;
  /** Lower-cased, or null when the line holds no address. */
  email: string | null;
  /** False when the report itself says the person did not attend (Zoom's "Attended: No"). */
  attended: boolean;
};

export type AttendanceCsv = { emailColumn: string; lines: AttendanceLine[] };

/**
 * Header names, lower-cased and stripped of everything but letters and digits, that hold
 * the participant's address, best first. Zoom: "User Email" (meetings), "Email" (webinar
 * attendee reports). Microsoft Teams: "Email", "Participant ID (UPN)" / "UPN". Google Meet:
 * "Email", "Participant email". Jitsi and BigBlueButton exports: "Email". A line whose first
 * column is empty falls back to the next (Teams leaves Email empty for some guests).
 */
const EMAIL_HEADERS = [
  'email',
  'useremail',
  'participantemail',
  'attendeeemail',
  'emailaddress',
  'mail',
  'participantidupn',
  'upn',
  'userprincipalname',
];
/** Zoom webinar attendee reports list registrants who never came with "Attended: No". */
const ATTENDED_HEADERS = ['attended'];
const NOT_ATTENDED = new Set(['no', 'non', 'false', '0', 'n']);

const EMAIL = /^[^\s@<>"(),;]+@[^\s@<>"(),;]+\.[^\s@<>"(),;]+$/;
/** The number of lines searched for a header row (Teams puts a summary before its participants). */
const HEADER_SEARCH_LINES = 200;

const headerKey = (name: string) =>
  name
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

/** An address as a cell holds it: "<a@b.org>", "mailto:a@b.org", padded or quoted. */
function addressIn(cell: string | undefined): string | null {
  if (!cell) return null;
  const value = cell
    .trim()
    .replace(/^mailto:/i, '')
    .replace(/^<(.*)>$/, '$1')
    .trim()
    .toLowerCase();
  return EMAIL.test(value) ? value : null;
}

/**
 * Decodes an upload whatever the platform wrote: UTF-8 (with or without BOM), UTF-16 with a
 * BOM (Teams), or else Windows-1252 — addresses are ASCII, so nothing that matters is lost.
 */
export function decodeAttendance(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  // UTF-16 without a BOM: every other byte of ASCII text is zero.
  if (bytes.length >= 4 && bytes[1] === 0 && bytes[3] === 0 && bytes[0] !== 0) {
    return new TextDecoder('utf-16le').decode(bytes);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The separator of the header line: comma, semicolon or tab, whichever it holds most of. */
function delimiterOf(line: string): ',' | ';' | '\t' {
  const count = (char: string) => line.split(char).length - 1;
  const candidates = [',', ';', '\t'] as const;
  return candidates.reduce((best, c) => (count(c) > count(best) ? c : best), ',' as ',' | ';' | '\t');
}

/** The header's address columns, best first, and its "attended" column. */
function headerColumns(cells: string[], loose = true): { email: number[]; attended: number | undefined } | null {
  const keys = cells.map(headerKey);
  const email = EMAIL_HEADERS.flatMap((name) => {
    const index = keys.indexOf(name);
    return index === -1 ? [] : [index];
  });
  // Localized exports ("Adresse e-mail", "E-Mail-Adresse"): any other column naming a mail.
  keys.forEach((key, index) => {
    if (loose && !email.includes(index) && /e?mail/.test(key) && key.length <= 40) email.push(index);
  });
  if (email.length === 0) return null;
  const attended = keys.findIndex((k) => ATTENDED_HEADERS.includes(k));
  return { email, attended: attended === -1 ? undefined : attended };
}

function noEmailColumn(): AppError {
  return new AppError(
    400,
    'attendance_no_email_column',
    'No line of the file names an email column (such as "Email", "User Email" or "Participant ID (UPN)"). Nothing was marked.',
  );
}

/**
 * Reads a video platform's attendance report: the header is the first line (of the first
 * 200) that names an address column, so summary lines before it are skipped; a later line
 * naming one again starts a new section (Zoom's webinar report lists hosts, panelists and
 * attendees in turn). Separators , ; or tab, optional quotes, any case in headers.
 */
export function readAttendanceCsv(bytes: Uint8Array): AttendanceCsv {
  const text = decodeAttendance(bytes).replace(/\r\n?/g, '\n');
  const rawLines = text.split('\n');
  let headerLine = -1;
  for (let i = 0; i < Math.min(rawLines.length, HEADER_SEARCH_LINES); i++) {
    const line = rawLines[i] ?? '';
    const cells = line.split(delimiterOf(line)).map((c) => c.replace(/^\s*"|"\s*$/g, ''));
    if (headerColumns(cells) && !cells.some((c) => addressIn(c))) {
      headerLine = i;
      break;
    }
  }
  if (headerLine === -1) throw noEmailColumn();

  let records: { record: string[]; info: Info }[];
  try {
    records = parseFrom(rawLines.slice(headerLine).join('\n'), delimiterOf(rawLines[headerLine] ?? ''));
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    throw new AppError(
      400,
      'attendance_malformed',
      `The file is not valid CSV near line ${headerLine + Number(err.lines ?? 0)}.`,
    );
  }

  const [header, ...body] = records;
  let columns = header ? headerColumns(header.record) : null;
  if (!header || !columns) throw noEmailColumn();
  if (body.length > MAX_ATTENDANCE_LINES) {
    throw new AppError(413, 'attendance_too_large', `The file has more than ${MAX_ATTENDANCE_LINES} lines.`);
  }
  const emailColumn = header.record[columns.email[0]!] ?? 'email';
  const lines: AttendanceLine[] = [];
  for (const { record, info } of body) {
    const line = headerLine + info.lines;
    const found = columns.email.map((i) => addressIn(record[i])).find((a) => a !== null) ?? null;
    if (!found) {
      const next = headerColumns(record, false);
      if (next) {
        columns = next;
        continue;
      }
      // A section title ("Attendee Details") or a blank row: nothing to report.
      if (record.filter((cell) => cell !== '').length <= 1) continue;
    }
    const attendedCell = columns.attended === undefined ? '' : (record[columns.attended] ?? '');
    lines.push({ line, email: found, attended: !NOT_ATTENDED.has(attendedCell.trim().toLowerCase()) });
  }
  return { emailColumn, lines };
}

function parseFrom(text: string, delimiter: string): { record: string[]; info: Info }[] {
  return parse(text, {
    delimiter,
    record_delimiter: '\n',
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
    info: true,
    max_record_size: 100_000,
    to: MAX_ATTENDANCE_LINES + 2,
  }) as unknown as { record: string[]; info: Info }[];
}

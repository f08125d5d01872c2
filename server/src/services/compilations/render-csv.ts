import type { TCompilation, TCompiledReport } from '@convene/shared';
import { stringify } from 'csv-stringify/sync';
import {
  ANONYMOUS_ATTRIBUTION,
  compiledReports,
  corridorText,
  englishLabels,
  type TCompilationLabels,
} from './compilation-labels.js';

/** The header row, also for a streaming exporter that writes the rows itself. */
export const CSV_COLUMNS = [
  'report_id',
  'region',
  'countries',
  'country_names',
  'corridor',
  'language',
  'barriers',
  'recommendations',
  'affected_groups',
  'source',
  'attribution',
  'received_at',
] as const;

// OWASP CSV injection: a spreadsheet runs a cell starting with one of these as a formula
// (DDE, HYPERLINK…). The full-width forms count too: some spreadsheets normalize them.
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);

/**
 * A cell a spreadsheet shows as text, never runs: a leading single quote when it starts like
 * a formula (OWASP's advice). The quote shows in the cell, which is the price of safety.
 */
export function neutralizeCell(value: string): string {
  return value.length > 0 && FORMULA_TRIGGERS.has(value[0] ?? '') ? `'${value}` : value;
}

/**
 * One report's cells, in CSV_COLUMNS order, already neutralized. Labels (region, language,
 * groups, country names) are English, the consultations' working language; codes stay
 * beside them where a machine may want them (countries).
 */
export function reportCsvRecord(report: TCompiledReport, names: TCompilationLabels = englishLabels): string[] {
  const cells = [
    report.reportId,
    names.region(report.region),
    report.countries.join(' '),
    report.countries.map((code) => names.country(code)).join('; '),
    corridorText(report, names) ?? '',
    names.language(report.language),
    report.barriers,
    report.recommendations,
    report.affectedGroups.map((group) => names.group(group)).join('; '),
    report.source,
    report.attribution ?? ANONYMOUS_ATTRIBUTION,
    new Date(report.receivedAt).toISOString(),
  ];
  return cells.map(neutralizeCell);
}

/** Options shared with a streaming exporter (csv-stringify's stream API takes the same). */
export const CSV_OPTIONS = {
  // Excel opens UTF-8 right only with a BOM; RFC 4180 wants CRLF between records.
  bom: true,
  record_delimiter: 'windows',
  // Without this, csv-stringify leaves a lone LF or CR in a field unquoted once the record
  // delimiter is CRLF, and the row would split in two.
  quote_record_delimiter: true,
  quote: '"',
  escape: '"',
} as const;

/**
 * The brief as a spreadsheet, one row per report, for coordinators who sort and filter.
 * RFC 4180: CRLF line ends, fields with a comma, a quote or a line break quoted, quotes doubled.
 */
export function renderCsv(c: TCompilation, names: TCompilationLabels = englishLabels): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const report of compiledReports(c)) rows.push(reportCsvRecord(report, names));
  return stringify(rows, CSV_OPTIONS);
}

import type { TCompilation, TLanguage } from '@convene/shared';
import { stringify } from 'csv-stringify/sync';
import { BriefText } from './brief-text.js';
import { compiledReports } from './compilation-labels.js';
import { CSV_OPTIONS, neutralizeCell } from './render-csv.js';

/**
 * Columns of a brief's spreadsheet: names stay the same in every language (tools read them);
 * the values (region, country and language names, texts) are in the brief's language, each
 * text beside the note that says where it comes from (a translation, or the original).
 */
export const BRIEF_CSV_COLUMNS = [
  'code',
  'merged_codes',
  'region',
  'countries',
  'country_names',
  'corridor',
  'language',
  'barriers',
  'barriers_note',
  'recommendations',
  'recommendations_note',
  'affected_groups',
  'source',
  'source_note',
  'attribution',
  'received_at',
] as const;

/** The brief as a spreadsheet in one language, one row per report (RFC 4180, formulas neutralized). */
export function renderBriefCsv(c: TCompilation, language: TLanguage): string {
  const t = new BriefText(language);
  const rows: string[][] = [[...BRIEF_CSV_COLUMNS]];
  let place = 0;
  for (const report of compiledReports(c)) {
    place += 1;
    const text = (field: 'barriers' | 'recommendations' | 'source') => {
      // A withdrawn report's row keeps its code (citations resolve) and says so where its text was.
      if (report.withdrawn) return field === 'barriers' ? [t.t('withdrawnReport'), ''] : ['', ''];
      if (report[field].trim() === '') return ['', ''];
      const chosen = t.choose(report, field);
      return [chosen.text, chosen.note ?? ''];
    };
    const cells = [
      report.code ?? `#${place}`,
      (report.mergedCodes ?? []).join(' '),
      t.region(report.region),
      report.countries.join(' '),
      report.countries.map((code) => t.country(code)).join('; '),
      report.corridor === null
        ? ''
        : `${t.countryLabel(report.corridor.origin)} → ${t.countryLabel(report.corridor.destination)}`,
      t.languageName(report.language),
      ...text('barriers'),
      ...text('recommendations'),
      report.affectedGroups.map((g) => t.group(g)).join('; '),
      ...text('source'),
      report.withdrawn ? '' : (report.attribution ?? t.t('anonymous')),
      new Date(report.receivedAt).toISOString(),
    ];
    rows.push(cells.map(neutralizeCell));
  }
  return stringify(rows, CSV_OPTIONS);
}

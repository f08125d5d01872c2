import { reportCode } from '@convene/shared';
import { neutralizeCell } from '../compilations/render-csv.js';
import type { ExportRow } from './report-export-query.js';

/** One exported row's cells, in REPORT_EXPORT_COLUMNS order, neutralized against formula injection. */
export function reportExportRecord(row: ExportRow): string[] {
  const origin = row[7];
  const destination = row[8];
  const keptNumber = row[17];
  const cells = [
    row[0],
    reportCode(row[1]),
    row[2].toISOString(),
    row[3],
    row[4],
    row[5],
    row[6].join(' '),
    origin && destination ? `${origin} → ${destination}` : '',
    row[9] ?? '',
    row[10],
    row[11],
    row[12].join(' '),
    row[13],
    row[14],
    row[15],
    row[16] ? 'yes' : 'no',
    keptNumber === null ? '' : reportCode(keptNumber),
    // A withdrawn report's texts and attribution were erased: its row says when, and nothing else.
    row[19]?.toISOString() ?? '',
  ];
  for (let i = 0; i < cells.length; i++) cells[i] = neutralizeCell(cells[i]!);
  return cells;
}

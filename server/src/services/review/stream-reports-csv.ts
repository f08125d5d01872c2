import { pipeline } from 'node:stream/promises';
import type { TReportFilter } from '@convene/shared';
import type { Database } from '@convene/shared/db';
import type { Response } from 'express';
import type { Coordinator } from '../access/coordinator.js';
import { recordAudit } from '../audit/record-audit.js';
import { csvChunkStream } from './csv-chunk-stream.js';
import { reportConditions } from './list-reports.js';
import { keysetOf, reportExportQuery, type ExportKeyset, type ExportRow } from './report-export-query.js';
import { reportExportRecord } from './report-export-record.js';
import { streamQueryRows } from './stream-query-rows.js';

export const REPORT_EXPORT_COLUMNS = [
  'report_id',
  'report_code',
  'received_at',
  'status',
  'language',
  'region',
  'countries',
  'corridor',
  'themes',
  'barriers',
  'recommendations',
  'affected_groups',
  'source',
  'consent',
  'attribution',
  'redacted',
  'merged_into',
  'withdrawn_at',
] as const;

/**
 * Every report matching a filter as CSV, streamed: one statement (a cursor on PostgreSQL,
 * keyset pages on PGlite) piped with back-pressure into the response, so memory stays flat
 * whatever the count and a slow download only slows the reading. A client gone stops the
 * query. Texts are the redacted ones where redacted; cells are neutralized against formula
 * injection; the organization appears only where the reporter consented to attribution.
 */
export async function streamReportsCsv(database: Database, filter: TReportFilter, viewer: Coordinator, res: Response) {
  await recordAudit(database.db, viewer, {
    action: 'reports.export',
    targetType: 'export',
    details: { format: 'csv', filter },
  });
  res.status(200).set({
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': 'attachment; filename="reports.csv"',
    'Cache-Control': 'no-store',
  });
  const where = reportConditions(filter, viewer);
  const rows = streamQueryRows<ExportRow, ExportKeyset>(database, {
    statement: reportExportQuery(where),
    page: (after, limit) => reportExportQuery(where, { after, limit }),
    keyOf: keysetOf,
  });
  // Rows to CSV text in one step, many lines a chunk (csv-chunk-stream.ts).
  const csv = csvChunkStream<ExportRow>(REPORT_EXPORT_COLUMNS, reportExportRecord);
  try {
    await pipeline(rows, csv, res);
  } catch (err) {
    // The client went away (closed the tab, cancelled): nothing to answer, the query is stopped.
    if (res.destroyed && !res.writableFinished && (err as { code?: string }).code === 'ERR_STREAM_PREMATURE_CLOSE') {
      return;
    }
    throw err;
  }
}

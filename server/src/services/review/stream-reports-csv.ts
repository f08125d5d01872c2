import { once } from 'node:events';
import { reportCode, type TReportFilter } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { stringify } from 'csv-stringify';
import type { Response } from 'express';
import { and, asc, inArray, sql } from 'drizzle-orm';
import type { Coordinator } from '../access/coordinator.js';
import { recordAudit } from '../audit/record-audit.js';
import { CSV_OPTIONS, neutralizeCell } from '../compilations/render-csv.js';
import { reportConditions } from './list-reports.js';

const BATCH = 1000;

type ReportRow = typeof tables.reports.$inferSelect;

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
] as const;

/**
 * Every report matching a filter as CSV, streamed: read in keyset batches of 1,000 and
 * written as they come, so memory stays flat whatever the count. Texts are the redacted
 * ones where redacted; cells are neutralized against formula injection; the organization
 * appears only where the reporter consented to attribution.
 */
export async function streamReportsCsv(db: Db, filter: TReportFilter, viewer: Coordinator, res: Response) {
  await recordAudit(db, viewer, { action: 'reports.export', targetType: 'export', details: { format: 'csv', filter } });
  res.status(200).set({
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': 'attachment; filename="reports.csv"',
    'Cache-Control': 'no-store',
  });
  const csv = stringify({ ...CSV_OPTIONS, header: true, columns: [...REPORT_EXPORT_COLUMNS] });
  csv.pipe(res);
  const where = reportConditions(filter, viewer);
  const r = tables.reports;
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const rows: ReportRow[] = await db
      .select()
      .from(r)
      .where(
        and(
          where,
          // A row comparison, so the (created_at, id) index gives the next batch directly
          // instead of rescanning every row before it.
          after
            ? sql`(${r.createdAt}, ${r.id}) > (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)`
            : undefined,
        ),
      )
      .orderBy(asc(r.createdAt), asc(r.id))
      .limit(BATCH);
    if (rows.length === 0) break;
    const themes = await db
      .select({ reportId: tables.reportThemes.reportId, slug: tables.reportThemes.themeSlug })
      .from(tables.reportThemes)
      .where(
        inArray(
          tables.reportThemes.reportId,
          rows.map((row) => row.id),
        ),
      );
    // The codes of the reports kept, for the merged ones (listed with merged=include|only).
    const keptIds = [...new Set(rows.flatMap((row) => (row.mergedInto ? [row.mergedInto] : [])))];
    const keptCodes = new Map(
      keptIds.length === 0
        ? []
        : (await db.select({ id: r.id, number: r.number }).from(r).where(inArray(r.id, keptIds))).map(
            (k) => [k.id, reportCode(k.number)] as const,
          ),
    );
    const themesOf = new Map<string, string[]>();
    for (const t of themes) themesOf.set(t.reportId, [...(themesOf.get(t.reportId) ?? []), t.slug]);
    for (const row of rows) {
      const redacted = row.redactedAt !== null;
      const record = [
        row.id,
        reportCode(row.number),
        row.createdAt.toISOString(),
        row.status,
        row.language,
        row.region,
        row.countries.join(' '),
        row.corridorOrigin && row.corridorDestination ? `${row.corridorOrigin} → ${row.corridorDestination}` : '',
        (themesOf.get(row.id) ?? []).sort().join(' '),
        redacted ? (row.redactedBarriers ?? '') : row.barriers,
        redacted ? (row.redactedRecommendations ?? '') : row.recommendations,
        row.affectedGroups.join(' '),
        redacted ? (row.redactedSource ?? '') : row.source,
        row.consent,
        row.consent === 'attributed' && !row.anonymous ? (row.organization ?? '') : '',
        redacted ? 'yes' : 'no',
        row.mergedInto ? (keptCodes.get(row.mergedInto) ?? '') : '',
      ].map(neutralizeCell);
      // Respect back-pressure: a slow download must not pile rows up in memory.
      if (!csv.write(record)) await once(csv, 'drain');
    }
    const last: ReportRow = rows[rows.length - 1]!;
    after = { createdAt: last.createdAt, id: last.id };
    if (rows.length < BATCH) break;
  }
  csv.end();
  await once(res, 'finish');
}

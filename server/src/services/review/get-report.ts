import type { TAdminReport } from '@convene/shared';
import { tables, type Db, type Tx } from '@convene/shared/db';
import { asc, eq } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import type { Coordinator } from '../access/coordinator.js';
import { inReportScope } from '../access/report-scope.js';
import { findDuplicates } from './duplicates.js';
import { reportExtras, toAdminReport } from './report-view.js';

type ReportRow = typeof tables.reports.$inferSelect;

/**
 * A report the coordinator may work on: 404 when there is none, 403 when it is outside
 * their regions or themes. `forUpdate` locks the row for the rest of the transaction.
 */
export async function reportInScope(
  db: Db | Tx,
  id: string,
  viewer: Coordinator,
  forUpdate = false,
): Promise<{ row: ReportRow; themes: string[] }> {
  const query = db.select().from(tables.reports).where(eq(tables.reports.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw AppError.notFound('Report');
  const themes = (
    await db
      .select({ slug: tables.reportThemes.themeSlug })
      .from(tables.reportThemes)
      .where(eq(tables.reportThemes.reportId, id))
  ).map((t) => t.slug);
  if (!inReportScope(viewer, { region: row.region, themes })) {
    throw new AppError(403, 'forbidden', 'This report is outside your regions or themes');
  }
  return { row, themes };
}

/** One report with its themes and notes, as the viewer may read it. */
export async function getReport(db: Db, id: string, viewer: Coordinator): Promise<TAdminReport> {
  const { row } = await reportInScope(db, id, viewer);
  const [extras, duplicates, notes] = await Promise.all([
    reportExtras(db, [id]),
    findDuplicates(db, [id], viewer),
    db
      .select({
        id: tables.reportNotes.id,
        text: tables.reportNotes.text,
        createdAt: tables.reportNotes.createdAt,
        authorEmail: tables.coordinatorAccounts.email,
      })
      .from(tables.reportNotes)
      .leftJoin(tables.coordinatorAccounts, eq(tables.coordinatorAccounts.id, tables.reportNotes.authorId))
      .where(eq(tables.reportNotes.reportId, id))
      .orderBy(asc(tables.reportNotes.createdAt)),
  ]);
  return toAdminReport(
    row,
    {
      themes: extras.themes.get(id) ?? [],
      webinarSlug: extras.webinars.get(id) ?? null,
      notes: notes.map((n) => ({ ...n, authorEmail: n.authorEmail ?? null, createdAt: n.createdAt.toISOString() })),
      lineage: extras.lineage.get(id),
      duplicates: duplicates.get(id) ?? [],
    },
    viewer,
  );
}

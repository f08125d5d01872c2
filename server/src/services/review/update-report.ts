import type { TAdminReport, TUpdateReport } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { and, eq, notInArray } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import type { Coordinator } from '../access/coordinator.js';
import { recordAudit } from '../audit/record-audit.js';
import { checkReportThemes } from '../reports/check-report-themes.js';
import { discardOutdatedTranslations } from '../translations/discard-outdated-translations.js';
import { getReport, reportInScope } from './get-report.js';
import { refuseWithdrawn } from './refuse-withdrawn.js';

/**
 * Review of one report, in one transaction with its audit entries: status, re-tagging
 * (themes kept keep their provenance; added ones are marked as set by a coordinator) and
 * redaction (null lifts it). Re-tagging cannot move a report out of the coordinator's scope.
 */
export async function updateReport(
  db: Db,
  id: string,
  update: TUpdateReport,
  viewer: Coordinator,
): Promise<TAdminReport> {
  if (update.themes) {
    // Reports keep the themes they had: a theme deactivated or a sub-topic removed since
    // can stay on the report while it is re-tagged, only new tags must be offered ones.
    const kept = await db
      .select({ slug: tables.reportThemes.themeSlug, subtopics: tables.reportThemes.subtopics })
      .from(tables.reportThemes)
      .where(eq(tables.reportThemes.reportId, id));
    await checkReportThemes(
      db,
      update.themes.map((t) => ({ ...t, provenance: 'chosen' as const })),
      kept,
    );
  }
  await db.transaction(async (tx) => {
    const { row, themes: before } = await reportInScope(tx, id, viewer, true);
    refuseWithdrawn(row);
    const now = new Date();

    if (update.status && update.status !== row.status) {
      await tx.update(tables.reports).set({ status: update.status, updatedAt: now }).where(eq(tables.reports.id, id));
      await recordAudit(tx, viewer, {
        action: 'report.status',
        targetType: 'report',
        targetId: id,
        details: { from: row.status, to: update.status },
      });
    }

    if (update.themes) {
      const slugs = update.themes.map((t) => t.slug);
      if (viewer.themeScope && !slugs.some((s) => viewer.themeScope!.includes(s))) {
        throw new AppError(403, 'forbidden', 'Keep at least one of your own themes on the report');
      }
      await tx
        .delete(tables.reportThemes)
        .where(and(eq(tables.reportThemes.reportId, id), notInArray(tables.reportThemes.themeSlug, slugs)));
      for (const theme of update.themes) {
        await tx
          .insert(tables.reportThemes)
          .values({ reportId: id, themeSlug: theme.slug, subtopics: theme.subtopics, provenance: 'coordinator' })
          .onConflictDoUpdate({
            target: [tables.reportThemes.reportId, tables.reportThemes.themeSlug],
            set: { subtopics: theme.subtopics },
          });
      }
      await recordAudit(tx, viewer, {
        action: 'report.themes',
        targetType: 'report',
        targetId: id,
        details: { from: before, to: slugs },
      });
    }

    if (update.redaction !== undefined) {
      const redaction = update.redaction;
      await tx
        .update(tables.reports)
        .set({
          redactedBarriers: redaction?.barriers ?? null,
          redactedRecommendations: redaction?.recommendations ?? null,
          redactedSource: redaction?.source ?? null,
          redactedAt: redaction ? now : null,
          redactedBy: redaction ? viewer.id : null,
          updatedAt: now,
        })
        .where(eq(tables.reports.id, id));
      await discardOutdatedTranslations(tx, row, redaction);
      await recordAudit(tx, viewer, {
        action: redaction ? 'report.redact' : 'report.unredact',
        targetType: 'report',
        targetId: id,
      });
    }
  });
  return getReport(db, id, viewer);
}

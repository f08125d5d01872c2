import type { TAdminTheme, TUpdateTheme } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { eq } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import type { Coordinator } from '../access/coordinator.js';
import { recordAudit } from '../audit/record-audit.js';
import { toAdminTheme } from './theme-view.js';

/**
 * An admin edits a theme. Only the taxonomy changes: reports keep the themes and sub-topics
 * they were stored with (report_themes is not touched), and webinars keep their theme.
 * The audit names the fields changed, not their text.
 */
export async function updateTheme(
  db: Db,
  slug: string,
  update: TUpdateTheme,
  admin: Coordinator,
): Promise<TAdminTheme> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(tables.themes)
      .set({ ...update, updatedAt: new Date() })
      .where(eq(tables.themes.slug, slug))
      .returning();
    if (!row) throw AppError.notFound('Theme');
    await recordAudit(tx, admin, {
      action: 'theme.update',
      targetType: 'theme',
      targetId: slug,
      details: {
        fields: Object.keys(update).sort(),
        ...(update.active === undefined ? {} : { active: update.active }),
        ...(update.takesReports === undefined ? {} : { takesReports: update.takesReports }),
      },
    });
    return toAdminTheme(row);
  });
}

import { englishError, type TAdminTheme, type TThemeOrder } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { asc, eq } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import type { Coordinator } from '../access/coordinator.js';
import { recordAudit } from '../audit/record-audit.js';
import { toAdminTheme } from './theme-view.js';

/**
 * An admin sets the display order. The request names every theme exactly once, so a stale
 * page (a theme added meanwhile) is refused with 409 rather than leaving two themes at one
 * position.
 */
export async function reorderThemes(db: Db, order: TThemeOrder, admin: Coordinator): Promise<TAdminTheme[]> {
  return db.transaction(async (tx) => {
    const current = await tx.select({ slug: tables.themes.slug }).from(tables.themes);
    const known = new Set(current.map((t) => t.slug));
    if (order.slugs.length !== known.size || order.slugs.some((slug) => !known.has(slug))) {
      throw new AppError(409, 'stale_order', 'The order must list every theme exactly once; reload and try again', {
        slugs: { code: 'invalid_value', message: englishError('invalid_value') },
      });
    }
    for (const [position, slug] of order.slugs.entries()) {
      await tx.update(tables.themes).set({ position, updatedAt: new Date() }).where(eq(tables.themes.slug, slug));
    }
    await recordAudit(tx, admin, { action: 'theme.reorder', targetType: 'theme', details: { slugs: order.slugs } });
    const rows = await tx.select().from(tables.themes).orderBy(asc(tables.themes.position), asc(tables.themes.slug));
    return rows.map(toAdminTheme);
  });
}

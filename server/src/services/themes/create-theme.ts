import { englishError, type TAdminTheme, type TCreateTheme } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { max } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import type { Coordinator } from '../access/coordinator.js';
import { recordAudit } from '../audit/record-audit.js';
import { toAdminTheme } from './theme-view.js';

/** An admin adds a theme, placed after the last one. 409 when the slug is taken. */
export async function createTheme(db: Db, input: TCreateTheme, admin: Coordinator): Promise<TAdminTheme> {
  return db.transaction(async (tx) => {
    const [last] = await tx.select({ position: max(tables.themes.position) }).from(tables.themes);
    const [row] = await tx
      .insert(tables.themes)
      .values({ ...input, position: (last?.position ?? -1) + 1 })
      .onConflictDoNothing()
      .returning();
    if (!row) {
      throw new AppError(409, 'theme_exists', 'A theme with this slug already exists', {
        slug: { code: 'duplicate_values', message: englishError('duplicate_values') },
      });
    }
    await recordAudit(tx, admin, {
      action: 'theme.create',
      targetType: 'theme',
      targetId: row.slug,
      details: { fields: Object.keys(input).sort() },
    });
    return toAdminTheme(row);
  });
}

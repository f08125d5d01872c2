import type { TAdminTheme } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { asc } from 'drizzle-orm';
import { toAdminTheme } from './theme-view.js';

/**
 * The whole taxonomy, inactive themes and the orientation included: coordinators name the
 * themes of older reports and of webinars with it, admins edit it.
 */
export async function listAdminThemes(db: Db): Promise<TAdminTheme[]> {
  const rows = await db.select().from(tables.themes).orderBy(asc(tables.themes.position), asc(tables.themes.slug));
  return rows.map(toAdminTheme);
}

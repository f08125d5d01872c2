import type { TTheme } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { asc } from 'drizzle-orm';

/** The taxonomy in its display order. */
export async function listThemes(db: Db): Promise<TTheme[]> {
  const rows = await db.select().from(tables.themes).orderBy(asc(tables.themes.position), asc(tables.themes.slug));
  return rows.map(({ slug, kind, position, name, description }) => ({ slug, kind, position, name, description }));
}

import type { TThemeKeywords } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { and, eq } from 'drizzle-orm';

/** The suggestion keywords of the themes the form offers (the same themes as listThemes). */
export async function listThemeKeywords(db: Db): Promise<TThemeKeywords> {
  const rows = await db
    .select({ slug: tables.themes.slug, keywords: tables.themes.keywords })
    .from(tables.themes)
    .where(and(eq(tables.themes.active, true), eq(tables.themes.takesReports, true)));
  return { keywords: Object.fromEntries(rows.map((row) => [row.slug, row.keywords ?? {}])) };
}

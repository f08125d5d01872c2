import type { TTheme } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { and, asc, eq } from 'drizzle-orm';

/**
 * The themes the input form offers, in display order, with their sub-topics: active ones
 * that take reports (the orientation does not). Read from the database on every request,
 * so an admin's edit shows on the next one, in every process.
 */
export async function listThemes(db: Db): Promise<TTheme[]> {
  const rows = await db
    .select()
    .from(tables.themes)
    .where(and(eq(tables.themes.active, true), eq(tables.themes.takesReports, true)))
    .orderBy(asc(tables.themes.position), asc(tables.themes.slug));
  return rows.map(({ slug, kind, position, name, description, subtopics }) => ({
    slug,
    kind,
    position,
    name,
    description,
    subtopics: subtopics ?? [],
  }));
}

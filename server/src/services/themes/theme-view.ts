import type { TAdminTheme } from '@convene/shared';
import type { tables } from '@convene/shared/db';

type ThemeRow = typeof tables.themes.$inferSelect;

/** A theme row as coordinators see it; a theme not seeded yet has empty lists. */
export function toAdminTheme(row: ThemeRow): TAdminTheme {
  return {
    slug: row.slug,
    kind: row.kind,
    position: row.position,
    name: row.name,
    description: row.description,
    active: row.active,
    takesReports: row.takesReports,
    subtopics: row.subtopics ?? [],
    keywords: row.keywords ?? {},
  };
}

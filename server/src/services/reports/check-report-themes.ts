import { englishError, type TCreateReport, type TFieldError } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { and, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';

const fieldError = (code: string): TFieldError => ({ code, message: englishError(code) });

/**
 * The schema checks a theme's shape; only the database knows the taxonomy, as admins keep
 * it. Unknown, inactive and non-report themes (the orientation), and sub-topics the theme
 * does not offer (any more), are field errors, like any other bad input.
 */
export async function checkReportThemes(
  db: Db,
  themes: TCreateReport['themes'],
  /** In review: what the report already has stays valid, whatever the taxonomy says now. */
  kept: readonly { slug: string; subtopics: readonly string[] }[] = [],
): Promise<void> {
  const slugs = themes.map((t) => t.slug);
  const rows = await db
    .select({ slug: tables.themes.slug, subtopics: tables.themes.subtopics })
    .from(tables.themes)
    .where(
      and(inArray(tables.themes.slug, slugs), eq(tables.themes.active, true), eq(tables.themes.takesReports, true)),
    );
  const known = new Map(rows.map((r) => [r.slug, (r.subtopics ?? []).map((s) => s.slug)]));
  for (const theme of kept) known.set(theme.slug, [...(known.get(theme.slug) ?? []), ...theme.subtopics]);
  const fields: Record<string, TFieldError> = {};
  themes.forEach((theme, i) => {
    if (!known.has(theme.slug)) {
      fields[`themes.${i}.slug`] = fieldError('unknown_theme');
      return;
    }
    const allowed = known.get(theme.slug) ?? [];
    theme.subtopics.forEach((subtopic, j) => {
      if (!allowed.includes(subtopic)) fields[`themes.${i}.subtopics.${j}`] = fieldError('unknown_subtopic');
    });
  });
  if (Object.keys(fields).length > 0) {
    throw new AppError(400, 'validation_failed', 'Some fields are invalid', fields);
  }
}

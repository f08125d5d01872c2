import { englishError, subtopicsOf, type TCreateReport, type TFieldError } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { inArray } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';

const fieldError = (code: string): TFieldError => ({ code, message: englishError(code) });

/**
 * The schema checks a theme's shape; only the database knows the taxonomy. Unknown themes
 * and sub-topics of another theme are field errors, like any other bad input.
 */
export async function checkReportThemes(db: Db, themes: TCreateReport['themes']): Promise<void> {
  const slugs = themes.map((t) => t.slug);
  const known = new Set(
    (await db.select({ slug: tables.themes.slug }).from(tables.themes).where(inArray(tables.themes.slug, slugs))).map(
      (r) => r.slug,
    ),
  );
  const fields: Record<string, TFieldError> = {};
  themes.forEach((theme, i) => {
    if (!known.has(theme.slug)) {
      fields[`themes.${i}.slug`] = fieldError('unknown_theme');
      return;
    }
    const allowed = subtopicsOf(theme.slug);
    theme.subtopics.forEach((subtopic, j) => {
      if (!allowed.includes(subtopic)) fields[`themes.${i}.subtopics.${j}`] = fieldError('unknown_subtopic');
    });
  });
  if (Object.keys(fields).length > 0) {
    throw new AppError(400, 'validation_failed', 'Some fields are invalid', fields);
  }
}

import { englishError } from '@convene/shared';
import { tables, type Db, type Tx } from '@convene/shared/db';
import { eq } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';

/** 400 with a field error when the theme is not in the taxonomy. */
export async function assertThemeExists(db: Db | Tx, slug: string): Promise<void> {
  const [theme] = await db.select({ slug: tables.themes.slug }).from(tables.themes).where(eq(tables.themes.slug, slug));
  if (!theme) {
    throw new AppError(400, 'validation_failed', 'Unknown theme', {
      themeSlug: { code: 'invalid_choice', message: englishError('invalid_choice') },
    });
  }
}

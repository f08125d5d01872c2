import { seedThemeContent, seedThemeRows } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { and, count, eq, isNull } from 'drizzle-orm';
import { demoProgramme } from './demo-programme.js';

/**
 * Seeds an empty database: the theme taxonomy always, the demo programme unless turned
 * off. Tables that already hold rows are left alone, so a restart never re-seeds.
 */
export async function seedDatabase(db: Db, options: { demo: boolean; now?: Date }): Promise<void> {
  await db.transaction(async (tx) => {
    const [themeCount] = await tx.select({ n: count() }).from(tables.themes);
    // Several processes may start at once: the second insert of a slug is a no-op, not an error.
    if ((themeCount?.n ?? 0) === 0) await tx.insert(tables.themes).values(seedThemeRows()).onConflictDoNothing();
    if (!options.demo) return;
    const [webinarCount] = await tx.select({ n: count() }).from(tables.webinars);
    if ((webinarCount?.n ?? 0) === 0)
      await tx
        .insert(tables.webinars)
        .values(demoProgramme(options.now ?? new Date()))
        .onConflictDoNothing({ target: tables.webinars.slug });
  });
  await fillThemeContent(db);
}

/**
 * Themes from before sub-topics and keywords lived in the database (migration 0006 added the
 * columns as null) get them from the seed files, once. Each column is filled only while
 * still null, in one guarded UPDATE per theme: a concurrent start or an admin's edit in
 * between is never overwritten, and running it again changes nothing.
 */
export async function fillThemeContent(db: Db): Promise<void> {
  const pending = await db
    .select({ slug: tables.themes.slug, subtopics: tables.themes.subtopics, keywords: tables.themes.keywords })
    .from(tables.themes);
  for (const theme of pending) {
    const content = seedThemeContent(theme.slug);
    if (theme.subtopics === null) {
      await db
        .update(tables.themes)
        .set({ subtopics: content.subtopics })
        .where(and(eq(tables.themes.slug, theme.slug), isNull(tables.themes.subtopics)));
    }
    if (theme.keywords === null) {
      await db
        .update(tables.themes)
        .set({ keywords: content.keywords })
        .where(and(eq(tables.themes.slug, theme.slug), isNull(tables.themes.keywords)));
    }
  }
}

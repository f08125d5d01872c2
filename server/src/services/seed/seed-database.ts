import { SEED_THEMES } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { count } from 'drizzle-orm';
import { demoProgramme } from './demo-programme.js';

/**
 * Seeds an empty database: the theme taxonomy always, the demo programme unless turned
 * off. Tables that already hold rows are left alone, so a restart never re-seeds.
 */
export async function seedDatabase(db: Db, options: { demo: boolean; now?: Date }): Promise<void> {
  await db.transaction(async (tx) => {
    const [themeCount] = await tx.select({ n: count() }).from(tables.themes);
    if ((themeCount?.n ?? 0) === 0) await tx.insert(tables.themes).values(SEED_THEMES);
    if (!options.demo) return;
    const [webinarCount] = await tx.select({ n: count() }).from(tables.webinars);
    if ((webinarCount?.n ?? 0) === 0) await tx.insert(tables.webinars).values(demoProgramme(options.now ?? new Date()));
  });
}

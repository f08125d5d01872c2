import type { TPublicWebinar } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { and, asc, eq, sql } from 'drizzle-orm';
import { toPublicWebinar } from './webinar-views.js';

/** Scheduled webinars that have not ended yet, soonest first. */
export async function listPublicWebinars(db: Db, now = new Date()): Promise<TPublicWebinar[]> {
  const w = tables.webinars;
  const rows = await db
    .select()
    .from(w)
    .where(
      and(
        eq(w.status, 'scheduled'),
        sql`${w.startsAt} + make_interval(mins => ${w.durationMinutes}) > ${now.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(asc(w.startsAt));
  return rows.map(toPublicWebinar);
}

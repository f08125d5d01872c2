import type { Db } from '@convene/shared/db';
import { sql } from 'drizzle-orm';

/** At most one ANALYZE per database this often. */
const EVERY_MS = 60_000;
const last = new WeakMap<Db, number>();

/**
 * Refreshes the planner's statistics of the outbox when a sweep meets a burst (a campaign, a
 * thousand reminders). PGlite runs no autovacuum daemon, so without this its planner keeps
 * believing the table is empty and sorts every pending row on each claim and bitmap-scans on
 * each hand-off (~100 ms and ~5 ms at 10,000 rows, instead of well under 1 ms); PostgreSQL's
 * autovacuum would only get to it within a minute or so. Failing to analyze costs speed only.
 */
export async function refreshOutboxStatistics(db: Db, now = Date.now()): Promise<void> {
  if (now - (last.get(db) ?? 0) < EVERY_MS) return;
  last.set(db, now);
  await db.execute(sql`ANALYZE notifications`).catch(() => undefined);
}

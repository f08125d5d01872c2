import type { TAdminWebinar } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { asc } from 'drizzle-orm';
import { countRegistrations } from './count-registrations.js';
import { toAdminWebinar } from './webinar-views.js';

/** Every webinar, any status, for coordinators. */
export async function listAdminWebinars(db: Db): Promise<TAdminWebinar[]> {
  const rows = await db.select().from(tables.webinars).orderBy(asc(tables.webinars.startsAt));
  const counts = await countRegistrations(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => {
    const c = counts.get(row.id);
    return toAdminWebinar(row, c?.confirmed ?? 0, c?.active ?? 0);
  });
}

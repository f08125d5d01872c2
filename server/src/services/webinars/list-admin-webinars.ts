import type { TAdminWebinar } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { asc } from 'drizzle-orm';
import { countRegistrations, NO_REGISTRATIONS } from './count-registrations.js';
import { toAdminWebinar } from './webinar-views.js';

/** Every webinar, any status, for coordinators. */
export async function listAdminWebinars(db: Db): Promise<TAdminWebinar[]> {
  const rows = await db.select().from(tables.webinars).orderBy(asc(tables.webinars.startsAt));
  const counts = await countRegistrations(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => toAdminWebinar(row, counts.get(row.id) ?? NO_REGISTRATIONS));
}

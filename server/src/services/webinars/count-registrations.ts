import { tables, type Db, type Tx } from '@convene/shared/db';
import { and, count, inArray } from 'drizzle-orm';

/** Active (confirmed + waitlisted) registrations per webinar id, for coordinator views. */
export async function countActiveRegistrations(db: Db | Tx, webinarIds: string[]): Promise<Map<string, number>> {
  if (webinarIds.length === 0) return new Map();
  const r = tables.registrations;
  const rows = await db
    .select({ webinarId: r.webinarId, active: count() })
    .from(r)
    .where(and(inArray(r.webinarId, webinarIds), inArray(r.status, ['confirmed', 'waitlisted'])))
    .groupBy(r.webinarId);
  return new Map(rows.map((row) => [row.webinarId, row.active]));
}

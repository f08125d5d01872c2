import { tables, type Db, type Tx } from '@convene/shared/db';
import { and, count, inArray } from 'drizzle-orm';

/** A webinar's registrations that hold or wait for a seat. */
export type RegistrationCounts = { confirmed: number; waitlisted: number };

export const NO_REGISTRATIONS: RegistrationCounts = { confirmed: 0, waitlisted: 0 };

/**
 * Confirmed and waitlisted registrations per webinar id, apart: only the confirmed take a
 * seat, so "confirmed of capacity" is the figure to compare with the capacity.
 */
export async function countRegistrations(db: Db | Tx, webinarIds: string[]): Promise<Map<string, RegistrationCounts>> {
  if (webinarIds.length === 0) return new Map();
  const r = tables.registrations;
  const rows = await db
    .select({ webinarId: r.webinarId, status: r.status, n: count() })
    .from(r)
    .where(and(inArray(r.webinarId, webinarIds), inArray(r.status, ['confirmed', 'waitlisted'])))
    .groupBy(r.webinarId, r.status);
  const counts = new Map<string, RegistrationCounts>();
  for (const row of rows) {
    const entry = counts.get(row.webinarId) ?? { ...NO_REGISTRATIONS };
    if (row.status === 'confirmed') entry.confirmed = row.n;
    else entry.waitlisted = row.n;
    counts.set(row.webinarId, entry);
  }
  return counts;
}

/** Active (confirmed + waitlisted) registrations per webinar id, for coordinator views. */
export async function countActiveRegistrations(db: Db | Tx, webinarIds: string[]): Promise<Map<string, number>> {
  const counts = await countRegistrations(db, webinarIds);
  return new Map([...counts].map(([id, c]) => [id, c.confirmed + c.waitlisted]));
}

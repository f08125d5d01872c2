import { tables, type Db, type Tx } from '@convene/shared/db';
import { and, count, eq, inArray, sql } from 'drizzle-orm';

export type RegistrationCounts = { confirmed: number; active: number };

/** Confirmed and active (confirmed + waitlisted) registrations per webinar id. */
export async function countRegistrations(db: Db | Tx, webinarIds: string[]): Promise<Map<string, RegistrationCounts>> {
  const result = new Map<string, RegistrationCounts>();
  if (webinarIds.length === 0) return result;
  const r = tables.registrations;
  const rows = await db
    .select({
      webinarId: r.webinarId,
      confirmed: sql<number>`count(*) filter (where ${r.status} = 'confirmed')`.mapWith(Number),
      active: count(),
    })
    .from(r)
    .where(and(inArray(r.webinarId, webinarIds), inArray(r.status, ['confirmed', 'waitlisted'])))
    .groupBy(r.webinarId);
  for (const row of rows) result.set(row.webinarId, { confirmed: row.confirmed, active: row.active });
  return result;
}

/** Confirmed registrations of one webinar (inside a transaction that locked the webinar). */
export async function countConfirmed(db: Db | Tx, webinarId: string): Promise<number> {
  const r = tables.registrations;
  const [row] = await db
    .select({ n: count() })
    .from(r)
    .where(and(eq(r.webinarId, webinarId), eq(r.status, 'confirmed')));
  return row?.n ?? 0;
}

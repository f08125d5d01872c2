import { tables, type Tx } from '@convene/shared/db';
import { and, eq, inArray } from 'drizzle-orm';

/** Registrations still in play (confirmed or waitlisted), oldest first. */
export function activeRegistrations(tx: Tx, webinarId: string) {
  const r = tables.registrations;
  return tx
    .select({ id: r.id, status: r.status, round: r.round })
    .from(r)
    .where(and(eq(r.webinarId, webinarId), inArray(r.status, ['confirmed', 'waitlisted'])))
    .orderBy(r.createdAt);
}

import { tables, type Tx } from '@convene/shared/db';
import { and, asc, eq, sql } from 'drizzle-orm';
import { planReminders } from '../notifications/plan-reminders.js';
import { roundKey } from '../notifications/round-key.js';
import type { PlannedNotification } from '../notifications/types.js';
import { writeNotifications } from '../notifications/write-notifications.js';

/**
 * Gives free seats to the waiting list, first come first served, inside the transaction
 * that freed them (the caller holds the webinar lock). Each promoted registrant is told so
 * and gets the reminders still ahead.
 */
export async function promoteFromWaitlist(tx: Tx, webinarId: string, now: Date): Promise<PlannedNotification[]> {
  const w = tables.webinars;
  const r = tables.registrations;
  const planned: PlannedNotification[] = [];
  for (;;) {
    const [webinar] = await tx.select().from(w).where(eq(w.id, webinarId));
    if (!webinar || webinar.status !== 'scheduled') return planned;
    if (webinar.capacity !== null && webinar.confirmedCount >= webinar.capacity) return planned;
    const [next] = await tx
      .select({ id: r.id, round: r.round })
      .from(r)
      .where(and(eq(r.webinarId, webinarId), eq(r.status, 'waitlisted')))
      .orderBy(asc(r.createdAt), asc(r.id))
      .limit(1);
    if (!next) return planned;
    await tx.update(r).set({ status: 'confirmed', confirmedAt: now, updatedAt: now }).where(eq(r.id, next.id));
    await tx
      .update(w)
      .set({ confirmedCount: sql`${w.confirmedCount} + 1` })
      .where(eq(w.id, webinarId));
    planned.push(
      ...(await writeNotifications(tx, [
        {
          kind: 'waitlist_promotion',
          webinarId,
          registrationId: next.id,
          webinarVersion: webinar.version,
          dedupeKey: roundKey(`waitlist_promotion:${next.id}`, next.round),
          scheduledAt: now,
        },
        ...planReminders(webinar, next, now),
      ])),
    );
  }
}

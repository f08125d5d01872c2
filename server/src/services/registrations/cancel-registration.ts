import type { TManagedRegistration } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { eq, sql } from 'drizzle-orm';
import type { MailQueue } from '../../queues/mail-queue.js';
import { cancelPending } from '../notifications/cancel-pending.js';
import { roundKey } from '../notifications/round-key.js';
import type { PlannedNotification } from '../notifications/types.js';
import { writeNotifications } from '../notifications/write-notifications.js';
import { findByManageToken, getManagedRegistration } from './manage-registration.js';
import { promoteFromWaitlist } from './promote-from-waitlist.js';

/**
 * Self-service cancellation from the manage link: the registration's unsent mail is
 * cancelled, the registrant gets one cancellation (with an iCalendar CANCEL when they had
 * a place), and a freed seat goes to the first person on the waiting list. Idempotent.
 */
export async function cancelRegistration(
  deps: { db: Db; mailQueue: MailQueue },
  token: string,
  now = new Date(),
): Promise<TManagedRegistration> {
  const { registration } = await findByManageToken(deps.db, token);
  const planned = await deps.db.transaction(async (tx) => {
    const w = tables.webinars;
    const r = tables.registrations;
    // The webinar lock orders this with seat allocation and other cancellations.
    const [webinar] = await tx.select().from(w).where(eq(w.id, registration.webinarId)).for('update');
    const [current] = await tx.select().from(r).where(eq(r.id, registration.id)).for('update');
    if (!webinar || !current || current.status === 'cancelled') return [];
    await tx.update(r).set({ status: 'cancelled', cancelledAt: now, updatedAt: now }).where(eq(r.id, current.id));
    await cancelPending(tx, { webinarId: webinar.id, registrationId: registration.id }, 'registration cancelled');
    const planned: PlannedNotification[] = await writeNotifications(tx, [
      {
        kind: 'cancellation',
        webinarId: webinar.id,
        registrationId: registration.id,
        webinarVersion: webinar.version,
        dedupeKey: roundKey(`cancellation:${registration.id}`, current.round),
        scheduledAt: now,
      },
    ]);
    if (current.status === 'confirmed' && webinar.status === 'scheduled') {
      await tx
        .update(w)
        .set({ confirmedCount: sql`greatest(${w.confirmedCount} - 1, 0)` })
        .where(eq(w.id, webinar.id));
      planned.push(...(await promoteFromWaitlist(tx, webinar.id, now)));
    }
    return planned;
  });
  await deps.mailQueue.enqueue(planned);
  return getManagedRegistration(deps.db, token);
}

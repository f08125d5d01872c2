import type { TRegistrant } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import type { MailQueue } from '../../queues/mail-queue.js';
import { endOf } from '../attendance/attendance-window.js';
import { roundKey } from '../notifications/round-key.js';
import { planReminders } from '../notifications/plan-reminders.js';
import { writeNotifications } from '../notifications/write-notifications.js';
import { toRegistrant } from '../webinars/list-registrants.js';
import { lockWebinar } from '../webinars/lock-webinar.js';
import { lockRegistrant } from './registrant-in-webinar.js';

/**
 * A coordinator gives a waitlisted registrant a place, in whatever order they choose. A full
 * webinar refuses (409 webinar_full) unless overCapacity says to add a seat beyond the
 * capacity. The person gets the waitlist promotion mail and the reminders still ahead, as
 * when a seat frees itself.
 */
export async function promoteRegistrant(
  deps: { db: Db; mailQueue: MailQueue },
  webinarId: string,
  registrationId: string,
  overCapacity: boolean,
  now = new Date(),
): Promise<TRegistrant> {
  deps.mailQueue.assertAvailable();
  const { registrant, planned } = await deps.db.transaction(async (tx) => {
    const webinar = await lockWebinar(tx, webinarId);
    if (webinar.status !== 'scheduled' || endOf(webinar).getTime() <= now.getTime()) {
      throw new AppError(
        409,
        'webinar_not_open',
        'Only a webinar still ahead can take registrants off its waiting list',
      );
    }
    const current = await lockRegistrant(tx, webinarId, registrationId);
    if (current.status !== 'waitlisted') {
      throw new AppError(409, 'not_waitlisted', `This registration is ${current.status}, not on the waiting list`);
    }
    if (webinar.capacity !== null && webinar.confirmedCount >= webinar.capacity && !overCapacity) {
      throw new AppError(409, 'webinar_full', 'Every place is taken: promote over the capacity, or free a place first');
    }
    const r = tables.registrations;
    const w = tables.webinars;
    const [row = current] = await tx
      .update(r)
      .set({ status: 'confirmed', confirmedAt: now, updatedAt: now })
      .where(eq(r.id, registrationId))
      .returning();
    await tx
      .update(w)
      .set({ confirmedCount: sql`${w.confirmedCount} + 1` })
      .where(eq(w.id, webinarId));
    const planned = await writeNotifications(tx, [
      {
        kind: 'waitlist_promotion',
        webinarId,
        registrationId,
        webinarVersion: webinar.version,
        dedupeKey: roundKey(`waitlist_promotion:${registrationId}`, row.round),
        scheduledAt: now,
      },
      ...planReminders(webinar, row, now),
    ]);
    return { registrant: toRegistrant(row), planned };
  });
  await deps.mailQueue.enqueue(planned);
  return registrant;
}

import { tables, type Db } from '@convene/shared/db';
import { and, desc, eq, like } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import type { MailQueue } from '../../queues/mail-queue.js';
import { writeNotifications } from '../notifications/write-notifications.js';
import { lockWebinar } from '../webinars/lock-webinar.js';
import { lockRegistrant } from './registrant-in-webinar.js';

/** How long after one resend the next is refused: a double click or an impatient retry sends one mail. */
export const RESEND_INTERVAL_MS = 2 * 60_000;

/**
 * Sends a registrant their confirmation again (someone lost it): a new outbox row each time,
 * at most one per registration every two minutes. The registration row lock serializes two
 * clicks, so the second one always sees the first and is answered 429 with Retry-After.
 */
export async function resendConfirmation(
  deps: { db: Db; mailQueue: MailQueue },
  webinarId: string,
  registrationId: string,
  now = new Date(),
): Promise<{ notificationId: string }> {
  deps.mailQueue.assertAvailable();
  const planned = await deps.db.transaction(async (tx) => {
    const webinar = await lockWebinar(tx, webinarId);
    if (webinar.status !== 'scheduled') {
      throw new AppError(409, 'webinar_not_open', `A ${webinar.status} webinar sends no confirmation`);
    }
    const registration = await lockRegistrant(tx, webinarId, registrationId);
    if (registration.status === 'cancelled') {
      throw new AppError(409, 'registration_cancelled', 'A cancelled registration has nothing to confirm');
    }
    const n = tables.notifications;
    const prefix = `confirmation-resend:${registrationId}:`;
    const [last] = await tx
      .select({ createdAt: n.createdAt })
      .from(n)
      .where(and(eq(n.registrationId, registrationId), like(n.dedupeKey, `${prefix}%`)))
      .orderBy(desc(n.createdAt))
      .limit(1);
    const wait = last ? last.createdAt.getTime() + RESEND_INTERVAL_MS - now.getTime() : 0;
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new AppError(
        429,
        'resend_too_soon',
        `A confirmation was just resent: try again in ${seconds} s`,
        undefined,
        { 'Retry-After': String(seconds) },
      );
    }
    return writeNotifications(tx, [
      {
        kind: 'confirmation',
        webinarId,
        registrationId,
        webinarVersion: webinar.version,
        dedupeKey: `${prefix}${now.getTime()}`,
        scheduledAt: now,
        createdAt: now,
      },
    ]);
  });
  await deps.mailQueue.enqueue(planned);
  const [row] = planned;
  if (!row) throw new AppError(409, 'resend_too_soon', 'A confirmation was just resent');
  return { notificationId: row.id };
}

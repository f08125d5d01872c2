import type { TRegistrant } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import type { MailQueue } from '../../queues/mail-queue.js';
import { toRegistrant } from '../webinars/list-registrants.js';
import { cancelRegistration } from './cancel-registration.js';

/**
 * A coordinator cancels someone's registration for them: exactly what the registrant's own
 * manage link does (their unsent mail cancelled, one cancellation mail, a freed seat to the
 * waiting list). Cancelling twice changes nothing.
 */
export async function cancelOnBehalf(
  deps: { db: Db; mailQueue: MailQueue },
  webinarId: string,
  registrationId: string,
  now = new Date(),
): Promise<TRegistrant> {
  deps.mailQueue.assertAvailable();
  const r = tables.registrations;
  const [row] = await deps.db
    .select({ registration: r, webinarStatus: tables.webinars.status })
    .from(r)
    .innerJoin(tables.webinars, eq(tables.webinars.id, r.webinarId))
    .where(and(eq(r.id, registrationId), eq(r.webinarId, webinarId)));
  // Erased by the retention policy: nobody left to cancel for (or to mail).
  if (!row || row.registration.personalDataErasedAt) throw AppError.notFound('Registration');
  if (row.webinarStatus === 'completed' || row.webinarStatus === 'cancelled') {
    throw new AppError(409, 'webinar_not_open', `Registrations of a ${row.webinarStatus} webinar no longer change`);
  }
  await cancelRegistration(deps, row.registration.manageToken, now);
  const [after = row.registration] = await deps.db.select().from(r).where(eq(r.id, registrationId));
  return toRegistrant(after);
}

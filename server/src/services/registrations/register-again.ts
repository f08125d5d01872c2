import type { TCreateRegistration } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import type { PlannedNotification } from '../notifications/types.js';
import { writeNotifications } from '../notifications/write-notifications.js';
import { planRegistrationNotifications } from './plan-registration-notifications.js';

type Registration = typeof tables.registrations.$inferSelect;
export type RegisterAgainOutcome = {
  registration: Registration;
  /** False when the registration was not cancelled: a plain repeat, nothing is sent. */
  created: boolean;
  notifications: PlannedNotification[];
};

/**
 * Someone registers with an email already registered for the webinar. A cancelled
 * registration comes back as a new round (the cancellation mail promises it): the new
 * details replace the old, a seat is taken or the waiting list joined as for a newcomer, and
 * the round's confirmation and reminders are planned under keys of their own. Any other
 * registration is returned as it is.
 */
export async function registerAgain(
  db: Db,
  webinarId: string,
  input: TCreateRegistration,
  now: Date,
): Promise<RegisterAgainOutcome> {
  const w = tables.webinars;
  const r = tables.registrations;
  return db.transaction(async (tx) => {
    // Webinar first, then the registration: the order cancellation and promotion lock in.
    const [webinar] = await tx.select().from(w).where(eq(w.id, webinarId)).for('update');
    const [current] = await tx
      .select()
      .from(r)
      .where(and(eq(r.webinarId, webinarId), eq(r.emailNormalized, input.email.toLowerCase())))
      .for('update');
    if (!webinar || !current) throw AppError.notFound('Registration');
    if (current.status !== 'cancelled') return { registration: current, created: false, notifications: [] };
    if (webinar.status !== 'scheduled') {
      throw new AppError(409, 'registration_closed', 'Registration for this webinar is closed');
    }

    const seated = webinar.capacity === null || webinar.confirmedCount < webinar.capacity;
    if (seated && webinar.capacity !== null) {
      await tx
        .update(w)
        .set({ confirmedCount: sql`${w.confirmedCount} + 1` })
        .where(eq(w.id, webinar.id));
    }
    const [registration] = await tx
      .update(r)
      .set({
        name: input.name,
        email: input.email,
        organization: input.organization,
        country: input.country,
        language: input.language,
        timeZone: input.timeZone,
        consentAt: now,
        // Consent given again, to the wording shown this time.
        consentVersion: input.consentVersion,
        status: seated ? 'confirmed' : 'waitlisted',
        confirmedAt: seated ? now : null,
        cancelledAt: null,
        round: current.round + 1,
        // The waiting list is first come, first served by this time: a returning registrant queues anew.
        createdAt: now,
        updatedAt: now,
      })
      .where(eq(r.id, current.id))
      .returning();
    if (!registration) throw AppError.notFound('Registration');
    const notifications = await writeNotifications(tx, planRegistrationNotifications(webinar, registration, now));
    return { registration, created: true, notifications };
  });
}

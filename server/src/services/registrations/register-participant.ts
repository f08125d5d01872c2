import { randomBytes } from 'node:crypto';
import type { TCreateRegistration, TRegistrationResult } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import type { MailQueue } from '../../queues/mail-queue.js';
import { countConfirmed } from '../webinars/count-registrations.js';
import { planRegistrationNotifications } from './plan-registration-notifications.js';

export type RegisterDeps = { db: Db; mailQueue: MailQueue };
export type RegisterOutcome = { result: TRegistrationResult; created: boolean };

/**
 * Registers someone for a webinar, idempotently per webinar + email: a repeat returns the
 * existing registration and sends nothing new. The registration and its outbox rows are
 * written in one transaction; the jobs are enqueued after commit.
 */
export async function registerParticipant(
  deps: RegisterDeps,
  slug: string,
  input: TCreateRegistration,
  now = new Date(),
): Promise<RegisterOutcome> {
  deps.mailQueue.assertAvailable();
  const emailNormalized = input.email.toLowerCase();

  const outcome = await deps.db.transaction(async (tx) => {
    const w = tables.webinars;
    const r = tables.registrations;
    // Locking the webinar row serializes registrations per webinar: capacity and the
    // "already registered" check then see every earlier commit.
    const [webinar] = await tx.select().from(w).where(eq(w.slug, slug)).for('update');
    if (!webinar || webinar.status === 'draft') throw AppError.notFound('Webinar');
    const endsAt = webinar.startsAt.getTime() + webinar.durationMinutes * 60_000;
    if (webinar.status !== 'scheduled' || endsAt <= now.getTime()) {
      throw new AppError(409, 'registration_closed', 'Registration for this webinar is closed');
    }

    const [existing] = await tx
      .select()
      .from(r)
      .where(and(eq(r.webinarId, webinar.id), eq(r.emailNormalized, emailNormalized)));
    if (existing) return { registration: existing, webinar, created: false, notifications: [] };

    const confirmed = await countConfirmed(tx, webinar.id);
    const status = webinar.capacity !== null && confirmed >= webinar.capacity ? 'waitlisted' : 'confirmed';
    const [registration] = await tx
      .insert(r)
      .values({
        webinarId: webinar.id,
        name: input.name,
        email: input.email,
        emailNormalized,
        organization: input.organization,
        country: input.country,
        language: input.language,
        timeZone: input.timeZone,
        consentAt: now,
        status,
        manageToken: randomBytes(24).toString('base64url'),
      })
      .returning();
    if (!registration) throw new Error('insert returned no row');

    const planned = planRegistrationNotifications(webinar, registration, now);
    const notifications = await tx
      .insert(tables.notifications)
      .values(planned)
      .onConflictDoNothing({ target: tables.notifications.dedupeKey })
      .returning({ id: tables.notifications.id, scheduledAt: tables.notifications.scheduledAt });
    return { registration, webinar, created: true, notifications };
  });

  await deps.mailQueue.enqueue(outcome.notifications);
  const { registration, webinar } = outcome;
  return {
    created: outcome.created,
    result: {
      registration: {
        id: registration.id,
        webinarSlug: webinar.slug,
        status: registration.status,
        language: registration.language,
        timeZone: registration.timeZone,
        createdAt: registration.createdAt.toISOString(),
      },
      alreadyRegistered: !outcome.created,
    },
  };
}

import { randomBytes } from 'node:crypto';
import type { TCreateRegistration, TRegistrationResult } from '@convene/shared';
import { tables, type Db, type Tx } from '@convene/shared/db';
import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import type { MailQueue } from '../../queues/mail-queue.js';
import { writeNotifications } from '../notifications/write-notifications.js';
import type { PlannedNotification } from '../notifications/types.js';
import { planRegistrationNotifications } from './plan-registration-notifications.js';
import { registerAgain } from './register-again.js';

export type RegisterDeps = { db: Db; mailQueue: MailQueue };
export type RegisterOutcome = { result: TRegistrationResult; created: boolean };

type Webinar = typeof tables.webinars.$inferSelect;
type Registration = typeof tables.registrations.$inferSelect;

/** Thrown inside the transaction to undo a seat taken for a registration that already existed. */
class AlreadyRegistered extends Error {}

/**
 * Registers someone for a webinar, idempotently per webinar + email: a repeat returns the
 * existing registration and sends nothing new — unless it was cancelled, when it starts a
 * new round (register-again.ts). The registration and its outbox rows are
 * written in one transaction; the jobs are enqueued after commit.
 *
 * Hot path, so it avoids serializing registrants: the unique (webinar, email) index decides
 * idempotency, and only a webinar with a capacity is locked — by the guarded UPDATE that
 * takes a seat, held until commit, a moment later.
 */
export async function registerParticipant(
  deps: RegisterDeps,
  slug: string,
  input: TCreateRegistration,
  now = new Date(),
): Promise<RegisterOutcome> {
  deps.mailQueue.assertAvailable();
  const emailNormalized = input.email.toLowerCase();

  const [webinar] = await deps.db.select().from(tables.webinars).where(eq(tables.webinars.slug, slug));
  if (!webinar || webinar.status === 'draft') throw AppError.notFound('Webinar');
  assertOpen(webinar, now);

  let outcome: { registration: Registration; created: boolean; notifications: PlannedNotification[] };
  try {
    outcome = await deps.db.transaction(async (tx) => {
      const seated = webinar.capacity === null || (await takeSeat(tx, webinar.id));
      const [registration] = await tx
        .insert(tables.registrations)
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
          status: seated ? 'confirmed' : 'waitlisted',
          confirmedAt: seated ? now : null,
          manageToken: randomBytes(24).toString('base64url'),
        })
        .onConflictDoNothing({ target: [tables.registrations.webinarId, tables.registrations.emailNormalized] })
        .returning();
      if (!registration) throw new AlreadyRegistered();

      const notifications = await writeNotifications(tx, planRegistrationNotifications(webinar, registration, now));
      return { registration, created: true, notifications };
    });
  } catch (err) {
    if (!(err instanceof AlreadyRegistered)) throw err;
    outcome = await registerAgain(deps.db, webinar.id, input, now);
  }

  await deps.mailQueue.enqueue(outcome.notifications);
  const { registration } = outcome;
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

function assertOpen(webinar: Webinar, now: Date): void {
  const endsAt = webinar.startsAt.getTime() + webinar.durationMinutes * 60_000;
  if (webinar.status !== 'scheduled' || endsAt <= now.getTime()) {
    throw new AppError(409, 'registration_closed', 'Registration for this webinar is closed');
  }
}

/**
 * Takes one confirmed seat if any is left. The UPDATE locks the webinar row until commit,
 * so two registrants can never take the last seat together; the status guard keeps a
 * webinar cancelled meanwhile from gaining registrants.
 */
async function takeSeat(tx: Tx, webinarId: string): Promise<boolean> {
  const w = tables.webinars;
  const rows = await tx
    .update(w)
    .set({ confirmedCount: sql`${w.confirmedCount} + 1` })
    .where(and(eq(w.id, webinarId), eq(w.status, 'scheduled'), sql`${w.confirmedCount} < ${w.capacity}`))
    .returning({ id: w.id });
  return rows.length > 0;
}

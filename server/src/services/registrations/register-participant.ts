import { randomBytes, randomUUID } from 'node:crypto';
import type { TCreateRegistration, TRegistrationResult } from '@convene/shared';
import type { Database, Db } from '@convene/shared/db';
import { AppError } from '../../errors/app-error.js';
import type { MailQueue } from '../../queues/mail-queue.js';
import type { PlannedNotification, WebinarRow } from '../notifications/types.js';
import { insertRegistration } from './insert-registration.js';
import type { OpenWebinarCache } from './open-webinar-cache.js';
import { planRegistrationNotifications } from './plan-registration-notifications.js';
import { registerAgain } from './register-again.js';

export type RegisterDeps = { db: Db; dbKind: Database['kind']; mailQueue: MailQueue; webinars: OpenWebinarCache };
export type RegisterOutcome = { result: TRegistrationResult; created: boolean };

type Webinar = WebinarRow;
type Registered = {
  registration: { id: string; status: TRegistrationResult['registration']['status']; createdAt: Date };
  language: TCreateRegistration['language'];
  timeZone: string;
  created: boolean;
  notifications: PlannedNotification[];
};

/** A webinar changed under a registration this many times in a row: give up with a 503 rather than loop. */
const MAX_ATTEMPTS = 3;

/**
 * Registers someone for a webinar, idempotently per webinar + email: a repeat returns the
 * existing registration and sends nothing new — unless it was cancelled, when it starts a
 * new round (register-again.ts). The registration and its outbox rows are written in one
 * transaction — one statement on PostgreSQL (insert-registration.ts); the jobs are enqueued
 * after commit, in one addBulk.
 *
 * Hot path: the webinar comes from the in-process cache and is re-checked by that write,
 * which also takes the seat of a webinar with a capacity; the unique (webinar, email) index
 * decides idempotency. A stale cached row costs one more read and a retry, never a wrong answer.
 */
export async function registerParticipant(
  deps: RegisterDeps,
  slug: string,
  input: TCreateRegistration,
  now = new Date(),
): Promise<RegisterOutcome> {
  deps.mailQueue.assertAvailable();
  let webinar = await deps.webinars.get(slug, now.getTime());
  let outcome: Registered | null = null;
  for (let attempt = 1; !outcome; attempt++) {
    if (!webinar || webinar.status === 'draft') throw AppError.notFound('Webinar');
    assertOpen(webinar, now);
    if (attempt > MAX_ATTEMPTS) throw AppError.unavailable();
    const id = randomUUID();
    const planned = planRegistrationNotifications(webinar, { id, round: 1, status: 'confirmed' }, now);
    const manageToken = randomBytes(24).toString('base64url');
    const inserted = await insertRegistration(deps.db, deps.dbKind, webinar, slug, {
      id,
      input,
      manageToken,
      now,
      planned,
    });
    if (inserted.kind === 'stale') {
      webinar = await deps.webinars.reload(slug, now.getTime());
    } else if (inserted.kind === 'inserted') {
      const { notifications, ...registration } = inserted.registration;
      outcome = { registration, language: input.language, timeZone: input.timeZone, created: true, notifications };
    } else {
      const again = await registerAgain(deps.db, webinar.id, input, now);
      const { registration } = again;
      outcome = { ...again, language: registration.language, timeZone: registration.timeZone };
    }
  }

  await deps.mailQueue.enqueue(outcome.notifications);
  const { registration } = outcome;
  return {
    created: outcome.created,
    result: {
      registration: {
        id: registration.id,
        webinarSlug: slug,
        status: registration.status,
        language: outcome.language,
        timeZone: outcome.timeZone,
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

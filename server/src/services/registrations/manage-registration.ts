import { pickLocalized, type TManagedRegistration } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { eq } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import { toPublicWebinar } from '../webinars/webinar-views.js';
import { deletedTokenMarker, registrationDeleted } from './delete-registration.js';

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/** Loads a registration by its manage token (the secret in the emailed link). */
export async function findByManageToken(db: Db, token: string) {
  if (!TOKEN.test(token)) throw AppError.notFound('Registration');
  const [row] = await db
    .select({ registration: tables.registrations, webinar: tables.webinars })
    .from(tables.registrations)
    .innerJoin(tables.webinars, eq(tables.webinars.id, tables.registrations.webinarId))
    .where(eq(tables.registrations.manageToken, token));
  if (!row) {
    // A deleted registration's link says so (410), rather than leaving the registrant unsure.
    const [deleted] = await db
      .select({ id: tables.registrations.id })
      .from(tables.registrations)
      .where(eq(tables.registrations.manageToken, deletedTokenMarker(token)));
    throw deleted ? registrationDeleted() : AppError.notFound('Registration');
  }
  return row;
}

/** What the manage page shows: the registrant's own details and the webinar's public view. */
export async function getManagedRegistration(db: Db, token: string): Promise<TManagedRegistration> {
  const { registration, webinar } = await findByManageToken(db, token);
  return {
    registration: {
      id: registration.id,
      status: registration.status,
      name: registration.name,
      email: registration.email,
      language: registration.language,
      timeZone: registration.timeZone,
      createdAt: registration.createdAt.toISOString(),
      cancelledAt: registration.cancelledAt?.toISOString() ?? null,
    },
    webinar: toPublicWebinar(webinar),
    webinarTitle: pickLocalized(webinar.title, registration.language),
  };
}

import { createHmac, timingSafeEqual } from 'node:crypto';
import type { TRegistrationResult } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { registrationIcs } from '@convene/worker/render';
import { eq } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import { findByManageToken } from './manage-registration.js';

export type CalendarSettings = { publicUrl: string; mailFrom: string };
export type CalendarFile = { filename: string; content: string };

type Webinar = typeof tables.webinars.$inferSelect;
type Registration = typeof tables.registrations.$inferSelect;

/**
 * The key of the confirmation screen's calendar link: it opens that registration's .ics and
 * nothing else, so the screen never needs the manage token (which proves the mailbox).
 */
export function calendarKey(secret: string, registrationId: string): string {
  return createHmac('sha256', secret).update(`calendar:${registrationId}`).digest('base64url');
}

/** The path of that link. */
export function calendarPath(secret: string, registrationId: string): string {
  return `/api/registrations/calendar/${registrationId}?key=${calendarKey(secret, registrationId)}`;
}

/** The .ics behind a manage link. */
export async function calendarByManageToken(db: Db, settings: CalendarSettings, token: string): Promise<CalendarFile> {
  const { registration, webinar } = await findByManageToken(db, token);
  return calendarFile(webinar, registration, settings);
}

/** The .ics behind a confirmation screen's link; a wrong key is an unknown registration. */
export async function calendarByKey(
  db: Db,
  settings: CalendarSettings & { secret: string },
  registrationId: string,
  key: string,
): Promise<CalendarFile> {
  const expected = Buffer.from(calendarKey(settings.secret, registrationId));
  const given = Buffer.from(key);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw AppError.notFound('Registration');
  const [row] = await db
    .select({ registration: tables.registrations, webinar: tables.webinars })
    .from(tables.registrations)
    .innerJoin(tables.webinars, eq(tables.webinars.id, tables.registrations.webinarId))
    .where(eq(tables.registrations.id, registrationId));
  if (!row) throw AppError.notFound('Registration');
  return calendarFile(row.webinar, row.registration, settings);
}

/**
 * Only a registrant with a place gets the event (it carries the join link), as in the mails;
 * nothing is offered for a cancelled webinar or registration.
 */
function calendarFile(webinar: Webinar, registration: Registration, settings: CalendarSettings): CalendarFile {
  if (registration.status !== 'confirmed' || webinar.status === 'cancelled' || webinar.status === 'draft') {
    throw new AppError(409, 'calendar_unavailable', 'A calendar file is offered only for a confirmed place');
  }
  return { filename: `${webinar.slug}.ics`, content: registrationIcs(webinar, registration, settings) };
}

/** A registration result with its calendar link, when a new place was just taken. */
export function withCalendarLink(result: TRegistrationResult, secret: string): TRegistrationResult {
  const { registration, alreadyRegistered } = result;
  const offered = !alreadyRegistered && registration.status === 'confirmed';
  return { ...result, calendarUrl: offered ? calendarPath(secret, registration.id) : null };
}

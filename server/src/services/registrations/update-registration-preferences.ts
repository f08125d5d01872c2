import type { TManagedRegistration, TUpdateManagedRegistration } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { eq } from 'drizzle-orm';
import { findByManageToken, getManagedRegistration } from './manage-registration.js';

/**
 * The registrant changes the language and time zone of their mails from the manage page.
 * Only the registration row changes: every mail (reminders, reschedule notices, follow-ups)
 * and its .ics is rendered from that row at send time, so the unsent ones follow.
 */
export async function updateRegistrationPreferences(
  db: Db,
  token: string,
  input: TUpdateManagedRegistration,
  now = new Date(),
): Promise<TManagedRegistration> {
  const { registration } = await findByManageToken(db, token);
  await db
    .update(tables.registrations)
    .set({ language: input.language, timeZone: input.timeZone, updatedAt: now })
    .where(eq(tables.registrations.id, registration.id));
  return getManagedRegistration(db, token);
}

import { tables, type Db } from '@convene/shared/db';
import { and, eq, sql } from 'drizzle-orm';

export type NotificationRow = typeof tables.notifications.$inferSelect;
export type WebinarRow = typeof tables.webinars.$inferSelect;
export type RegistrationRow = typeof tables.registrations.$inferSelect;
export type ContactRow = typeof tables.contacts.$inferSelect;

/** Everything needed to decide about and render one outbox row. */
export type NotificationContext = {
  notification: NotificationRow;
  webinar: WebinarRow;
  registration: RegistrationRow | null;
  contact: ContactRow | null;
};

/** One query: the row's webinar, and its registration or contact when it has one. */
export async function loadNotificationContext(
  db: Db,
  notification: NotificationRow,
): Promise<NotificationContext | null> {
  // Account mails have no webinar; they are loaded elsewhere.
  if (!notification.webinarId) return null;
  const [row] = await db
    .select({ webinar: tables.webinars, registration: tables.registrations, contact: tables.contacts })
    .from(tables.webinars)
    .leftJoin(
      tables.registrations,
      and(
        eq(tables.registrations.id, sql`${notification.registrationId}::uuid`),
        eq(tables.registrations.webinarId, tables.webinars.id),
      ),
    )
    .leftJoin(tables.contacts, eq(tables.contacts.id, sql`${notification.contactId}::uuid`))
    .where(eq(tables.webinars.id, notification.webinarId));
  if (!row) return null;
  return { notification, webinar: row.webinar, registration: row.registration, contact: row.contact };
}

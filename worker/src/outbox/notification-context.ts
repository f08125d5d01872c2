import { tables, type Db } from '@convene/shared/db';
import { eq } from 'drizzle-orm';

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

export async function loadNotificationContext(
  db: Db,
  notification: NotificationRow,
): Promise<NotificationContext | null> {
  const [webinar] = await db.select().from(tables.webinars).where(eq(tables.webinars.id, notification.webinarId));
  if (!webinar) return null;
  let registration: RegistrationRow | null = null;
  if (notification.registrationId) {
    const [row] = await db
      .select()
      .from(tables.registrations)
      .where(eq(tables.registrations.id, notification.registrationId));
    registration = row ?? null;
  }
  let contact: ContactRow | null = null;
  if (notification.contactId) {
    const [row] = await db.select().from(tables.contacts).where(eq(tables.contacts.id, notification.contactId));
    contact = row ?? null;
  }
  return { notification, webinar, registration, contact };
}

import { tables, type Db } from '@convene/shared/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { NotificationContext, NotificationRow } from './notification-context.js';

/**
 * The contexts of a claimed batch in one query: each row's webinar, and its registration or
 * contact when it has one. Rows whose webinar is gone are missing from the map.
 */
export async function loadNotificationContexts(
  db: Db,
  notifications: NotificationRow[],
): Promise<Map<string, NotificationContext>> {
  const byId = new Map(notifications.filter((row) => row.webinarId).map((row) => [row.id, row]));
  const contexts = new Map<string, NotificationContext>();
  if (byId.size === 0) return contexts;
  const n = tables.notifications;
  const rows = await db
    .select({ id: n.id, webinar: tables.webinars, registration: tables.registrations, contact: tables.contacts })
    .from(n)
    .innerJoin(tables.webinars, eq(tables.webinars.id, n.webinarId))
    .leftJoin(
      tables.registrations,
      and(eq(tables.registrations.id, n.registrationId), eq(tables.registrations.webinarId, tables.webinars.id)),
    )
    .leftJoin(tables.contacts, eq(tables.contacts.id, n.contactId))
    .where(inArray(n.id, [...byId.keys()]));
  // One object per webinar, so what is rendered per webinar can be kept by identity.
  const webinars = new Map<string, NotificationContext['webinar']>();
  for (const row of rows) {
    const notification = byId.get(row.id);
    if (!notification) continue;
    let webinar = webinars.get(row.webinar.id);
    if (!webinar) webinars.set(row.webinar.id, (webinar = row.webinar));
    contexts.set(row.id, { notification, webinar, registration: row.registration, contact: row.contact });
  }
  return contexts;
}

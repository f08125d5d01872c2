import type { tables } from '@convene/shared/db';

type Webinar = typeof tables.webinars.$inferSelect;
type Registration = typeof tables.registrations.$inferSelect;
type NewNotification = typeof tables.notifications.$inferInsert;

/**
 * The outbox rows a new registration creates. The dedupe key names target, kind, webinar
 * and version, so the database refuses a second confirmation for the same registration.
 */
export function planRegistrationNotifications(
  webinar: Webinar,
  registration: Registration,
  now: Date,
): NewNotification[] {
  return [
    {
      kind: 'confirmation',
      webinarId: webinar.id,
      registrationId: registration.id,
      webinarVersion: webinar.version,
      dedupeKey: `confirmation:${registration.id}:${webinar.id}`,
      scheduledAt: now,
    },
  ];
}

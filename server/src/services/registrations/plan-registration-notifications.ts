import { planReminders } from '../notifications/plan-reminders.js';
import { roundKey } from '../notifications/round-key.js';
import type { NewNotification, RegistrationRow, WebinarRow } from '../notifications/types.js';

/**
 * The outbox rows a new registration creates: its confirmation, and for a confirmed
 * registrant the reminders still ahead. Dedupe keys name target, kind, webinar and version.
 */
export function planRegistrationNotifications(
  webinar: WebinarRow,
  registration: Pick<RegistrationRow, 'id' | 'round' | 'status'>,
  now: Date,
): NewNotification[] {
  const confirmation: NewNotification = {
    kind: 'confirmation',
    webinarId: webinar.id,
    registrationId: registration.id,
    webinarVersion: webinar.version,
    dedupeKey: roundKey(`confirmation:${registration.id}:${webinar.id}`, registration.round),
    scheduledAt: now,
  };
  return registration.status === 'confirmed'
    ? [confirmation, ...planReminders(webinar, registration, now)]
    : [confirmation];
}

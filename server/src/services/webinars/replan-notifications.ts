import { tables, type Tx } from '@convene/shared/db';
import { and, eq, notInArray } from 'drizzle-orm';
import { activeRegistrations } from '../notifications/active-registrations.js';
import { cancelPending } from '../notifications/cancel-pending.js';
import { planReminders } from '../notifications/plan-reminders.js';
import { roundKey } from '../notifications/round-key.js';
import type { NewNotification, PlannedNotification, WebinarRow } from '../notifications/types.js';
import { writeNotifications } from '../notifications/write-notifications.js';

/**
 * After a change of start time (the webinar already carries its new version): unsent
 * reminders and reschedule notices of older versions are cancelled, every active
 * registrant gets one "rescheduled" message, and confirmed registrants get the reminders
 * still ahead of the new time (Indico re-times; Decidim checks a checksum at send time —
 * Convene does both).
 */
export async function replanAfterReschedule(tx: Tx, webinar: WebinarRow, now: Date): Promise<PlannedNotification[]> {
  await cancelPending(tx, { webinarId: webinar.id, kinds: ['reminder', 'reschedule'] }, 'rescheduled');
  const rows: NewNotification[] = [];
  for (const registration of await activeRegistrations(tx, webinar.id)) {
    rows.push({
      kind: 'reschedule',
      webinarId: webinar.id,
      registrationId: registration.id,
      webinarVersion: webinar.version,
      dedupeKey: roundKey(`reschedule:${registration.id}:v${webinar.version}`, registration.round),
      scheduledAt: now,
    });
    if (registration.status === 'confirmed') rows.push(...planReminders(webinar, registration, now));
  }
  return writeNotifications(tx, rows);
}

/**
 * After the reminder offsets changed (same start time): reminders for dropped offsets are
 * cancelled and the new offsets planned; reminders that stay keep their rows.
 */
export async function replanReminderOffsets(tx: Tx, webinar: WebinarRow, now: Date): Promise<PlannedNotification[]> {
  const n = tables.notifications;
  await tx
    .update(n)
    .set({ status: 'cancelled', lastError: 'offset removed', updatedAt: now })
    .where(
      and(
        eq(n.webinarId, webinar.id),
        eq(n.kind, 'reminder'),
        eq(n.status, 'pending'),
        webinar.reminderOffsetsMinutes.length > 0
          ? notInArray(n.offsetMinutes, webinar.reminderOffsetsMinutes)
          : undefined,
      ),
    );
  const rows: NewNotification[] = [];
  for (const registration of await activeRegistrations(tx, webinar.id)) {
    if (registration.status === 'confirmed') rows.push(...planReminders(webinar, registration, now));
  }
  return writeNotifications(tx, rows);
}

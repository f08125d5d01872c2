import { roundKey } from './round-key.js';
import type { NewNotification, WebinarRow } from './types.js';

/**
 * The reminders still ahead of a confirmed registrant: one per offset whose send time is
 * in the future. Someone registering 2 days before the start gets the 1-day and 1-hour
 * reminders, not the 7-day one (pretix #3757); 30 minutes before, none.
 */
export function planReminders(
  webinar: WebinarRow,
  registration: { id: string; round: number },
  now: Date,
): NewNotification[] {
  const start = webinar.startsAt.getTime();
  return webinar.reminderOffsetsMinutes
    .filter((offset) => start - offset * 60_000 > now.getTime())
    .map((offset) => ({
      kind: 'reminder' as const,
      webinarId: webinar.id,
      registrationId: registration.id,
      webinarVersion: webinar.version,
      offsetMinutes: offset,
      dedupeKey: roundKey(`reminder:${registration.id}:v${webinar.version}:${offset}`, registration.round),
      scheduledAt: new Date(start - offset * 60_000),
    }));
}

import type { NewNotification, WebinarRow } from './types.js';

/**
 * The reminders still ahead of a confirmed registrant: one per offset whose send time is
 * in the future. Someone registering 2 days before the start gets the 1-day and 1-hour
 * reminders, not the 7-day one (pretix #3757); 30 minutes before, none.
 */
export function planReminders(webinar: WebinarRow, registrationId: string, now: Date): NewNotification[] {
  const start = webinar.startsAt.getTime();
  return webinar.reminderOffsetsMinutes
    .filter((offset) => start - offset * 60_000 > now.getTime())
    .map((offset) => ({
      kind: 'reminder' as const,
      webinarId: webinar.id,
      registrationId,
      webinarVersion: webinar.version,
      offsetMinutes: offset,
      dedupeKey: `reminder:${registrationId}:v${webinar.version}:${offset}`,
      scheduledAt: new Date(start - offset * 60_000),
    }));
}

import type { tables } from '@convene/shared/db';
import { AppError } from '../../errors/app-error.js';

type WebinarRow = typeof tables.webinars.$inferSelect;

/** When a webinar ends: its start plus its duration. */
export function endOf(webinar: Pick<WebinarRow, 'startsAt' | 'durationMinutes'>): Date {
  return new Date(webinar.startsAt.getTime() + webinar.durationMinutes * 60_000);
}

/**
 * Attendance is recorded between the start and the completion: before the start nobody
 * attended yet, and completion mails each registrant by what was recorded, so it is final then.
 */
export function assertAttendanceOpen(webinar: WebinarRow, now: Date): void {
  if (webinar.status !== 'scheduled') {
    throw new AppError(409, 'attendance_closed', `Attendance of a ${webinar.status} webinar cannot change`);
  }
  if (webinar.startsAt.getTime() > now.getTime()) {
    throw new AppError(409, 'webinar_not_started', 'Attendance can be recorded once the webinar has started');
  }
}

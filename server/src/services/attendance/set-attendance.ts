import type { TRegistrant } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import { lockWebinar } from '../webinars/lock-webinar.js';
import { toRegistrant } from '../webinars/list-registrants.js';
import { assertAttendanceOpen } from './attendance-window.js';

/** Ticks (or unticks) one registrant's attendance by hand. */
export async function setAttendance(
  db: Db,
  webinarId: string,
  registrationId: string,
  attended: boolean,
  now = new Date(),
): Promise<TRegistrant> {
  return db.transaction(async (tx) => {
    assertAttendanceOpen(await lockWebinar(tx, webinarId), now);
    const r = tables.registrations;
    const [current] = await tx
      .select()
      .from(r)
      .where(and(eq(r.id, registrationId), eq(r.webinarId, webinarId)));
    if (!current) throw AppError.notFound('Registration');
    if (current.status === 'cancelled') {
      throw new AppError(409, 'registration_cancelled', 'A cancelled registration has no attendance');
    }
    if (Boolean(current.attendedAt) === attended) return toRegistrant(current);
    const [row = current] = await tx
      .update(r)
      .set(
        attended
          ? { attendedAt: now, attendanceSource: 'manual', updatedAt: now }
          : { attendedAt: null, attendanceSource: null, updatedAt: now },
      )
      .where(eq(r.id, registrationId))
      .returning();
    return toRegistrant(row);
  });
}

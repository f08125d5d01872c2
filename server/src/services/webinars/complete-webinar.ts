import type { TAdminWebinar } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { and, eq, ne } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import { endOf } from '../attendance/attendance-window.js';
import { cancelPending } from '../notifications/cancel-pending.js';
import type { PlannedNotification } from '../notifications/types.js';
import { writeNotifications } from '../notifications/write-notifications.js';
import { countRegistrations, NO_REGISTRATIONS } from './count-registrations.js';
import type { WebinarDeps } from './update-webinar.js';
import { lockWebinar } from './lock-webinar.js';
import { toAdminWebinar } from './webinar-views.js';

/**
 * Marks a webinar completed (optionally with its recording), once it is over. Attendees get
 * a follow-up (thanks, recording, input form) and confirmed absentees an absentee follow-up
 * (sorry we missed you, recording, the same form). Both kinds share one dedupe key per
 * registration, so each person gets exactly one of them, however often this runs.
 */
export async function completeWebinar(
  deps: WebinarDeps,
  id: string,
  recordingUrl: string | null,
  now = new Date(),
): Promise<TAdminWebinar> {
  const { webinar, planned } = await deps.db.transaction(async (tx) => {
    const w = tables.webinars;
    const current = await lockWebinar(tx, id);
    if (current.status === 'cancelled' || current.status === 'draft') {
      throw new AppError(409, 'webinar_not_held', `A ${current.status} webinar cannot be completed`);
    }
    // Completing early once mailed "thanks for attending" before the start (issue 9, defect 6).
    const endsAt = endOf(current);
    if (now.getTime() < endsAt.getTime()) {
      throw new AppError(
        409,
        'webinar_not_over',
        `The webinar ends at ${endsAt.toISOString()}: complete it after that`,
      );
    }
    const [row = current] = await tx
      .update(w)
      .set({ status: 'completed', recordingUrl: recordingUrl ?? current.recordingUrl, updatedAt: now })
      .where(eq(w.id, id))
      .returning();
    await cancelPending(tx, { webinarId: id, kinds: ['reminder', 'reschedule', 'invitation'] }, 'webinar completed');
    const r = tables.registrations;
    const registrants = await tx
      .select({ id: r.id, status: r.status, attendedAt: r.attendedAt })
      .from(r)
      .where(and(eq(r.webinarId, id), ne(r.status, 'cancelled')));
    // Attendees, whatever their status (someone waitlisted may have come in); absentees had a place.
    const recipients = registrants.flatMap((a): { id: string; kind: 'follow_up' | 'follow_up_absentee' }[] =>
      a.attendedAt
        ? [{ id: a.id, kind: 'follow_up' }]
        : a.status === 'confirmed'
          ? [{ id: a.id, kind: 'follow_up_absentee' }]
          : [],
    );
    const planned: PlannedNotification[] = await writeNotifications(
      tx,
      recipients.map((a) => ({
        kind: a.kind,
        webinarId: id,
        registrationId: a.id,
        webinarVersion: row.version,
        dedupeKey: `follow_up:${a.id}`,
        scheduledAt: now,
      })),
    );
    const counts = (await countRegistrations(tx, [id])).get(id);
    return { webinar: toAdminWebinar(row, counts ?? NO_REGISTRATIONS), planned };
  });
  await deps.mailQueue.enqueue(planned);
  return webinar;
}

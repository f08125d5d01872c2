import type { TAdminWebinar } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import { cancelPending } from '../notifications/cancel-pending.js';
import type { PlannedNotification } from '../notifications/types.js';
import { writeNotifications } from '../notifications/write-notifications.js';
import { countRegistrations, NO_REGISTRATIONS } from './count-registrations.js';
import type { WebinarDeps } from './update-webinar.js';
import { lockWebinar } from './lock-webinar.js';
import { toAdminWebinar } from './webinar-views.js';

/**
 * Marks a webinar completed (optionally with its recording) and sends each confirmed
 * registrant one follow-up with the recording and a link to the regional input form.
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
    const [row = current] = await tx
      .update(w)
      .set({ status: 'completed', recordingUrl: recordingUrl ?? current.recordingUrl, updatedAt: now })
      .where(eq(w.id, id))
      .returning();
    await cancelPending(tx, { webinarId: id, kinds: ['reminder', 'reschedule', 'invitation'] }, 'webinar completed');
    const r = tables.registrations;
    const attendees = await tx
      .select({ id: r.id })
      .from(r)
      .where(and(eq(r.webinarId, id), eq(r.status, 'confirmed')));
    const planned: PlannedNotification[] = await writeNotifications(
      tx,
      attendees.map((a) => ({
        kind: 'follow_up' as const,
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

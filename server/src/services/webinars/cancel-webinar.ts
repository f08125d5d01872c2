import type { TAdminWebinar } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { eq } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import { activeRegistrations } from '../notifications/active-registrations.js';
import { cancelPending } from '../notifications/cancel-pending.js';
import { roundKey } from '../notifications/round-key.js';
import type { PlannedNotification } from '../notifications/types.js';
import { writeNotifications } from '../notifications/write-notifications.js';
import { countRegistrations, NO_REGISTRATIONS } from './count-registrations.js';
import type { WebinarDeps } from './update-webinar.js';
import { lockWebinar } from './lock-webinar.js';
import { toAdminWebinar } from './webinar-views.js';

/**
 * Cancels a webinar: every unsent mail about it is cancelled, and each active registrant
 * gets exactly one cancellation (with an iCalendar CANCEL). Cancelling twice is a no-op.
 */
export async function cancelWebinar(deps: WebinarDeps, id: string, now = new Date()): Promise<TAdminWebinar> {
  const { webinar, planned } = await deps.db.transaction(async (tx) => {
    const w = tables.webinars;
    const current = await lockWebinar(tx, id);
    if (current.status === 'completed')
      throw new AppError(409, 'webinar_closed', 'A completed webinar cannot be cancelled');
    let planned: PlannedNotification[] = [];
    let row = current;
    if (current.status !== 'cancelled') {
      [row = current] = await tx.update(w).set({ status: 'cancelled', updatedAt: now }).where(eq(w.id, id)).returning();
      await cancelPending(tx, { webinarId: id }, 'webinar cancelled');
      const registrations = await activeRegistrations(tx, id);
      planned = await writeNotifications(
        tx,
        registrations.map((r) => ({
          kind: 'cancellation' as const,
          webinarId: id,
          registrationId: r.id,
          webinarVersion: row.version,
          dedupeKey: roundKey(`cancellation:${r.id}`, r.round),
          scheduledAt: now,
        })),
      );
    }
    const counts = (await countRegistrations(tx, [id])).get(id);
    return { webinar: toAdminWebinar(row, counts ?? NO_REGISTRATIONS), planned };
  });
  await deps.mailQueue.enqueue(planned);
  return webinar;
}

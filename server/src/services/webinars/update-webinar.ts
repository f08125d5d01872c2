import { englishError, type TAdminWebinar, type TUpdateWebinar } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { and, eq, ne } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import type { MailQueue } from '../../queues/mail-queue.js';
import type { PlannedNotification } from '../notifications/types.js';
import { promoteFromWaitlist } from '../registrations/promote-from-waitlist.js';
import { assertThemeExists } from './assert-theme-exists.js';
import { countRegistrations, NO_REGISTRATIONS } from './count-registrations.js';
import { replanAfterReschedule, replanReminderOffsets } from './replan-notifications.js';
import { lockWebinar } from './lock-webinar.js';
import { toAdminWebinar } from './webinar-views.js';

export type WebinarDeps = { db: Db; mailQueue: MailQueue };

/**
 * Edits a webinar. A new start time bumps the version — mail planned for the old time is
 * then skipped at send time — and re-plans reminders and "rescheduled" notices in the same
 * transaction. Cancelled and completed webinars are frozen.
 */
export async function updateWebinar(
  deps: WebinarDeps,
  id: string,
  patch: TUpdateWebinar,
  now = new Date(),
): Promise<TAdminWebinar> {
  const { webinar, planned } = await deps.db.transaction(async (tx) => {
    const w = tables.webinars;
    const current = await lockWebinar(tx, id);
    if (current.status === 'cancelled' || current.status === 'completed') {
      throw new AppError(409, 'webinar_closed', `A ${current.status} webinar cannot be edited`);
    }
    if (patch.themeSlug) await assertThemeExists(tx, patch.themeSlug);
    if (patch.slug && patch.slug !== current.slug) {
      const [taken] = await tx
        .select({ id: w.id })
        .from(w)
        .where(and(eq(w.slug, patch.slug), ne(w.id, id)));
      if (taken) {
        throw new AppError(409, 'slug_taken', 'A webinar with this slug exists', {
          slug: { code: 'invalid_slug', message: englishError('invalid_slug') },
        });
      }
    }
    const startsAt = patch.startsAt ? new Date(patch.startsAt) : undefined;
    const moved = startsAt !== undefined && startsAt.getTime() !== current.startsAt.getTime();
    const offsetsChanged =
      patch.reminderOffsetsMinutes !== undefined &&
      [...patch.reminderOffsetsMinutes].sort().join() !== [...current.reminderOffsetsMinutes].sort().join();
    const [row] = await tx
      .update(w)
      .set({ ...patch, startsAt, version: moved ? current.version + 1 : current.version, updatedAt: now })
      .where(eq(w.id, id))
      .returning();
    if (!row) throw AppError.notFound('Webinar');

    let planned: PlannedNotification[] = [];
    if (row.status === 'scheduled' && moved) planned = await replanAfterReschedule(tx, row, now);
    else if (row.status === 'scheduled' && offsetsChanged) planned = await replanReminderOffsets(tx, row, now);
    // More seats (or no limit any more): the waiting list moves up, first come first served.
    if (row.status === 'scheduled' && patch.capacity !== undefined) {
      planned = [...planned, ...(await promoteFromWaitlist(tx, id, now))];
    }
    const counts = (await countRegistrations(tx, [id])).get(id);
    return { webinar: toAdminWebinar(row, counts ?? NO_REGISTRATIONS), planned };
  });
  await deps.mailQueue.enqueue(planned);
  return webinar;
}

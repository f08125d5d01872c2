import { REGISTRATION_DELETED } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { eraseRegistrants, removeOutboxCopies } from '@convene/shared/privacy';
import { eq, sql } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { AppError } from '../../errors/app-error.js';
import type { MailQueue } from '../../queues/mail-queue.js';
import type { PlannedNotification } from '../notifications/types.js';
import { promoteFromWaitlist } from './promote-from-waitlist.js';

/**
 * What a deleted registration's manage_token column holds: a hash of the old token, so the old
 * link can say "deleted" (410) instead of "not found". The colon keeps it out of the token
 * pattern, so the stored value itself is no working token.
 */
export function deletedTokenMarker(token: string): string {
  return `deleted:${createHash('sha256').update(token).digest('hex')}`;
}

export const registrationDeleted = () =>
  new AppError(410, REGISTRATION_DELETED, 'This registration and its personal data were deleted');

/** Who erased it, as the audit log records it: the registrant (no account) or a coordinator. */
export type Eraser = { kind: 'registrant' } | { kind: 'coordinator'; id: string; email: string };

export const REGISTRANT_ACTOR = 'registrant (manage link)';

/**
 * Deletes a registration's personal data for good, on the registrant's own request or a
 * coordinator's on their behalf: a place they held is freed (and given to the waiting list),
 * their pending mail is cancelled — no reminder can reach them later — and their details are
 * erased exactly as the retention policy erases them (eraseRegistrants: counts by country and
 * language stay). No mail is sent to an address being erased. One audit entry with ids only.
 */
export async function deleteRegistration(
  deps: { db: Db; mailQueue: MailQueue; dataDir: string },
  registrationId: string,
  by: Eraser,
  now = new Date(),
  /** The webinar the caller reached it under (the workspace's URL): another's registration is not found. */
  webinarId?: string,
): Promise<void> {
  const outcome = await deps.db.transaction(async (tx) => {
    const w = tables.webinars;
    const r = tables.registrations;
    const [found] = await tx.select({ webinarId: r.webinarId }).from(r).where(eq(r.id, registrationId));
    if (!found || (webinarId !== undefined && found.webinarId !== webinarId)) throw AppError.notFound('Registration');
    // The webinar lock orders this with seat allocation and cancellations, as a cancellation does.
    const [webinar] = await tx.select().from(w).where(eq(w.id, found.webinarId)).for('update');
    const [current] = await tx.select().from(r).where(eq(r.id, registrationId)).for('update');
    if (!webinar || !current) throw AppError.notFound('Registration');
    if (current.personalDataErasedAt) throw registrationDeleted();
    const planned: PlannedNotification[] = [];
    if (current.status !== 'cancelled' && webinar.status === 'scheduled') {
      await tx.update(r).set({ status: 'cancelled', cancelledAt: now, updatedAt: now }).where(eq(r.id, current.id));
      if (current.status === 'confirmed') {
        await tx
          .update(w)
          .set({ confirmedCount: sql`greatest(${w.confirmedCount} - 1, 0)` })
          .where(eq(w.id, webinar.id));
        planned.push(...(await promoteFromWaitlist(tx, webinar.id, now)));
      }
    }
    const erased = await eraseRegistrants(tx, [current.id], now);
    await tx
      .update(r)
      .set({ manageToken: deletedTokenMarker(current.manageToken) })
      .where(eq(r.id, current.id));
    await tx.insert(tables.auditLog).values({
      actorId: by.kind === 'coordinator' ? by.id : null,
      actorEmail: by.kind === 'coordinator' ? by.email : REGISTRANT_ACTOR,
      action: by.kind === 'coordinator' ? 'registration.erase_on_request' : 'registration.delete',
      targetType: 'registration',
      targetId: current.id,
      details: { webinarId: webinar.id },
    });
    return { planned, notificationIds: erased.notificationIds };
  });
  await removeOutboxCopies(deps.dataDir, outcome.notificationIds);
  await deps.mailQueue.enqueue(outcome.planned);
}

import { tables, type Db } from '@convene/shared/db';
import { and, eq, isNull, lte, sql } from 'drizzle-orm';
import type { NotificationRow } from './notification-context.js';

const n = tables.notifications;

// The two statements every send runs are prepared once per database: building a drizzle
// query costs more CPU than PostgreSQL spends running it.
const prepared = new WeakMap<Db, ReturnType<typeof prepare>>();

function prepare(db: Db) {
  return {
    claim: db
      .update(n)
      .set({ status: 'sending', claimedAt: sql`now()`, attempts: sql`${n.attempts} + 1`, updatedAt: sql`now()` })
      .where(
        and(
          eq(n.id, sql.placeholder('id')),
          eq(n.status, 'pending'),
          lte(n.scheduledAt, sql`now() + interval '5 seconds'`),
        ),
      )
      .returning()
      .prepare('convene_claim_notification'),
    markSent: db
      .update(n)
      .set({
        status: 'sent',
        sentAt: sql`now()`,
        providerMessageId: sql`${sql.placeholder('messageId')}`,
        lastError: null,
        updatedAt: sql`now()`,
      })
      .where(and(eq(n.id, sql.placeholder('id')), eq(n.status, 'sending')))
      .prepare('convene_mark_notification_sent'),
  };
}

function statements(db: Db) {
  let s = prepared.get(db);
  if (!s) {
    s = prepare(db);
    prepared.set(db, s);
  }
  return s;
}

/**
 * Claims a due outbox row (pending -> sending) with a guarded UPDATE. Only one run can
 * win; a second run of the same job, or a job that fires early, gets null and does nothing.
 * "Due" is judged by the database clock, the same for every worker host.
 */
export async function claimNotification(db: Db, id: string): Promise<NotificationRow | null> {
  const [row] = await statements(db).claim.execute({ id });
  return row ?? null;
}

/**
 * Takes over a row left "sending" by a worker BullMQ has declared dead (the job stalled:
 * its lock expired). Without this the row would wait for the reconciler's stale-claim
 * period. A duplicate is possible only if the dead worker had already handed the message
 * to SMTP — the at-least-once price, bounded by the jobs in flight.
 */
export async function reclaimStalled(db: Db, id: string): Promise<NotificationRow | null> {
  const [row] = await db
    .update(n)
    .set({ claimedAt: sql`now()`, attempts: sql`${n.attempts} + 1`, updatedAt: sql`now()` })
    .where(and(eq(n.id, id), eq(n.status, 'sending')))
    .returning();
  return row ?? null;
}

export async function markSent(db: Db, id: string, providerMessageId: string): Promise<void> {
  await statements(db).markSent.execute({ id, messageId: providerMessageId });
}

/**
 * Marks an account mail sent and, in the same statement, erases the link's secret it carried:
 * from then on only the token's hash remains in the database.
 */
export async function markAccountMailSent(db: Db, id: string, providerMessageId: string): Promise<void> {
  await db.execute(sql`
    WITH sent AS (
      UPDATE notifications
         SET status = 'sent', sent_at = now(), provider_message_id = ${providerMessageId},
             last_error = NULL, updated_at = now()
       WHERE id = ${id} AND status = 'sending'
      RETURNING account_invitation_id, password_reset_id
    ), invitation AS (
      UPDATE account_invitations SET mail_token = NULL
       WHERE id IN (SELECT account_invitation_id FROM sent)
    )
    UPDATE password_resets SET mail_token = NULL WHERE id IN (SELECT password_reset_id FROM sent)`);
}

/** An account mail that will never go out: its link's secret is not kept either. */
export async function eraseMailToken(db: Db, notification: NotificationRow): Promise<void> {
  if (notification.accountInvitationId) {
    await db
      .update(tables.accountInvitations)
      .set({ mailToken: null })
      .where(eq(tables.accountInvitations.id, notification.accountInvitationId));
  }
  if (notification.passwordResetId) {
    await db
      .update(tables.passwordResets)
      .set({ mailToken: null })
      .where(eq(tables.passwordResets.id, notification.passwordResetId));
  }
}

/** Mail that must not go out any more (webinar cancelled, registration cancelled…). */
export async function markSkipped(db: Db, id: string, reason: string): Promise<void> {
  await db
    .update(n)
    .set({ status: 'cancelled', lastError: reason, updatedAt: new Date() })
    .where(and(eq(n.id, id), eq(n.status, 'sending')));
}

export async function markFailed(db: Db, id: string, reason: string): Promise<void> {
  await db
    .update(n)
    .set({ status: 'failed', lastError: reason.slice(0, 500), updatedAt: new Date() })
    .where(and(eq(n.id, id), eq(n.status, 'sending')));
}

/** Gives a claimed row back after a temporary failure, so a retry can claim it again. */
export async function releaseClaim(db: Db, id: string, reason: string): Promise<void> {
  await db
    .update(n)
    .set({ status: 'pending', claimedAt: null, lastError: reason.slice(0, 500), updatedAt: new Date() })
    .where(and(eq(n.id, id), eq(n.status, 'sending')));
}

/** A hard bounce: the address is marked undeliverable and no campaign mails it again. */
export async function markUndeliverable(db: Db, contactId: string): Promise<void> {
  await db
    .update(tables.contacts)
    .set({ undeliverableAt: new Date(), updatedAt: new Date() })
    .where(and(eq(tables.contacts.id, contactId), isNull(tables.contacts.undeliverableAt)));
}

import { randomUUID } from 'node:crypto';
import { tables, type Db } from '@convene/shared/db';
import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { NotificationRow } from './notification-context.js';
import { perDatabase } from './per-database.js';

const n = tables.notifications;

// The three statements every send runs are prepared once per database: building a drizzle
// query costs more CPU than PostgreSQL spends running it.
function prepare(db: Db) {
  const token = sql.placeholder('token');
  return {
    claim: db
      .update(n)
      .set({
        status: 'sending',
        claimedAt: sql`now()`,
        claimToken: sql`${token}`,
        // A resumed claim is the same attempt carrying on; only a claim from pending counts.
        attempts: sql`${n.attempts} + CASE WHEN ${n.status} = 'pending' THEN 1 ELSE 0 END`,
        updatedAt: sql`now()`,
      })
      .where(
        and(
          eq(n.id, sql.placeholder('id')),
          lte(n.scheduledAt, sql`now() + interval '5 seconds'`),
          or(
            eq(n.status, 'pending'),
            and(
              eq(n.status, 'sending'),
              sql`starts_with(${n.claimToken}, ${sql.placeholder('job')})`,
              or(isNull(n.handedOffAt), sql`${sql.placeholder('resumeHandedOff')}::boolean`),
            ),
          ),
        ),
      )
      .returning()
      .prepare('convene_claim_notification'),
    handOff: db
      .update(n)
      .set({ handedOffAt: sql`now()` })
      .where(and(eq(n.id, sql.placeholder('id')), eq(n.status, 'sending'), eq(n.claimToken, token)))
      .returning({ id: n.id })
      .prepare('convene_hand_off_notification'),
    markSent: db
      .update(n)
      .set({
        status: 'sent',
        sentAt: sql`now()`,
        providerMessageId: sql`${sql.placeholder('messageId')}`,
        lastError: null,
        updatedAt: sql`now()`,
      })
      .where(and(eq(n.id, sql.placeholder('id')), eq(n.status, 'sending'), eq(n.claimToken, token)))
      .prepare('convene_mark_notification_sent'),
  };
}

const statements = perDatabase(prepare);

/** The part of a claim token that names the job: the same for its retries and a stalled takeover. */
export function jobClaimPrefix(job: { id?: string | null; timestamp: number }): string {
  return `${job.id ?? ''}@${job.timestamp}/`;
}

/** The id of the job whose run holds a claim, from its token (job ids hold no "@"). */
export function claimOwnerJobId(token: string): string | undefined {
  const at = token.indexOf('@');
  return at > 0 ? token.slice(0, at) : undefined;
}

/** A fresh claim token for one run of a job: the job's prefix and a random part of this run's own. */
export function newClaimToken(job: { id?: string | null; timestamp: number }): string {
  return `${jobClaimPrefix(job)}${randomUUID()}`;
}

export type ClaimOptions = {
  /** This run's token (newClaimToken). */
  token: string;
  /**
   * May this run take over a claim of its own job whose mail was already handed to SMTP?
   * Only when an earlier run of the job is known to be over (it failed, or BullMQ declared it
   * stalled): never from a run of the same job still in progress.
   */
  resumeHandedOff: boolean;
};

/**
 * Claims a due outbox row (pending -> sending) with a guarded UPDATE, or resumes a claim an
 * earlier run of the same job left behind (a statement after the claim failed, or the worker
 * died). Only one run can hold the claim; the others get null and do nothing.
 * "Due" is judged by the database clock, the same for every worker host.
 */
export async function claimNotification(db: Db, id: string, options: ClaimOptions): Promise<NotificationRow | null> {
  const [row] = await statements(db).claim.execute({
    id,
    token: options.token,
    job: options.token.slice(0, options.token.lastIndexOf('/') + 1),
    resumeHandedOff: options.resumeHandedOff,
  });
  return row ?? null;
}

/**
 * Records that the mail is about to be handed to SMTP. From here on the mail may have gone
 * out, so the claim is never released as "never sent". False when the claim is no longer
 * this run's (the reconciler released it, another run resumed it): then nothing is sent.
 */
export async function markHandedOff(db: Db, id: string, token: string): Promise<boolean> {
  const rows = await statements(db).handOff.execute({ id, token });
  return rows.length > 0;
}

/** Records the send; only the claim's holder can. */
export async function markSent(db: Db, id: string, token: string, providerMessageId: string): Promise<void> {
  await statements(db).markSent.execute({ id, token, messageId: providerMessageId });
}

/**
 * Marks an account mail sent and, in the same statement, erases the link's secret it carried:
 * from then on only the token's hash remains in the database.
 */
export async function markAccountMailSent(db: Db, id: string, token: string, providerMessageId: string): Promise<void> {
  await db.execute(sql`
    WITH sent AS (
      UPDATE notifications
         SET status = 'sent', sent_at = now(), provider_message_id = ${providerMessageId},
             last_error = NULL, updated_at = now()
       WHERE id = ${id} AND status = 'sending' AND claim_token = ${token}
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
export async function markSkipped(db: Db, id: string, token: string, reason: string): Promise<void> {
  await db
    .update(n)
    .set({ status: 'cancelled', lastError: reason, updatedAt: new Date() })
    .where(and(eq(n.id, id), eq(n.status, 'sending'), eq(n.claimToken, token)));
}

export async function markFailed(db: Db, id: string, token: string, reason: string): Promise<void> {
  await db
    .update(n)
    .set({ status: 'failed', lastError: reason.slice(0, 500), updatedAt: new Date() })
    .where(and(eq(n.id, id), eq(n.status, 'sending'), eq(n.claimToken, token)));
}

/**
 * Gives a claimed row back (pending, no claim, not handed off), so any job can claim it
 * again. Only the claim's holder can; returns whether it did.
 */
export async function releaseClaim(db: Db, id: string, token: string, reason?: string): Promise<boolean> {
  const rows = await db
    .update(n)
    .set({
      status: 'pending',
      claimedAt: null,
      claimToken: null,
      handedOffAt: null,
      ...(reason === undefined ? {} : { lastError: reason.slice(0, 500) }),
      updatedAt: new Date(),
    })
    .where(and(eq(n.id, id), eq(n.status, 'sending'), eq(n.claimToken, token)))
    .returning({ id: n.id });
  return rows.length > 0;
}

/** A hard bounce: the address is marked undeliverable and no campaign mails it again. */
export async function markUndeliverable(db: Db, contactId: string): Promise<void> {
  await db
    .update(tables.contacts)
    .set({ undeliverableAt: new Date(), updatedAt: new Date() })
    .where(and(eq(tables.contacts.id, contactId), isNull(tables.contacts.undeliverableAt)));
}

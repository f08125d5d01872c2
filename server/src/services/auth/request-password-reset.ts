import { randomBytes } from 'node:crypto';
import { tables, type Db } from '@convene/shared/db';
import { and, eq, isNull } from 'drizzle-orm';
import type { MailQueue } from '../../queues/mail-queue.js';
import { hashInvitationToken } from '../accounts/invitation-token.js';
import { writeNotifications } from '../notifications/write-notifications.js';

/** A reset link is short-lived: it is a password by mail. */
export const RESET_VALID_MINUTES = 30;

export type PasswordResetDeps = { db: Db; mailQueue: MailQueue };

/**
 * "Forgot password": for an active account, a single-use link valid 30 minutes goes to the
 * outbox (earlier unused links of the account stop working). For an unknown or inactive
 * address nothing happens. The caller answers the same either way; this returns whether a
 * mail was planned only for tests and logs of counts.
 */
export async function requestPasswordReset(deps: PasswordResetDeps, email: string, now = new Date()): Promise<boolean> {
  deps.mailQueue.assertAvailable();
  const [account] = await deps.db
    .select({ id: tables.coordinatorAccounts.id, active: tables.coordinatorAccounts.active })
    .from(tables.coordinatorAccounts)
    .where(eq(tables.coordinatorAccounts.email, email.trim().toLowerCase()));
  if (!account?.active) return false;
  const token = randomBytes(32).toString('base64url');
  const planned = await deps.db.transaction(async (tx) => {
    // One live link at a time: asking again voids the previous one.
    await tx
      .update(tables.passwordResets)
      .set({ usedAt: now, mailToken: null })
      .where(and(eq(tables.passwordResets.accountId, account.id), isNull(tables.passwordResets.usedAt)));
    const [reset] = await tx
      .insert(tables.passwordResets)
      .values({
        accountId: account.id,
        tokenHash: hashInvitationToken(token),
        mailToken: token,
        expiresAt: new Date(now.getTime() + RESET_VALID_MINUTES * 60_000),
      })
      .returning({ id: tables.passwordResets.id });
    return writeNotifications(tx, [
      {
        kind: 'password_reset',
        accountId: account.id,
        passwordResetId: reset!.id,
        webinarVersion: 0,
        dedupeKey: `password_reset:${reset!.id}`,
        scheduledAt: now,
      },
    ]);
  });
  await deps.mailQueue.enqueue(planned);
  return true;
}

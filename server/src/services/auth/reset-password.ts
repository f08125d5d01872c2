import { tables, type Db } from '@convene/shared/db';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import { hashInvitationToken } from '../accounts/invitation-token.js';
import { recordAudit } from '../audit/record-audit.js';
import { hashPassword } from './password.js';

const invalid = () => new AppError(410, 'reset_invalid', 'This password link has expired or was already used');

/** Whether a reset link can still be used (for the page to say so before the form). */
export async function checkPasswordReset(db: Db, token: string, now = new Date()): Promise<void> {
  const [row] = await db
    .select({ id: tables.passwordResets.id })
    .from(tables.passwordResets)
    .innerJoin(tables.coordinatorAccounts, eq(tables.coordinatorAccounts.id, tables.passwordResets.accountId))
    .where(
      and(
        eq(tables.passwordResets.tokenHash, hashInvitationToken(token)),
        isNull(tables.passwordResets.usedAt),
        gt(tables.passwordResets.expiresAt, now),
        eq(tables.coordinatorAccounts.active, true),
      ),
    );
  if (!row) throw invalid();
}

/**
 * Sets a new password from a reset link, once: the guarded UPDATE is the single use. Every
 * session of the account signed in before now is void from here on; the caller closes its
 * live connections. Returns the account's id.
 */
export async function resetPassword(db: Db, token: string, password: string, now = new Date()): Promise<string> {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [reset] = await tx
      .update(tables.passwordResets)
      .set({ usedAt: now, mailToken: null })
      .where(
        and(
          eq(tables.passwordResets.tokenHash, hashInvitationToken(token)),
          isNull(tables.passwordResets.usedAt),
          gt(tables.passwordResets.expiresAt, now),
        ),
      )
      .returning();
    if (!reset) throw invalid();
    const [account] = await tx
      .update(tables.coordinatorAccounts)
      .set({ passwordHash, sessionsValidAfter: now, updatedAt: now })
      .where(and(eq(tables.coordinatorAccounts.id, reset.accountId), eq(tables.coordinatorAccounts.active, true)))
      .returning();
    // Deactivated since the mail went: the link is spent, the account stays closed.
    if (!account) throw invalid();
    await recordAudit(tx, account, { action: 'account.password_reset', targetType: 'account', targetId: account.id });
    return account.id;
  });
}

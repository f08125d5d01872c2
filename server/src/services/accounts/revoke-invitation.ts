import { tables, type Db } from '@convene/shared/db';
import { eq } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import type { Coordinator } from '../access/coordinator.js';
import { recordAudit } from '../audit/record-audit.js';
import { toAccount } from './account-view.js';
import { revokePendingInvitations } from './issue-invitation.js';

/** Withdraws an account's pending invitation: its link stops working, an unsent mail is not sent. */
export async function revokeInvitation(db: Db, accountId: string, admin: Coordinator, now = new Date()) {
  return db.transaction(async (tx) => {
    const [account] = await tx
      .select()
      .from(tables.coordinatorAccounts)
      .where(eq(tables.coordinatorAccounts.id, accountId))
      .for('update');
    if (!account) throw AppError.notFound('Account');
    const revoked = await revokePendingInvitations(tx, accountId, now);
    if (revoked === 0) throw new AppError(409, 'no_pending_invitation', 'This account has no pending invitation');
    await recordAudit(tx, admin, { action: 'account.invitation_revoke', targetType: 'account', targetId: accountId });
    return toAccount(account, false);
  });
}

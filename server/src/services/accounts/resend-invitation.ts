import { tables } from '@convene/shared/db';
import { eq } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import type { Coordinator } from '../access/coordinator.js';
import { recordAudit } from '../audit/record-audit.js';
import { toAccount } from './account-view.js';
import type { InviteDeps } from './invite-account.js';
import { issueInvitation } from './issue-invitation.js';

/**
 * Sends a not-yet-active account a new invitation: the old link stops working at once, a new
 * one (72 hours) is mailed in the account's language.
 */
export async function resendInvitation(deps: InviteDeps, accountId: string, admin: Coordinator, now = new Date()) {
  deps.mailQueue.assertAvailable();
  const result = await deps.db.transaction(async (tx) => {
    const [account] = await tx
      .select()
      .from(tables.coordinatorAccounts)
      .where(eq(tables.coordinatorAccounts.id, accountId))
      .for('update');
    if (!account) throw AppError.notFound('Account');
    if (account.active) throw new AppError(409, 'account_exists', 'This person already has an active account');
    const issued = await issueInvitation(tx, account.id, admin.id, now);
    await recordAudit(tx, admin, { action: 'account.invitation_resend', targetType: 'account', targetId: account.id });
    return { account, issued };
  });
  await deps.mailQueue.enqueue(result.issued.notifications);
  return {
    account: toAccount(result.account, true),
    inviteUrl: deps.showLink ? `${deps.publicUrl}/admin/invitation/${result.issued.token}` : null,
    expiresAt: result.issued.expiresAt.toISOString(),
  };
}

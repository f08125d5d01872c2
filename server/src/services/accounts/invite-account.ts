import type { TInviteAccount } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { eq } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import type { MailQueue } from '../../queues/mail-queue.js';
import type { Coordinator } from '../access/coordinator.js';
import { recordAudit } from '../audit/record-audit.js';
import { toAccount } from './account-view.js';
import { issueInvitation } from './issue-invitation.js';

export { hashInvitationToken } from './invitation-token.js';

export type InviteDeps = {
  db: Db;
  mailQueue: MailQueue;
  publicUrl: string;
  /** Mail stays in the local outbox (no SMTP): the admin is shown the link to pass it on. */
  showLink: boolean;
};

/**
 * Invites a coordinator: an inactive account (no usable password) and a single-use link,
 * valid 72 hours, mailed in the language the admin chose. Inviting again replaces an unused
 * link. Only the token's hash stays once the mail has gone.
 */
export async function inviteAccount(deps: InviteDeps, input: TInviteAccount, admin: Coordinator, now = new Date()) {
  deps.mailQueue.assertAvailable();
  const email = input.email.toLowerCase();
  const created = await deps.db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(tables.coordinatorAccounts)
      .where(eq(tables.coordinatorAccounts.email, email));
    if (existing?.active) throw new AppError(409, 'account_exists', 'This person already has an active account');
    const values = {
      role: input.role,
      regionScope: input.regionScope ?? null,
      themeScope: input.themeScope ?? null,
      language: input.language,
      updatedAt: now,
    };
    const [account] = existing
      ? await tx
          .update(tables.coordinatorAccounts)
          .set(values)
          .where(eq(tables.coordinatorAccounts.id, existing.id))
          .returning()
      : await tx
          .insert(tables.coordinatorAccounts)
          // "!" is no Argon2 hash: nobody can sign in until the invitation sets a password.
          .values({ email, passwordHash: '!', active: false, ...values })
          .returning();
    const issued = await issueInvitation(tx, account!.id, admin.id, now);
    await recordAudit(tx, admin, {
      action: 'account.invite',
      targetType: 'account',
      targetId: account!.id,
      details: {
        role: input.role,
        regionScope: values.regionScope,
        themeScope: values.themeScope,
        language: input.language,
      },
    });
    return { account: account!, issued };
  });
  await deps.mailQueue.enqueue(created.issued.notifications);
  return {
    account: toAccount(created.account, true),
    inviteUrl: deps.showLink ? `${deps.publicUrl}/admin/invitation/${created.issued.token}` : null,
    expiresAt: created.issued.expiresAt.toISOString(),
  };
}

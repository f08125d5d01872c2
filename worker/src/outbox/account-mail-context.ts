import { tables, type Db } from '@convene/shared/db';
import { eq } from 'drizzle-orm';
import type { NotificationRow } from './notification-context.js';

export type AccountRow = typeof tables.coordinatorAccounts.$inferSelect;

/** Everything needed to decide about and render a mail to a coordinator account. */
export type AccountMailContext = {
  notification: NotificationRow;
  account: AccountRow;
  /** The link's secret, state and expiry: from the invitation or the password reset. */
  link: { mailToken: string | null; expiresAt: Date; usedAt: Date | null; revokedAt: Date | null } | null;
};

/** Invitation and password-reset mails: addressed to an account, not to a webinar's participant. */
export function isAccountMail(kind: NotificationRow['kind']): boolean {
  return (tables.ACCOUNT_NOTIFICATION_KINDS as readonly string[]).includes(kind);
}

/** The account and the invitation or reset behind an account mail; null when the account is gone. */
export async function loadAccountMailContext(
  db: Db,
  notification: NotificationRow,
): Promise<AccountMailContext | null> {
  if (!notification.accountId) return null;
  const [account] = await db
    .select()
    .from(tables.coordinatorAccounts)
    .where(eq(tables.coordinatorAccounts.id, notification.accountId));
  if (!account) return null;
  if (notification.kind === 'account_invitation' && notification.accountInvitationId) {
    const [row] = await db
      .select()
      .from(tables.accountInvitations)
      .where(eq(tables.accountInvitations.id, notification.accountInvitationId));
    return { notification, account, link: row ?? null };
  }
  if (notification.kind === 'password_reset' && notification.passwordResetId) {
    const [row] = await db
      .select()
      .from(tables.passwordResets)
      .where(eq(tables.passwordResets.id, notification.passwordResetId));
    return { notification, account, link: row ? { ...row, revokedAt: null } : null };
  }
  return { notification, account, link: null };
}

/**
 * Checked at send time, after the claim: a link that was used, revoked (an admin resent or
 * withdrew the invitation) or has expired is not mailed. Returns the reason to skip, or null.
 */
export function reasonToSkipAccountMail({ notification, account, link }: AccountMailContext): string | null {
  if (!link) return 'link_deleted';
  if (link.usedAt) return 'link_used';
  if (link.revokedAt) return 'link_revoked';
  if (link.expiresAt.getTime() <= Date.now()) return 'link_expired';
  if (!link.mailToken) return 'link_already_mailed';
  if (notification.kind === 'account_invitation') return account.active ? 'account_active' : null;
  return account.active ? null : 'account_inactive';
}

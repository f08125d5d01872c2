import type { TUpdateAccount } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { and, eq, isNull } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import type { Coordinator } from '../access/coordinator.js';
import { recordAudit } from '../audit/record-audit.js';
import { toAccount } from './account-view.js';

/**
 * An admin changes an account's role, scope or status. An admin cannot demote or deactivate
 * themselves (no locking the last door from inside). The change applies to the account's
 * next request; the caller closes its live connections.
 */
export async function updateAccount(db: Db, id: string, update: TUpdateAccount, admin: Coordinator) {
  if (id === admin.id && (update.active === false || update.role === 'coordinator')) {
    throw new AppError(409, 'own_account', 'You cannot demote or deactivate your own account');
  }
  return db.transaction(async (tx) => {
    const [account] = await tx
      .update(tables.coordinatorAccounts)
      .set({ ...update, updatedAt: new Date() })
      .where(eq(tables.coordinatorAccounts.id, id))
      .returning();
    if (!account) throw AppError.notFound('Account');
    await recordAudit(tx, admin, { action: 'account.update', targetType: 'account', targetId: id, details: update });
    const pending = await tx
      .select({ id: tables.accountInvitations.id })
      .from(tables.accountInvitations)
      .where(
        and(
          eq(tables.accountInvitations.accountId, id),
          isNull(tables.accountInvitations.usedAt),
          isNull(tables.accountInvitations.revokedAt),
        ),
      );
    return toAccount(account, pending.length > 0);
  });
}

/** Every account, admins first, then by email. */
export async function listAccounts(db: Db) {
  const [rows, pending] = await Promise.all([
    db.select().from(tables.coordinatorAccounts),
    db
      .select({ accountId: tables.accountInvitations.accountId })
      .from(tables.accountInvitations)
      .where(and(isNull(tables.accountInvitations.usedAt), isNull(tables.accountInvitations.revokedAt))),
  ]);
  const invited = new Set(pending.map((p) => p.accountId));
  return rows
    .sort((a, b) => (a.role === b.role ? a.email.localeCompare(b.email) : a.role === 'admin' ? -1 : 1))
    .map((row) => toAccount(row, invited.has(row.id) && !row.active));
}

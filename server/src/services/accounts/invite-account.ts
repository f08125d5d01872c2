import { createHash, randomBytes } from 'node:crypto';
import type { TInviteAccount } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { and, eq, isNull } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import type { Coordinator } from '../access/coordinator.js';
import { recordAudit } from '../audit/record-audit.js';
import { toAccount } from './account-view.js';

const VALID_HOURS = 72;

export const hashInvitationToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * Invites a coordinator: an inactive account (no usable password) and a single-use link,
 * valid 72 hours, to set one. Inviting again replaces an unused link. Only the token's hash
 * is stored; the link is shown to the admin once.
 */
export async function inviteAccount(
  db: Db,
  input: TInviteAccount,
  admin: Coordinator,
  publicUrl: string,
  now = new Date(),
) {
  const email = input.email.toLowerCase();
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + VALID_HOURS * 3600_000);
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(tables.coordinatorAccounts)
      .where(eq(tables.coordinatorAccounts.email, email));
    if (existing?.active) throw new AppError(409, 'account_exists', 'This person already has an active account');
    const values = {
      role: input.role,
      regionScope: input.regionScope ?? null,
      themeScope: input.themeScope ?? null,
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
    await tx
      .update(tables.accountInvitations)
      .set({ usedAt: now })
      .where(and(eq(tables.accountInvitations.accountId, account!.id), isNull(tables.accountInvitations.usedAt)));
    await tx.insert(tables.accountInvitations).values({
      accountId: account!.id,
      tokenHash: hashInvitationToken(token),
      expiresAt,
      createdBy: admin.id,
    });
    await recordAudit(tx, admin, {
      action: 'account.invite',
      targetType: 'account',
      targetId: account!.id,
      details: { role: input.role, regionScope: values.regionScope, themeScope: values.themeScope },
    });
    return {
      account: toAccount(account!, true),
      inviteUrl: `${publicUrl}/admin/invitation/${token}`,
      expiresAt: expiresAt.toISOString(),
    };
  });
}

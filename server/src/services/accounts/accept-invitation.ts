import { tables, type Db } from '@convene/shared/db';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import { recordAudit } from '../audit/record-audit.js';
import { hashPassword } from '../auth/password.js';
import { hashInvitationToken } from './invitation-token.js';

const invalid = () =>
  new AppError(410, 'invitation_invalid', 'This invitation link has expired, was withdrawn or was already used');

/** The account an unused, unexpired invitation is for (to greet the person by email). */
export async function invitationAccount(db: Db, token: string, now = new Date()) {
  const [row] = await db
    .select({ email: tables.coordinatorAccounts.email })
    .from(tables.accountInvitations)
    .innerJoin(tables.coordinatorAccounts, eq(tables.coordinatorAccounts.id, tables.accountInvitations.accountId))
    .where(
      and(
        eq(tables.accountInvitations.tokenHash, hashInvitationToken(token)),
        isNull(tables.accountInvitations.usedAt),
        isNull(tables.accountInvitations.revokedAt),
        gt(tables.accountInvitations.expiresAt, now),
      ),
    );
  if (!row) throw invalid();
  return row;
}

/** Sets the password and activates the account; the link works once. */
export async function acceptInvitation(db: Db, token: string, password: string, now = new Date()) {
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    // The guarded UPDATE is the single use: a second acceptance finds nothing to claim.
    const [invitation] = await tx
      .update(tables.accountInvitations)
      .set({ usedAt: now, mailToken: null })
      .where(
        and(
          eq(tables.accountInvitations.tokenHash, hashInvitationToken(token)),
          isNull(tables.accountInvitations.usedAt),
          isNull(tables.accountInvitations.revokedAt),
          gt(tables.accountInvitations.expiresAt, now),
        ),
      )
      .returning();
    if (!invitation) throw invalid();
    const [account] = await tx
      .update(tables.coordinatorAccounts)
      .set({ passwordHash, active: true, updatedAt: now })
      .where(eq(tables.coordinatorAccounts.id, invitation.accountId))
      .returning();
    await recordAudit(
      tx,
      { id: account!.id, email: account!.email },
      {
        action: 'account.accept',
        targetType: 'account',
        targetId: account!.id,
      },
    );
  });
}

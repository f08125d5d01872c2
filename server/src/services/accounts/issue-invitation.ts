import { randomBytes } from 'node:crypto';
import { tables, type Tx } from '@convene/shared/db';
import { and, eq, isNull } from 'drizzle-orm';
import type { PlannedNotification } from '../notifications/types.js';
import { writeNotifications } from '../notifications/write-notifications.js';
import { hashInvitationToken } from './invitation-token.js';

const VALID_HOURS = 72;

export type IssuedInvitation = {
  token: string;
  expiresAt: Date;
  /** The outbox row of the invitation mail, to enqueue after commit. */
  notifications: PlannedNotification[];
};

/**
 * A new single-use link (72 hours) for an account, inside the caller's transaction: every
 * earlier pending link of the account is revoked, and the mail is written to the outbox. The
 * token is kept beside its hash only until the worker has mailed it.
 */
export async function issueInvitation(
  tx: Tx,
  accountId: string,
  createdBy: string,
  now = new Date(),
): Promise<IssuedInvitation> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + VALID_HOURS * 3600_000);
  await revokePendingInvitations(tx, accountId, now);
  const [invitation] = await tx
    .insert(tables.accountInvitations)
    .values({ accountId, tokenHash: hashInvitationToken(token), mailToken: token, expiresAt, createdBy })
    .returning({ id: tables.accountInvitations.id });
  const notifications = await writeNotifications(tx, [
    {
      kind: 'account_invitation',
      accountId,
      accountInvitationId: invitation!.id,
      webinarVersion: 0,
      dedupeKey: `account_invitation:${invitation!.id}`,
      scheduledAt: now,
    },
  ]);
  return { token, expiresAt, notifications };
}

/** Revokes the account's unused links; returns how many there were. */
export async function revokePendingInvitations(tx: Tx, accountId: string, now = new Date()): Promise<number> {
  const revoked = await tx
    .update(tables.accountInvitations)
    .set({ revokedAt: now, mailToken: null })
    .where(
      and(
        eq(tables.accountInvitations.accountId, accountId),
        isNull(tables.accountInvitations.usedAt),
        isNull(tables.accountInvitations.revokedAt),
      ),
    )
    .returning({ id: tables.accountInvitations.id });
  return revoked.length;
}

import type { TAccountProfile } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { eq } from 'drizzle-orm';
import type { Coordinator } from '../access/coordinator.js';
import { recordAudit } from '../audit/record-audit.js';

const accounts = tables.coordinatorAccounts;

/** The coordinator's own profile as stored. */
export async function getAccountProfile(db: Db, coordinator: Coordinator): Promise<TAccountProfile> {
  const [row] = await db
    .select({ displayName: accounts.displayName })
    .from(accounts)
    .where(eq(accounts.id, coordinator.id));
  return { displayName: row?.displayName ?? null };
}

/** Sets the coordinator's display name (blank clears it); audited without the name itself. */
export async function setAccountProfile(
  db: Db,
  coordinator: Coordinator,
  profile: TAccountProfile,
): Promise<TAccountProfile> {
  const displayName = profile.displayName?.trim() || null;
  return db.transaction(async (tx) => {
    await tx.update(accounts).set({ displayName, updatedAt: new Date() }).where(eq(accounts.id, coordinator.id));
    await recordAudit(tx, coordinator, {
      action: 'account.profile.update',
      targetType: 'account',
      targetId: coordinator.id,
      details: { displayName: displayName ? 'set' : 'cleared' },
    });
    return { displayName };
  });
}

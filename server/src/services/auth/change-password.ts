import { tables, type Db } from '@convene/shared/db';
import { eq } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import type { Coordinator } from '../access/coordinator.js';
import { recordAudit } from '../audit/record-audit.js';
import { hashPassword, verifyPassword } from './password.js';

/**
 * A signed-in coordinator changes their own password; the current one is required. Every
 * session of the account signed in before `now` becomes void: the caller keeps its own alive
 * (by stamping it with `now`) and closes the others' live connections.
 */
export async function changePassword(
  db: Db,
  coordinator: Coordinator,
  currentPassword: string,
  newPassword: string,
  now = new Date(),
): Promise<void> {
  const [account] = await db
    .select({ passwordHash: tables.coordinatorAccounts.passwordHash })
    .from(tables.coordinatorAccounts)
    .where(eq(tables.coordinatorAccounts.id, coordinator.id));
  if (!account || !(await verifyPassword(account.passwordHash, currentPassword))) {
    throw new AppError(400, 'validation_failed', 'The current password is wrong', {
      currentPassword: { code: 'wrong_password', message: 'The current password is wrong' },
    });
  }
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(tables.coordinatorAccounts)
      .set({ passwordHash, sessionsValidAfter: now, updatedAt: now })
      .where(eq(tables.coordinatorAccounts.id, coordinator.id));
    await recordAudit(tx, coordinator, {
      action: 'account.password_change',
      targetType: 'account',
      targetId: coordinator.id,
    });
  });
}

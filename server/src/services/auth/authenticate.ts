import type { TSessionUser } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { eq } from 'drizzle-orm';
import { hashPassword, verifyPassword } from './password.js';

let dummyHash: Promise<string> | undefined;

/**
 * Checks an email and password. Unknown emails still cost one hash verification, so the
 * response time does not tell which accounts exist.
 */
export async function authenticate(db: Db, email: string, password: string): Promise<TSessionUser | null> {
  const [account] = await db
    .select()
    .from(tables.coordinatorAccounts)
    .where(eq(tables.coordinatorAccounts.email, email.toLowerCase()));
  if (!account || !account.active) {
    dummyHash ??= hashPassword('not-a-real-password-just-for-timing');
    await verifyPassword(await dummyHash, password);
    return null;
  }
  if (!(await verifyPassword(account.passwordHash, password))) return null;
  await db
    .update(tables.coordinatorAccounts)
    .set({ lastLoginAt: new Date() })
    .where(eq(tables.coordinatorAccounts.id, account.id));
  return { id: account.id, email: account.email, role: account.role };
}

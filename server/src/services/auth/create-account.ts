import type { TRole } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { hashPassword } from './password.js';

/** Creates a coordinator account, or resets the password and role of an existing one. */
export async function createAccount(db: Db, email: string, password: string, role: TRole): Promise<{ id: string }> {
  const passwordHash = await hashPassword(password);
  const [row] = await db
    .insert(tables.coordinatorAccounts)
    .values({ email: email.toLowerCase(), passwordHash, role })
    .onConflictDoUpdate({
      target: tables.coordinatorAccounts.email,
      set: { passwordHash, role, active: true, updatedAt: new Date() },
    })
    .returning({ id: tables.coordinatorAccounts.id });
  if (!row) throw new Error('upsert returned no row');
  return row;
}

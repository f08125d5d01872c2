import type { TRegion, TRole } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { eq } from 'drizzle-orm';

/** The signed-in coordinator as the database has them now: role and scope changes apply at once. */
export type Coordinator = {
  id: string;
  email: string;
  role: TRole;
  /** null = every region. */
  regionScope: TRegion[] | null;
  /** null = every theme. */
  themeScope: string[] | null;
  /** Sessions that signed in (or last proved the password) before this are void. */
  sessionsValidAfter?: Date | null;
};

/** The active account behind a session, or null (removed or deactivated since sign-in). */
export async function loadCoordinator(db: Db, id: string): Promise<Coordinator | null> {
  const [account] = await db.select().from(tables.coordinatorAccounts).where(eq(tables.coordinatorAccounts.id, id));
  if (!account || !account.active) return null;
  const scope = <T extends string>(values: string[] | null) => (values && values.length > 0 ? (values as T[]) : null);
  return {
    id: account.id,
    email: account.email,
    role: account.role,
    // Admins see everything, whatever scope their account row may carry.
    regionScope: account.role === 'admin' ? null : scope<TRegion>(account.regionScope),
    themeScope: account.role === 'admin' ? null : scope(account.themeScope),
    sessionsValidAfter: account.sessionsValidAfter,
  };
}

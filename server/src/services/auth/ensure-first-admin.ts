import { randomBytes } from 'node:crypto';
import { tables, type Db } from '@convene/shared/db';
import type { Logger } from '@convene/shared/node';
import { count, eq } from 'drizzle-orm';
import { createAccount } from './create-account.js';

export type FirstAdminOptions = {
  adminEmail?: string;
  adminPassword?: string;
  /** Embedded mode may invent a password; production must be told one. */
  allowGenerated: boolean;
  /** Where the one-time generated password is printed (not the log). */
  print: (text: string) => void;
};

/**
 * Makes sure an admin can sign in. ADMIN_EMAIL/ADMIN_PASSWORD create that account if it is
 * missing; with neither set and no account at all, embedded mode generates a password and
 * prints it once.
 */
export async function ensureFirstAdmin(db: Db, logger: Logger, options: FirstAdminOptions): Promise<void> {
  const accounts = tables.coordinatorAccounts;
  if (options.adminEmail && options.adminPassword) {
    const [existing] = await db
      .select({ id: accounts.id })
      .from(accounts)
      .where(eq(accounts.email, options.adminEmail.toLowerCase()));
    if (!existing) {
      const { id } = await createAccount(db, options.adminEmail, options.adminPassword, 'admin');
      logger.info({ accountId: id }, 'admin account created from ADMIN_EMAIL');
    }
    return;
  }
  const [row] = await db.select({ n: count() }).from(accounts);
  if ((row?.n ?? 0) > 0) return;
  if (!options.allowGenerated) {
    logger.warn('no coordinator account exists: create one with "npm run cli -- create-admin --email … --password …"');
    return;
  }
  const email = 'admin@localhost';
  const password = randomBytes(18).toString('base64url');
  await createAccount(db, email, password, 'admin');
  options.print(
    `\n  First admin account created (shown once):\n    email:    ${email}\n    password: ${password}\n` +
      `  Sign in and change it, or set ADMIN_EMAIL and ADMIN_PASSWORD.\n\n`,
  );
}

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
};

/** Credentials invented at first run, to be shown once (never logged). */
export type GeneratedAdmin = { email: string; password: string };

/**
 * Makes sure an admin can sign in. ADMIN_EMAIL/ADMIN_PASSWORD create that account if it is
 * missing; with neither set and no account at all, embedded mode generates a password and
 * returns it, for the caller to show once (see firstRunBanner).
 */
export async function ensureFirstAdmin(
  db: Db,
  logger: Logger,
  options: FirstAdminOptions,
): Promise<GeneratedAdmin | null> {
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
    return null;
  }
  const [row] = await db.select({ n: count() }).from(accounts);
  if ((row?.n ?? 0) > 0) return null;
  if (!options.allowGenerated) {
    logger.warn('no coordinator account exists: create one with "npm run cli -- create-admin --email … --password …"');
    return null;
  }
  const email = 'admin@localhost';
  const password = randomBytes(18).toString('base64url');
  await createAccount(db, email, password, 'admin');
  return { email, password };
}

/** The first-run message: where to sign in, and the generated credentials (printed once, not logged). */
export function firstRunBanner(admin: GeneratedAdmin, workspaceUrl: string): string {
  return (
    `\n  First admin account created (shown once):\n    email:    ${admin.email}\n    password: ${admin.password}\n` +
    `  Sign in at ${workspaceUrl} and change it, or set ADMIN_EMAIL and ADMIN_PASSWORD.\n\n`
  );
}

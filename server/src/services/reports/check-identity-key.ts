import { tables, type Db } from '@convene/shared/db';
import { eq } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';

/**
 * A sealed identity must name a reporter key this deployment has, retired or not: a report
 * queued offline before a rotation still arrives and still opens with the key it was sealed
 * to. An unknown key would be ciphertext nobody can ever read, so it is refused (400) — unless
 * it is a replay of a submission that already arrived, which gets its receipt as usual.
 */
export async function checkIdentityKey(db: Db, kid: string, clientSubmissionId: string): Promise<void> {
  const [key] = await db
    .select({ id: tables.reporterKeys.id })
    .from(tables.reporterKeys)
    .where(eq(tables.reporterKeys.id, kid));
  if (key) return;
  const [existing] = await db
    .select({ id: tables.reports.id })
    .from(tables.reports)
    .where(eq(tables.reports.clientSubmissionId, clientSubmissionId));
  if (existing) return;
  throw new AppError(400, 'validation_failed', 'The identity is sealed to an unknown key', {
    'reporter.identity': { code: 'unknown_identity_key', message: 'The identity is sealed to an unknown key' },
  });
}

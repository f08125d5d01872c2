import type { TCreateReporterKey } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { isNull, sql } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import type { Coordinator } from '../access/coordinator.js';
import { recordAudit } from '../audit/record-audit.js';

/**
 * Stores a key pair an admin made in the browser (public JWK + passphrase-wrapped private
 * key) and makes it the one new reports are sealed to. The previous key is retired in the
 * same transaction, not deleted: reports sealed to it still open with its own passphrase.
 */
export async function createReporterKey(db: Db, input: TCreateReporterKey, admin: Coordinator): Promise<void> {
  const k = tables.reporterKeys;
  await db.transaction(async (tx) => {
    // One rotation at a time: two admins rotating at once still leave exactly one active key.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('reporter_keys'))`);
    const retired = await tx
      .update(k)
      .set({ retiredAt: sql`now()` })
      .where(isNull(k.retiredAt))
      .returning({ id: k.id });
    const inserted = await tx
      .insert(k)
      .values({ id: input.id, publicKey: input.publicKey, wrappedPrivateKey: input.privateKey, createdBy: admin.id })
      .onConflictDoNothing()
      .returning({ id: k.id });
    if (inserted.length === 0) throw new AppError(409, 'conflict', 'A reporter key with this id exists');
    await recordAudit(tx, admin, {
      action: 'reporter_key.create',
      targetType: 'reporter_key',
      targetId: input.id,
      details: { retired: retired.map((r) => r.id) },
    });
  });
}

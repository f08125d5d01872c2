import type { TIdentityReveal } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { eq } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import type { Coordinator } from '../access/coordinator.js';
import { recordAudit } from '../audit/record-audit.js';
import { reportInScope } from '../review/get-report.js';

/**
 * Hands an admin's browser what it needs to open a reporter's sealed identity: the envelope
 * and the wrapped key it names. The audit entry ("identity revealed", ids only) is written in
 * the same transaction, before anything is returned: no ciphertext leaves without one.
 */
export async function revealIdentity(db: Db, reportId: string, admin: Coordinator): Promise<TIdentityReveal> {
  return db.transaction(async (tx) => {
    const { row } = await reportInScope(tx, reportId, admin);
    if (!row.identityCiphertext || !row.identityKeyId) {
      throw new AppError(404, 'not_found', 'This report has no sealed identity');
    }
    const [key] = await tx.select().from(tables.reporterKeys).where(eq(tables.reporterKeys.id, row.identityKeyId));
    if (!key) throw new AppError(404, 'not_found', 'The reporter key is missing');
    await recordAudit(tx, admin, {
      action: 'report.identity_reveal',
      targetType: 'report',
      targetId: row.id,
      details: { keyId: key.id },
    });
    return {
      clientSubmissionId: row.clientSubmissionId,
      envelope: row.identityCiphertext,
      key: { id: key.id, privateKey: key.wrappedPrivateKey, retiredAt: key.retiredAt?.toISOString() ?? null },
    };
  });
}

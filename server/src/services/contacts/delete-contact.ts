import { tables, type Db } from '@convene/shared/db';
import { addressHash, suppressAddresses } from '@convene/shared/privacy';
import { eq } from 'drizzle-orm';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../errors/app-error.js';
import type { Coordinator } from '../access/coordinator.js';
import { assertContactInScope } from '../access/region-scope.js';
import { recordAudit } from '../audit/record-audit.js';

/**
 * Deletes a contact and, with it, every trace of its address: its outbox rows (invitations,
 * pending or sent) go by cascade, and with them the copies the local outbox kept in the
 * database and as DATA_DIR/outbox/<notification>.eml. Registrations the person made
 * themselves stay (they only lose the link to the contact). Audited by id only. An unsubscribed
 * contact leaves the keyed hash of its address, so a later import cannot resubscribe it.
 */
export async function deleteContact(
  deps: { db: Db; dataDir: string; privacyKey: string },
  id: string,
  editor: Coordinator,
): Promise<void> {
  const notificationIds = await deps.db.transaction(async (tx) => {
    const c = tables.contacts;
    const [current] = await tx
      .select({ country: c.country, emailNormalized: c.emailNormalized, unsubscribedAt: c.unsubscribedAt })
      .from(c)
      .where(eq(c.id, id))
      .for('update');
    if (!current) throw AppError.notFound('Contact');
    assertContactInScope(editor, current.country);
    if (current.unsubscribedAt) {
      await suppressAddresses(tx, [
        { addressHash: addressHash(deps.privacyKey, current.emailNormalized), reason: 'unsubscribed' },
      ]);
    }
    const n = tables.notifications;
    const mails = await tx.select({ id: n.id }).from(n).where(eq(n.contactId, id));
    await tx.delete(c).where(eq(c.id, id));
    await recordAudit(tx, editor, {
      action: 'contact.delete',
      targetType: 'contact',
      targetId: id,
      details: { mails: mails.length },
    });
    return mails.map((m) => m.id);
  });
  // After the commit: a file whose row is gone is unreachable anyway; a failed removal must
  // not bring the contact back.
  const dir = path.join(deps.dataDir, 'outbox');
  await Promise.all(notificationIds.map((nid) => rm(path.join(dir, `${nid}.eml`), { force: true })));
}

import { tables, type Db } from '@convene/shared/db';
import { eraseContacts, removeOutboxCopies } from '@convene/shared/privacy';
import { eq } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import type { Coordinator } from '../access/coordinator.js';
import { recordAudit } from '../audit/record-audit.js';

/**
 * An admin erases a contact at the person's request: as the retention policy erases contacts
 * (eraseContacts) — the row and its mail go, and the keyed hash of the address stays in the
 * suppression list whether or not they had unsubscribed, so a later import of the same address
 * comes back unsubscribed and they are never mailed again. Unlike a plain delete (a typo, a
 * duplicate), which suppresses only an unsubscribed address. Audited by id only.
 */
export async function eraseContact(
  deps: { db: Db; dataDir: string; privacyKey: string },
  id: string,
  admin: Coordinator,
): Promise<void> {
  const erased = await deps.db.transaction(async (tx) => {
    const [found] = await tx.select({ id: tables.contacts.id }).from(tables.contacts).where(eq(tables.contacts.id, id));
    if (!found) throw AppError.notFound('Contact');
    const result = await eraseContacts(tx, [id], deps.privacyKey);
    await recordAudit(tx, admin, {
      action: 'contact.erase_on_request',
      targetType: 'contact',
      targetId: id,
      details: { mails: result.notificationIds.length },
    });
    return result;
  });
  await removeOutboxCopies(deps.dataDir, erased.notificationIds);
}

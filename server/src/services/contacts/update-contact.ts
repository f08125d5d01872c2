import type { TContact, TUpdateContact } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { eq } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import { toContact } from './contact-view.js';

/** A coordinator's edit of a contact. The email and the subscription are not editable. */
export async function updateContact(db: Db, id: string, patch: TUpdateContact): Promise<TContact> {
  const [row] = await db
    .update(tables.contacts)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(tables.contacts.id, id))
    .returning();
  if (!row) throw AppError.notFound('Contact');
  return toContact(row);
}

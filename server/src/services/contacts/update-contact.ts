import type { TContact, TUpdateContact } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { eq } from 'drizzle-orm';
import { assertContactInScope } from '../access/region-scope.js';
import type { Coordinator } from '../access/coordinator.js';
import { AppError } from '../../errors/app-error.js';
import { toContact } from './contact-view.js';

/** A coordinator's edit of a contact. The email and the subscription are not editable. */
export async function updateContact(db: Db, id: string, patch: TUpdateContact, editor: Coordinator): Promise<TContact> {
  const [current] = await db
    .select({ country: tables.contacts.country })
    .from(tables.contacts)
    .where(eq(tables.contacts.id, id));
  if (!current) throw AppError.notFound('Contact');
  // Neither the contact nor its new country may lie outside the editor's regions.
  assertContactInScope(editor, current.country);
  if (patch.country !== undefined) assertContactInScope(editor, patch.country);
  const [row] = await db
    .update(tables.contacts)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(tables.contacts.id, id))
    .returning();
  if (!row) throw AppError.notFound('Contact');
  return toContact(row);
}

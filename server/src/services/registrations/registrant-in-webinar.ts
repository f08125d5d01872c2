import { tables, type Tx } from '@convene/shared/db';
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';

/**
 * A registration of the given webinar, locked until the transaction ends; 404 when it is
 * another's, or when the retention policy erased it (there is nobody left to mail).
 */
export async function lockRegistrant(tx: Tx, webinarId: string, registrationId: string) {
  const r = tables.registrations;
  const [row] = await tx
    .select()
    .from(r)
    .where(and(eq(r.id, registrationId), eq(r.webinarId, webinarId)))
    .for('update');
  if (!row || row.personalDataErasedAt) throw AppError.notFound('Registration');
  return row;
}

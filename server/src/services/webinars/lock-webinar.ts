import { tables, type Tx } from '@convene/shared/db';
import { eq } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';

/**
 * The webinar row, locked until the transaction ends: every change of a webinar's state
 * (edit, reschedule, cancel, complete) goes through this lock, so they never interleave.
 */
export async function lockWebinar(tx: Tx, id: string) {
  const [webinar] = await tx.select().from(tables.webinars).where(eq(tables.webinars.id, id)).for('update');
  if (!webinar) throw AppError.notFound('Webinar');
  return webinar;
}

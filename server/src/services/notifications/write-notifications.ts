import { tables, type Tx } from '@convene/shared/db';
import type { NewNotification, PlannedNotification } from './types.js';

const CHUNK = 1000;

/**
 * Inserts outbox rows in chunks; a row whose dedupe key exists is skipped, which is what
 * makes a second send of the same mail impossible to even enqueue.
 */
export async function writeNotifications(tx: Tx, rows: NewNotification[]): Promise<PlannedNotification[]> {
  const written: PlannedNotification[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const inserted = await tx
      .insert(tables.notifications)
      .values(rows.slice(i, i + CHUNK))
      .onConflictDoNothing({ target: tables.notifications.dedupeKey })
      .returning({ id: tables.notifications.id, scheduledAt: tables.notifications.scheduledAt });
    written.push(...inserted);
  }
  return written;
}

import { tables, type Tx } from '@convene/shared/db';
import { and, eq, inArray, type SQL } from 'drizzle-orm';

type Kind = (typeof tables.NOTIFICATION_KINDS)[number];

/**
 * Cancels outbox rows not sent yet. Their delayed jobs may still fire: the claim
 * (pending -> sending) then fails and nothing is sent.
 */
export async function cancelPending(
  tx: Tx,
  scope: { webinarId: string; registrationId?: string; kinds?: Kind[] },
  reason: string,
): Promise<number> {
  const n = tables.notifications;
  const conditions: SQL[] = [eq(n.webinarId, scope.webinarId), eq(n.status, 'pending')];
  if (scope.registrationId) conditions.push(eq(n.registrationId, scope.registrationId));
  if (scope.kinds) conditions.push(inArray(n.kind, scope.kinds));
  const rows = await tx
    .update(n)
    .set({ status: 'cancelled', lastError: reason, updatedAt: new Date() })
    .where(and(...conditions))
    .returning({ id: n.id });
  return rows.length;
}

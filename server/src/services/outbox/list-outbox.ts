import type { TOutboxMessage } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { desc, eq, type SQL } from 'drizzle-orm';

/**
 * The newest messages of the local outbox (SMTP_URL unset); `scope` (a condition on
 * notifications, services/access/outbox-scope) keeps those a scoped coordinator may see.
 */
export async function listOutbox(db: Db, scope?: SQL, limit = 200): Promise<TOutboxMessage[]> {
  const o = tables.outboxMessages;
  const rows = await db
    .select({
      id: o.id,
      notificationId: o.notificationId,
      to: o.recipient,
      subject: o.subject,
      messageId: o.messageId,
      createdAt: o.createdAt,
    })
    .from(o)
    .innerJoin(tables.notifications, eq(tables.notifications.id, o.notificationId))
    .where(scope)
    .orderBy(desc(o.createdAt))
    .limit(limit);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

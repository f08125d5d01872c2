import type { TOutboxMessage } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { desc } from 'drizzle-orm';

/** The newest messages of the local outbox (SMTP_URL unset). */
export async function listOutbox(db: Db, limit = 200): Promise<TOutboxMessage[]> {
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
    .orderBy(desc(o.createdAt))
    .limit(limit);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

import type { TCampaignProgress } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { count, eq } from 'drizzle-orm';

/** Invitations of a campaign by state: queued (pending or sending), sent, failed, skipped. */
export async function campaignProgress(db: Db, campaignId: string): Promise<TCampaignProgress> {
  const n = tables.notifications;
  const rows = await db
    .select({ status: n.status, n: count() })
    .from(n)
    .where(eq(n.campaignId, campaignId))
    .groupBy(n.status);
  const by = Object.fromEntries(rows.map((r) => [r.status, r.n])) as Partial<Record<string, number>>;
  const queued = (by.pending ?? 0) + (by.sending ?? 0);
  const sent = by.sent ?? 0;
  const failed = by.failed ?? 0;
  const skipped = by.cancelled ?? 0;
  return { campaignId, total: queued + sent + failed + skipped, queued, sent, failed, skipped, done: queued === 0 };
}

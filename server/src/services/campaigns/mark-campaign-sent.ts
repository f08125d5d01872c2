import { tables, type Db } from '@convene/shared/db';
import { and, eq } from 'drizzle-orm';

/** A campaign whose invitations have all left the queue is "sent". */
export async function markCampaignSent(db: Db, campaignId: string): Promise<void> {
  await db
    .update(tables.campaigns)
    .set({ status: 'sent' })
    .where(and(eq(tables.campaigns.id, campaignId), eq(tables.campaigns.status, 'sending')));
}

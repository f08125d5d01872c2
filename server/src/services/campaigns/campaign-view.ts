import type { TCampaign } from '@convene/shared';
import type { tables } from '@convene/shared/db';
import type { Db } from '@convene/shared/db';
import { campaignProgress } from './campaign-progress.js';
import { markCampaignSent } from './mark-campaign-sent.js';

type CampaignRow = typeof tables.campaigns.$inferSelect;

export async function toCampaign(db: Db, row: CampaignRow): Promise<TCampaign> {
  const progress = await campaignProgress(db, row.id);
  // The last invitation left the queue since anyone looked: record the campaign as sent.
  if (progress.done && row.status === 'sending') await markCampaignSent(db, row.id);
  return {
    id: row.id,
    webinarId: row.webinarId,
    segment: row.segment,
    status: progress.done && row.status === 'sending' ? 'sent' : row.status,
    plannedCount: row.plannedCount,
    skippedCount: row.skippedCount,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    progress,
  };
}

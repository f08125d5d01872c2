import type { TCampaign } from '@convene/shared';
import type { tables } from '@convene/shared/db';
import type { Db } from '@convene/shared/db';
import { campaignProgress } from './campaign-progress.js';

type CampaignRow = typeof tables.campaigns.$inferSelect;

export async function toCampaign(db: Db, row: CampaignRow): Promise<TCampaign> {
  return {
    id: row.id,
    webinarId: row.webinarId,
    segment: row.segment,
    status: row.status,
    plannedCount: row.plannedCount,
    skippedCount: row.skippedCount,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    progress: await campaignProgress(db, row.id),
  };
}

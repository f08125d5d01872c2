import type { TCampaign } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { desc, eq } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import { campaignInScope } from '../access/campaign-scope.js';
import type { Coordinator } from '../access/coordinator.js';
import { toCampaign } from './campaign-view.js';

/** The newest campaigns; for a scoped viewer, only those wholly inside their regions (services/access/campaign-scope). */
export async function listCampaigns(db: Db, viewer?: Coordinator): Promise<TCampaign[]> {
  const rows = await db.select().from(tables.campaigns).orderBy(desc(tables.campaigns.createdAt));
  const visible = rows.filter((row) => !viewer || campaignInScope(viewer, row.segment)).slice(0, 200);
  return Promise.all(visible.map((row) => toCampaign(db, row)));
}

export async function getCampaign(db: Db, id: string, viewer?: Coordinator): Promise<TCampaign> {
  const [row] = await db.select().from(tables.campaigns).where(eq(tables.campaigns.id, id));
  if (!row) throw AppError.notFound('Campaign');
  if (viewer && !campaignInScope(viewer, row.segment)) {
    throw new AppError(403, 'forbidden', 'This campaign reaches people outside your regions');
  }
  return toCampaign(db, row);
}

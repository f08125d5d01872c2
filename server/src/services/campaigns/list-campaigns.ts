import type { TCampaign } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { desc, eq } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import { toCampaign } from './campaign-view.js';

export async function listCampaigns(db: Db): Promise<TCampaign[]> {
  const rows = await db.select().from(tables.campaigns).orderBy(desc(tables.campaigns.createdAt)).limit(200);
  return Promise.all(rows.map((row) => toCampaign(db, row)));
}

export async function getCampaign(db: Db, id: string): Promise<TCampaign> {
  const [row] = await db.select().from(tables.campaigns).where(eq(tables.campaigns.id, id));
  if (!row) throw AppError.notFound('Campaign');
  return toCampaign(db, row);
}

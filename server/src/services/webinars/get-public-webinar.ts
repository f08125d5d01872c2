import type { TPublicWebinar } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { eq } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import { toPublicWebinar } from './webinar-views.js';

/** A webinar by slug, as anyone may see it. Drafts do not exist for the public. */
export async function getPublicWebinar(db: Db, slug: string): Promise<TPublicWebinar> {
  const [row] = await db.select().from(tables.webinars).where(eq(tables.webinars.slug, slug));
  if (!row || row.status === 'draft') throw AppError.notFound('Webinar');
  return toPublicWebinar(row);
}

import type { TPublicReporterKey } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { desc, isNull } from 'drizzle-orm';

/** The key new reports are sealed to: the newest one not retired, or none yet. */
export async function activeReporterKey(db: Db): Promise<TPublicReporterKey> {
  const k = tables.reporterKeys;
  const [key] = await db
    .select({ kid: k.id, publicKey: k.publicKey })
    .from(k)
    .where(isNull(k.retiredAt))
    .orderBy(desc(k.createdAt))
    .limit(1);
  return { key: key ?? null };
}

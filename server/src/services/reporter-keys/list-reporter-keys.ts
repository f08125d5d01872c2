import type { TReporterKeyList } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { desc, eq } from 'drizzle-orm';

/** Every reporter key, newest first, with who made it and how many reports it seals; no key material. */
export async function listReporterKeys(db: Db): Promise<TReporterKeyList> {
  const k = tables.reporterKeys;
  const a = tables.coordinatorAccounts;
  const r = tables.reports;
  const rows = await db
    .select({
      id: k.id,
      createdAt: k.createdAt,
      createdBy: a.displayName,
      retiredAt: k.retiredAt,
      reports: db.$count(r, eq(r.identityKeyId, k.id)),
    })
    .from(k)
    .leftJoin(a, eq(a.id, k.createdBy))
    .orderBy(desc(k.createdAt));
  return {
    keys: rows.map((row) => ({
      id: row.id,
      createdAt: row.createdAt.toISOString(),
      createdBy: row.createdBy ?? null,
      retiredAt: row.retiredAt?.toISOString() ?? null,
      reports: Number(row.reports),
    })),
  };
}

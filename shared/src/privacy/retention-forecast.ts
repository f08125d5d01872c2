import type { TRetentionForecast } from '../schemas/retention.js';
import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import * as tables from '../db/schema.js';
import { PURGE_AUDIT_ACTION } from './purge-personal-data.js';
import { RETENTION_CATEGORIES, retentionDue } from './retention-due.js';
import type { RetentionPolicy } from './retention-policy.js';

const UPCOMING_DAYS = 60;

/** What falls due when, from the same definitions the purge uses (see retentionDue). */
export async function retentionForecast(db: Db, policy: RetentionPolicy, now: Date): Promise<TRetentionForecast> {
  const due = retentionDue(policy);
  const days = { registrants: policy.registrantDays, reporters: policy.reporterDays, contacts: policy.contactDays };
  const at = now.toISOString();
  const categories = await Promise.all(
    RETENTION_CATEGORIES.map(async (category) => {
      const result = await db.execute(sql`
        select case when due_at <= ${at}::timestamptz then null
                    else to_char(due_at at time zone 'UTC', 'YYYY-MM-DD') end as day,
               count(*)::int as count
        from (${due[category]}) as due
        group by 1 order by 1 nulls first`);
      const rows = (result as unknown as { rows: { day: string | null; count: number }[] }).rows;
      return {
        category,
        days: days[category],
        dueNow: rows.find((row) => row.day === null)?.count ?? 0,
        upcoming: rows
          .filter((row): row is { day: string; count: number } => row.day !== null)
          .slice(0, UPCOMING_DAYS)
          .map((row) => ({ day: row.day, count: Number(row.count) })),
      };
    }),
  );
  const a = tables.auditLog;
  const [last] = await db
    .select({ createdAt: a.createdAt, details: a.details })
    .from(a)
    .where(eq(a.action, PURGE_AUDIT_ACTION))
    .orderBy(desc(a.createdAt))
    .limit(1);
  const count = (key: string) => Number(last?.details[key] ?? 0);
  return {
    everyMinutes: policy.everyMinutes,
    generatedAt: at,
    categories,
    lastPurge: last
      ? {
          at: last.createdAt.toISOString(),
          counts: { registrants: count('registrants'), reporters: count('reporters'), contacts: count('contacts') },
        }
      : null,
  };
}

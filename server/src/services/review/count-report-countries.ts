import { tables, type Db } from '@convene/shared/db';
import { sql, type SQL } from 'drizzle-orm';

/**
 * How many of the reports matching `where` (reportConditions) name each country, over every
 * page: a report about Morocco and Senegal counts under both, so the sum can exceed the total.
 */
export async function countReportCountries(db: Db, where: SQL | undefined): Promise<Record<string, number>> {
  const r = tables.reports;
  const result = await db.execute<{ country: string; n: number }>(sql`
    select c.country, count(distinct ${r.id})::int as n
    from ${r} cross join lateral jsonb_array_elements_text(${r.countries}) as c(country)
    where ${where ?? sql`true`}
    group by c.country
    order by c.country`);
  const rows = (result as unknown as { rows: { country: string; n: number }[] }).rows;
  return Object.fromEntries(rows.map((row) => [row.country, Number(row.n)]));
}

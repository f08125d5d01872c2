import type { TContactFilter, TContactList } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { and, asc, count, eq, ilike, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { toContact } from './contact-view.js';

/** LIKE pattern matching `text` anywhere, its own % and _ taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

/** One page of contacts matching the filter, by email, with the number of all matches. */
export async function listContacts(db: Db, filter: TContactFilter, scope?: SQL): Promise<TContactList> {
  const c = tables.contacts;
  const conditions: (SQL | undefined)[] = [scope];
  if (filter.q) {
    const pattern = containing(filter.q);
    conditions.push(or(ilike(c.email, pattern), ilike(c.name, pattern), ilike(c.organization, pattern)));
  }
  if (filter.country) conditions.push(eq(c.country, filter.country));
  if (filter.language) conditions.push(eq(c.language, filter.language));
  if (filter.tag) conditions.push(sql`${c.tags} @> ${JSON.stringify([filter.tag])}::jsonb`);
  if (filter.organization) conditions.push(sql`lower(${c.organization}) = lower(${filter.organization})`);
  if (filter.subscribed === 'true') conditions.push(isNull(c.unsubscribedAt));
  if (filter.subscribed === 'false') conditions.push(isNotNull(c.unsubscribedAt));
  const where = and(...conditions);

  const [rows, [totals]] = await Promise.all([
    db.select().from(c).where(where).orderBy(asc(c.emailNormalized)).limit(filter.limit).offset(filter.offset),
    db.select({ total: count() }).from(c).where(where),
  ]);
  return { contacts: rows.map(toContact), total: totals?.total ?? 0 };
}

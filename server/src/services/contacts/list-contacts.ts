import type { TContactFilter, TContactList } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { asc, count, type SQL } from 'drizzle-orm';
import { contactConditions } from './contact-conditions.js';
import { toContact } from './contact-view.js';

/** One page of contacts matching the filter, by email, with the number of all matches. */
export async function listContacts(db: Db, filter: TContactFilter, scope?: SQL): Promise<TContactList> {
  const c = tables.contacts;
  const where = contactConditions(filter, scope);
  const [rows, [totals]] = await Promise.all([
    db.select().from(c).where(where).orderBy(asc(c.emailNormalized)).limit(filter.limit).offset(filter.offset),
    db.select({ total: count() }).from(c).where(where),
  ]);
  return { contacts: rows.map(toContact), total: totals?.total ?? 0 };
}

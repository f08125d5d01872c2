import { countriesOf, type TContactExportFilter } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { and, eq, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';

/** LIKE pattern matching `text` anywhere, its own % and _ taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

/** The WHERE of the contacts list and its CSV export: the filters, within the viewer's scope. */
export function contactConditions(filter: TContactExportFilter, scope?: SQL): SQL | undefined {
  const c = tables.contacts;
  const conditions: (SQL | undefined)[] = [scope];
  if (filter.q) {
    const pattern = containing(filter.q);
    conditions.push(or(ilike(c.email, pattern), ilike(c.name, pattern), ilike(c.organization, pattern)));
  }
  if (filter.region) conditions.push(inArray(c.country, countriesOf(filter.region)));
  if (filter.country) conditions.push(eq(c.country, filter.country));
  if (filter.language) conditions.push(eq(c.language, filter.language));
  if (filter.tag) conditions.push(sql`${c.tags} @> ${JSON.stringify([filter.tag])}::jsonb`);
  if (filter.organization) conditions.push(sql`lower(${c.organization}) = lower(${filter.organization})`);
  if (filter.subscribed === 'true') conditions.push(isNull(c.unsubscribedAt));
  if (filter.subscribed === 'false') conditions.push(isNotNull(c.unsubscribedAt));
  // "subscribed" is what a campaign mails: neither unsubscribed nor bounced.
  if (filter.status === 'subscribed') conditions.push(isNull(c.unsubscribedAt), isNull(c.undeliverableAt));
  if (filter.status === 'unsubscribed') conditions.push(isNotNull(c.unsubscribedAt));
  if (filter.status === 'undeliverable') conditions.push(isNotNull(c.undeliverableAt));
  return and(...conditions);
}

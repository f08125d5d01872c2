import { countriesOf, type TCampaignSegment } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { and, inArray, isNull, sql, type SQL } from 'drizzle-orm';

const c = tables.contacts;

/**
 * The WHERE condition of a segment over contacts. Regions and countries together describe
 * one geography (their union); every other list narrows further. Empty lists mean "any".
 */
export function segmentCondition(segment: TCampaignSegment): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  const countries = new Set([...(segment.countries ?? []), ...(segment.regions ?? []).flatMap(countriesOf)]);
  if (countries.size > 0) conditions.push(inArray(c.country, [...countries]));
  if (segment.languages?.length) conditions.push(inArray(c.language, segment.languages));
  if (segment.tags?.length) {
    conditions.push(
      sql`${c.tags} ?| array[${sql.join(
        segment.tags.map((t) => sql`${t}`),
        sql`, `,
      )}]::text[]`,
    );
  }
  if (segment.organizations?.length) {
    conditions.push(
      inArray(
        sql`lower(${c.organization})`,
        segment.organizations.map((o) => o.toLowerCase()),
      ),
    );
  }
  return conditions.length > 0 ? and(...conditions) : undefined;
}

/** Contacts that may be mailed: never unsubscribed, never hard-bounced. */
export const mailable = () => and(isNull(c.unsubscribedAt), isNull(c.undeliverableAt));

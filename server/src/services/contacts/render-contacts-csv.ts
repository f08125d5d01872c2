import { CSV_TAG_SEPARATOR, type TContactExportFilter } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { stringify } from 'csv-stringify/sync';
import { asc, type SQL } from 'drizzle-orm';
import { CSV_OPTIONS, neutralizeCell } from '../compilations/render-csv.js';
import { contactConditions } from './contact-conditions.js';

/** The header of the export: the import's own column names, so a file exported can be imported again. */
export const CONTACT_CSV_COLUMNS = [
  'email',
  'name',
  'organization',
  'country',
  'language',
  'timeZone',
  'tags',
  'status',
  'createdAt',
] as const;

/**
 * Every contact matching the filter as CSV (RFC 4180, CRLF, UTF-8 with BOM), cells that a
 * spreadsheet would run as formulas neutralized. Returns the text and the number of rows.
 */
export async function renderContactsCsv(
  db: Db,
  filter: TContactExportFilter,
  scope?: SQL,
): Promise<{ csv: string; rows: number }> {
  const c = tables.contacts;
  const contacts = await db.select().from(c).where(contactConditions(filter, scope)).orderBy(asc(c.emailNormalized));
  const records = contacts.map((row) =>
    [
      row.email,
      row.name,
      row.organization,
      row.country ?? '',
      row.language,
      row.timeZone ?? '',
      row.tags.join(CSV_TAG_SEPARATOR),
      row.unsubscribedAt ? 'unsubscribed' : row.undeliverableAt ? 'undeliverable' : 'subscribed',
      row.createdAt.toISOString(),
    ].map(neutralizeCell),
  );
  return { csv: stringify([[...CONTACT_CSV_COLUMNS], ...records], CSV_OPTIONS), rows: records.length };
}

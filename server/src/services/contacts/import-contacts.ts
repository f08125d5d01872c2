import { randomBytes } from 'node:crypto';
import type { TContactImportResult } from '@convene/shared';
import { tables, type Db, type Tx } from '@convene/shared/db';
import { addressHash } from '@convene/shared/privacy';
import { inArray, sql } from 'drizzle-orm';
import { decodeUtf8, readContactsCsv, type AcceptedContactRow } from './read-contacts-csv.js';

/** Rows per INSERT. */
const BATCH_SIZE = 1_000;

/** Imports run one at a time, so two overlapping files cannot deadlock on each other's rows. */
const IMPORT_LOCK = 0x636f6e74; // "cont"

type Counts = Pick<TContactImportResult, 'imported' | 'updated' | 'unchanged'>;

/**
 * Imports a contacts CSV upload (see readContactsCsv for the format). Valid rows are added or
 * update the contact with the same email (any case) in one transaction; rows with a bad cell
 * and duplicates are reported by line. A file that cannot be read at all throws
 * CsvImportError and writes nothing.
 *
 * On an existing contact, an empty cell (or a column the file lacks) keeps the stored value,
 * and tags are added to the contact's tags, so importing several lists never loses what an
 * earlier one said. Unsubscribed and undeliverable marks, and the unsubscribe token, are
 * never touched: a re-import does not resubscribe anyone — not even someone the retention
 * policy (or a coordinator) erased after they unsubscribed: an address whose keyed hash is in
 * address_suppressions comes back already unsubscribed.
 */
export async function importContacts(db: Db, upload: Uint8Array, privacyKey: string): Promise<TContactImportResult> {
  const file = readContactsCsv(decodeUtf8(upload));
  const counts = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK})`);
    const total: Counts = { imported: 0, updated: 0, unchanged: 0 };
    for (let i = 0; i < file.rows.length; i += BATCH_SIZE) {
      const batch = await upsertBatch(tx, file.rows.slice(i, i + BATCH_SIZE), privacyKey);
      total.imported += batch.imported;
      total.updated += batch.updated;
      total.unchanged += batch.unchanged;
    }
    return total;
  });
  return { ...counts, rejected: file.rejected, duplicates: file.duplicates };
}

async function upsertBatch(tx: Tx, rows: AcceptedContactRow[], privacyKey: string): Promise<Counts> {
  const c = tables.contacts;
  const hashes = rows.map((row) => addressHash(privacyKey, row.emailNormalized));
  const s = tables.addressSuppressions;
  const suppressed = new Set(
    (await tx.select({ hash: s.addressHash }).from(s).where(inArray(s.addressHash, hashes))).map((row) => row.hash),
  );

  const existing = await tx
    .select({
      emailNormalized: c.emailNormalized,
      name: c.name,
      organization: c.organization,
      country: c.country,
      language: c.language,
      timeZone: c.timeZone,
      tags: c.tags,
    })
    .from(c)
    .where(
      sql`${c.emailNormalized} in (select jsonb_array_elements_text(${JSON.stringify(rows.map((r) => r.emailNormalized))}::jsonb))`,
    )
    .for('update');
  const stored = new Map(existing.map((row) => [row.emailNormalized, row]));

  const tokens = randomBytes(24 * rows.length);
  const values = rows.map((row, i) => {
    const old = stored.get(row.emailNormalized);
    return {
      email: row.email,
      email_normalized: row.emailNormalized,
      name: row.name || old?.name || '',
      organization: row.organization || old?.organization || '',
      country: row.country ?? old?.country ?? null,
      language: row.language ?? old?.language ?? 'en',
      time_zone: row.timeZone ?? old?.timeZone ?? null,
      tags: mergeTags(old?.tags ?? [], row.tags ?? []),
      unsubscribe_token: tokens.subarray(24 * i, 24 * (i + 1)).toString('base64url'),
      // Only a new row takes it (the conflict update leaves the marks alone).
      unsubscribed_at: suppressed.has(hashes[i] ?? '') ? new Date().toISOString() : null,
    };
  });

  // One JSON parameter for the whole batch: cheaper to build than 9 parameters a row, and
  // the same on PostgreSQL and PGlite. Only rows whose fields change are updated (and
  // returned); xmax = 0 marks a row this statement inserted.
  const result = await tx.execute(sql`
    insert into contacts (email, email_normalized, name, organization, country, language, time_zone, tags, unsubscribe_token, unsubscribed_at)
    select email, email_normalized, name, organization, country, language, time_zone, tags, unsubscribe_token, unsubscribed_at
    from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(
      email text, email_normalized text, name text, organization text, country text,
      language text, time_zone text, tags jsonb, unsubscribe_token text, unsubscribed_at timestamptz)
    on conflict (email_normalized) do update set
      name = excluded.name,
      organization = excluded.organization,
      country = excluded.country,
      language = excluded.language,
      time_zone = excluded.time_zone,
      tags = excluded.tags,
      updated_at = now()
    where (contacts.name, contacts.organization, contacts.country, contacts.language, contacts.time_zone, contacts.tags)
      is distinct from (excluded.name, excluded.organization, excluded.country, excluded.language, excluded.time_zone, excluded.tags)
    returning (xmax = 0) as inserted`);
  const written = (result as unknown as { rows: { inserted: boolean }[] }).rows;
  const imported = written.filter((w) => w.inserted).length;
  return { imported, updated: written.length - imported, unchanged: rows.length - written.length };
}

/** Stored tags first, then new ones; case-insensitive duplicates keep the first spelling. */
function mergeTags(stored: string[], added: string[]): string[] {
  const byKey = new Map<string, string>();
  for (const tag of [...stored, ...added]) {
    if (!byKey.has(tag.toLowerCase())) byKey.set(tag.toLowerCase(), tag);
  }
  return [...byKey.values()];
}

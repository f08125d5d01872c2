import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import * as tables from '../db/schema.js';
import type { Tx } from '../db/client.js';
import { addressHash } from './address-hash.js';

/** What an erasure leaves to do after its commit: the local outbox's .eml copies to remove. */
export type Erased = { count: number; notificationIds: string[] };

/**
 * Blanks registrants in place: name, email, organization and the manage token go (the token is
 * replaced by an unguessable value, so the old link stops working), the link to the contact
 * too; country, language, time zone, status and attendance stay for the counts. Their pending
 * mail is cancelled, SMTP errors (which can quote the address) cleared, and the copies kept by
 * the local outbox deleted.
 */
export async function eraseRegistrants(tx: Tx, ids: string[], now: Date): Promise<Erased> {
  if (ids.length === 0) return { count: 0, notificationIds: [] };
  const r = tables.registrations;
  const erased = await tx
    .update(r)
    .set({
      name: '',
      email: '',
      emailNormalized: sql`'erased-' || ${r.id}`,
      organization: '',
      manageToken: sql`'erased-' || gen_random_uuid()`,
      contactId: null,
      personalDataErasedAt: now,
      updatedAt: sql`now()`,
    })
    .where(and(inArray(r.id, ids), isNull(r.personalDataErasedAt)))
    .returning({ id: r.id });
  const erasedIds = erased.map((e) => e.id);
  if (erasedIds.length === 0) return { count: 0, notificationIds: [] };
  const n = tables.notifications;
  await tx
    .update(n)
    .set({ status: 'cancelled', updatedAt: sql`now()` })
    .where(and(inArray(n.registrationId, erasedIds), eq(n.status, 'pending')));
  await tx
    .update(n)
    .set({ lastError: null })
    .where(and(inArray(n.registrationId, erasedIds), isNotNull(n.lastError)));
  const o = tables.outboxMessages;
  const copies = await tx
    .delete(o)
    .where(inArray(o.notificationId, tx.select({ id: n.id }).from(n).where(inArray(n.registrationId, erasedIds))))
    .returning({ notificationId: o.notificationId });
  return { count: erasedIds.length, notificationIds: copies.map((c) => c.notificationId) };
}

/**
 * Erases named reporters' contact details — the sealed identity (envelope and its key id) and
 * any clear name/email left from before encryption; the text, themes, places and organization
 * stay. The reporter key itself stays: other reports may still be sealed to it.
 */
export async function eraseReporterIdentities(tx: Tx, ids: string[], now: Date): Promise<Erased> {
  if (ids.length === 0) return { count: 0, notificationIds: [] };
  const r = tables.reports;
  const erased = await tx
    .update(r)
    .set({
      contactName: null,
      contactEmail: null,
      identityCiphertext: null,
      identityKeyId: null,
      identityErasedAt: now,
      updatedAt: sql`now()`,
    })
    .where(and(inArray(r.id, ids), isNull(r.identityErasedAt)))
    .returning({ id: r.id });
  return { count: erased.length, notificationIds: [] };
}

/**
 * Deletes contacts and keeps only the keyed hash of each address (with why it must not be
 * mailed), so an import of the address later comes back unsubscribed. Their outbox rows and
 * local copies go by cascade; registrations they made stay (without the link).
 */
export async function eraseContacts(tx: Tx, ids: string[], privacyKey: string): Promise<Erased> {
  if (ids.length === 0) return { count: 0, notificationIds: [] };
  const c = tables.contacts;
  const rows = await tx
    .select({ id: c.id, emailNormalized: c.emailNormalized, unsubscribedAt: c.unsubscribedAt })
    .from(c)
    .where(inArray(c.id, ids))
    .for('update');
  if (rows.length === 0) return { count: 0, notificationIds: [] };
  await suppressAddresses(
    tx,
    rows.map((row) => ({
      addressHash: addressHash(privacyKey, row.emailNormalized),
      reason: row.unsubscribedAt ? ('unsubscribed' as const) : ('undeliverable' as const),
    })),
  );
  const n = tables.notifications;
  const o = tables.outboxMessages;
  const copies = await tx
    .select({ id: o.notificationId })
    .from(o)
    .innerJoin(n, eq(n.id, o.notificationId))
    .where(
      inArray(
        n.contactId,
        rows.map((row) => row.id),
      ),
    );
  await tx.delete(c).where(
    inArray(
      c.id,
      rows.map((row) => row.id),
    ),
  );
  return { count: rows.length, notificationIds: copies.map((copy) => copy.id) };
}

/** Records addresses that must stay unsubscribed (idempotent). */
export async function suppressAddresses(
  tx: Tx,
  entries: { addressHash: string; reason: 'unsubscribed' | 'undeliverable' }[],
): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(tables.addressSuppressions).values(entries).onConflictDoNothing();
}

/** After the commit: a copy whose row is gone is unreachable anyway; a failed removal must not undo the erasure. */
export async function removeOutboxCopies(dataDir: string, notificationIds: string[]): Promise<void> {
  const dir = path.join(dataDir, 'outbox');
  await Promise.all(notificationIds.map((id) => rm(path.join(dir, `${id}.eml`), { force: true })));
}

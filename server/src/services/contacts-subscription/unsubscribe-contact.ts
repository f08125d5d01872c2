import { tables, type Db } from '@convene/shared/db';
import { and, eq, sql } from 'drizzle-orm';

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/** The contact of an unsubscribe token, or null. */
export async function findContactByUnsubscribeToken(db: Db, token: string) {
  if (!TOKEN.test(token)) return null;
  const [contact] = await db.select().from(tables.contacts).where(eq(tables.contacts.unsubscribeToken, token));
  return contact ?? null;
}

/**
 * Unsubscribes for good (the first date is kept; imports never clear it) and cancels the
 * invitations still queued for the contact. Returns false for an unknown token.
 */
export async function unsubscribeContact(db: Db, token: string): Promise<boolean> {
  const contact = await findContactByUnsubscribeToken(db, token);
  if (!contact) return false;
  await db.transaction(async (tx) => {
    const now = new Date();
    await tx
      .update(tables.contacts)
      .set({
        unsubscribedAt: sql`coalesce(${tables.contacts.unsubscribedAt}, ${now.toISOString()}::timestamptz)`,
        updatedAt: now,
      })
      .where(eq(tables.contacts.id, contact.id));
    const n = tables.notifications;
    await tx
      .update(n)
      .set({ status: 'cancelled', lastError: 'unsubscribed', updatedAt: now })
      .where(and(eq(n.contactId, contact.id), eq(n.status, 'pending')));
  });
  return true;
}

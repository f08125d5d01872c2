import type { TContact } from '@convene/shared';
import type { tables } from '@convene/shared/db';

type ContactRow = typeof tables.contacts.$inferSelect;

/** What coordinators see of a contact: never the unsubscribe token. */
export function toContact(row: ContactRow): TContact {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    organization: row.organization,
    country: row.country,
    language: row.language,
    timeZone: row.timeZone,
    tags: row.tags,
    unsubscribed: row.unsubscribedAt !== null,
    undeliverable: row.undeliverableAt !== null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

import { tables } from '@convene/shared/db';
import { inArray, sql, type SQL } from 'drizzle-orm';
import type { Coordinator } from './coordinator.js';
import { scopeCountries } from './scope-countries.js';

/**
 * Outbox messages a region-scoped coordinator may see, as a condition on `notifications`:
 * those to a registrant or contact of their regions' countries. Account mails (no country)
 * and mails to people without a country are for the unscoped only.
 */
export function outboxScope(coordinator: Coordinator): SQL | undefined {
  const countries = scopeCountries(coordinator);
  if (!countries) return undefined;
  const n = tables.notifications;
  const r = tables.registrations;
  const c = tables.contacts;
  const country = sql`coalesce(
    (select ${r.country} from ${r} where ${r.id} = ${n.registrationId}),
    (select ${c.country} from ${c} where ${c.id} = ${n.contactId})
  )`;
  return inArray(country, countries);
}

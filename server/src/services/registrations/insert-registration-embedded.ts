import type { Db } from '@convene/shared/db';
import type { WebinarRow } from '../notifications/types.js';
import type { InsertOutcome, NewRegistration } from './insert-registration.js';

/** Thrown inside the transaction to undo a seat taken for a registration that already existed. */
class AlreadyRegistered extends Error {}

/** What this needs of the PGlite client under drizzle (no import of PGlite into the API). */
type Query = <R>(text: string, params?: unknown[]) => Promise<{ rows: R[] }>;
type EmbeddedClient = { transaction<T>(fn: (tx: { query: Query }) => Promise<T>): Promise<T> };

/**
 * insertRegistration on PGlite: one short transaction of plain statements — the guard (the
 * webinar as the caller saw it; the same conditions as webinar-guard.ts), the seat if there
 * is a capacity, the registration, its outbox rows — sent straight to the PGlite client:
 * in this thread, building the statements through drizzle cost more than running them.
 * PGlite serves one transaction at a time, so nothing runs between the guard and the commit;
 * a repeat of an existing email rolls the seat back.
 */
export async function insertRegistrationEmbedded(
  db: Db,
  webinar: WebinarRow,
  slug: string,
  reg: NewRegistration,
): Promise<InsertOutcome> {
  const client = (db as unknown as { $client: EmbeddedClient }).$client;
  const { input, now } = reg;
  try {
    return await client.transaction(async (tx): Promise<InsertOutcome> => {
      const { rows: guard } = await tx.query<{ capacity: number | null }>(
        `select capacity from webinars where id = $1 and slug = $2 and status = 'scheduled' and version = $3
           and reminder_offsets_minutes = $4::jsonb and starts_at + duration_minutes * interval '1 minute' > $5`,
        [webinar.id, slug, webinar.version, JSON.stringify(webinar.reminderOffsetsMinutes), now],
      );
      const current = guard[0];
      if (!current) return { kind: 'stale' };
      let status: 'confirmed' | 'waitlisted' = 'confirmed';
      if (current.capacity !== null) {
        const seat = await tx.query(
          'update webinars set confirmed_count = confirmed_count + 1 where id = $1 and confirmed_count < capacity returning id',
          [webinar.id],
        );
        if (seat.rows.length === 0) status = 'waitlisted';
      }
      const { rows: inserted } = await tx.query<{ created_ms: number }>(
        `insert into registrations (id, webinar_id, name, email, email_normalized, organization, country, language,
           time_zone, consent_at, status, confirmed_at, manage_token, consent_version)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
         on conflict (webinar_id, email_normalized) do nothing
         returning (extract(epoch from created_at) * 1000)::float8 as created_ms`,
        [
          reg.id,
          webinar.id,
          input.name,
          input.email,
          input.email.toLowerCase(),
          input.organization,
          input.country,
          input.language,
          input.timeZone,
          now,
          status,
          status === 'confirmed' ? now : null,
          reg.manageToken,
          input.consentVersion,
        ],
      );
      if (!inserted[0]) throw new AlreadyRegistered();
      const planned = reg.planned.filter((n) => status === 'confirmed' || n.kind === 'confirmation');
      const params = planned.flatMap((n) => [n.kind, n.offsetMinutes ?? null, n.dedupeKey, n.scheduledAt]);
      const values = planned.map((_, i) => `($1, $2, $3, $${i * 4 + 4}, $${i * 4 + 5}, $${i * 4 + 6}, $${i * 4 + 7})`);
      const { rows: outbox } = await tx.query<{ id: string; at: number }>(
        `insert into notifications (webinar_id, registration_id, webinar_version, kind, offset_minutes, dedupe_key,
           scheduled_at)
         values ${values.join(', ')}
         on conflict (dedupe_key) do nothing
         returning id, (extract(epoch from scheduled_at) * 1000)::float8 as at`,
        [webinar.id, reg.id, webinar.version, ...params],
      );
      return {
        kind: 'inserted',
        registration: {
          id: reg.id,
          status,
          createdAt: new Date(inserted[0].created_ms),
          notifications: outbox.map((n) => ({ id: n.id, scheduledAt: new Date(n.at) })),
        },
      };
    });
  } catch (err) {
    if (err instanceof AlreadyRegistered) return { kind: 'exists' };
    throw err;
  }
}

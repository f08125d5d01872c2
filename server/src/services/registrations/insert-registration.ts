import type { TCreateRegistration } from '@convene/shared';
import { sql, type SQL } from 'drizzle-orm';
import type { Database, Db } from '@convene/shared/db';
import type { NewNotification, PlannedNotification, WebinarRow } from '../notifications/types.js';
import { insertRegistrationEmbedded } from './insert-registration-embedded.js';
import { webinarGuard } from './webinar-guard.js';

export type InsertedRegistration = {
  id: string;
  status: 'confirmed' | 'waitlisted';
  createdAt: Date;
  notifications: PlannedNotification[];
};

export type InsertOutcome =
  | { kind: 'inserted'; registration: InsertedRegistration }
  /** The email is already registered for this webinar; nothing was written. */
  | { kind: 'exists' }
  /** The webinar no longer matches the row the caller planned from (or closed); nothing was written. */
  | { kind: 'stale' };

export type NewRegistration = {
  id: string;
  input: TCreateRegistration;
  manageToken: string;
  now: Date;
  /** Every outbox row of a confirmed registrant; only the confirmation is kept for a waitlisted one. */
  planned: NewNotification[];
};

type Row = {
  webinar_matched: number;
  id: string | null;
  status: 'confirmed' | 'waitlisted' | null;
  created_ms: number | string | null;
  planned: string | { id: string; at: number }[] | null;
};

/**
 * Writes a new registration and its outbox rows in one statement (on PostgreSQL) — one round trip, and one
 * transaction since a statement is atomic — guarded by the webinar row as the caller saw it
 * (from OpenWebinarCache): if it was edited, rescheduled, cancelled or closed meanwhile, or
 * a capacity was set or lifted, nothing is written and the outcome is 'stale'.
 *
 * The webinar row is locked first (FOR NO KEY UPDATE with a capacity, FOR KEY SHARE without,
 * like the foreign key check does anyway): after waiting on a concurrent change the guard is
 * re-checked on the newest row, so a registration never slips in beside a cancellation or a
 * reschedule, and with a capacity the seat count read is the current one. Registrants of an
 * unlimited webinar are not serialized (key-share locks do not conflict with each other).
 * The seat is taken only if the registration row was inserted, so a repeat of an existing
 * email (the unique index decides) neither takes nor leaks a seat.
 */
export async function insertRegistration(
  db: Db,
  kind: Database['kind'],
  webinar: WebinarRow,
  slug: string,
  reg: NewRegistration,
): Promise<InsertOutcome> {
  // PGlite runs in this thread, with no network between: there a short transaction of plain
  // statements costs half what this statement does (its planning dominates), and nothing
  // runs concurrently with it.
  if (kind === 'pglite') return insertRegistrationEmbedded(db, webinar, slug, reg);
  const result = await db.execute(registrationStatement(webinar, slug, reg));
  return outcomeOf((result as unknown as { rows: Row[] }).rows[0]);
}

/** The statement of insertRegistration. */
export function registrationStatement(webinar: WebinarRow, slug: string, reg: NewRegistration): SQL {
  const limited = webinar.capacity !== null;
  const { input, now } = reg;
  const planned = JSON.stringify(
    reg.planned.map((n) => ({
      kind: n.kind,
      offset_minutes: n.offsetMinutes ?? null,
      dedupe_key: n.dedupeKey,
      scheduled_at: n.scheduledAt.toISOString(),
    })),
  );
  const lock: SQL = limited ? sql`for no key update` : sql`for key share`;
  const seat: SQL = limited
    ? sql`, seat as (
        update webinars set confirmed_count = confirmed_count + 1
        where id = ${webinar.id} and exists (select 1 from reg where status = 'confirmed')
        returning id)`
    : sql``;
  return sql`
    with w as (
      select id, capacity, confirmed_count from webinars
      where ${webinarGuard(webinar, slug, now)} and capacity is ${limited ? sql`not null` : sql`null`}
      ${lock}
    ),
    reg as (
      insert into registrations (id, webinar_id, name, email, email_normalized, organization, country,
        language, time_zone, consent_at, consent_version, status, confirmed_at, manage_token)
      select ${reg.id}::uuid, w.id, ${input.name}::text, ${input.email}::text, ${input.email.toLowerCase()}::text,
        ${input.organization}::text, ${input.country}::text, ${input.language}::text, ${input.timeZone}::text,
        ${now}::timestamptz, ${input.consentVersion}::text, s.status, case when s.status = 'confirmed' then ${now}::timestamptz end,
        ${reg.manageToken}::text
      from w cross join lateral (
        select case when w.capacity is null or w.confirmed_count < w.capacity
          then 'confirmed' else 'waitlisted' end as status) s
      on conflict (webinar_id, email_normalized) do nothing
      returning id, status, created_at
    )${seat},
    outbox as (
      insert into notifications (kind, webinar_id, registration_id, webinar_version, offset_minutes, dedupe_key,
        scheduled_at)
      select n.kind, ${webinar.id}::uuid, reg.id, ${webinar.version}::int, n.offset_minutes, n.dedupe_key, n.scheduled_at
      from reg cross join jsonb_to_recordset(${planned}::jsonb)
        as n(kind text, offset_minutes integer, dedupe_key text, scheduled_at timestamptz)
      where n.kind = 'confirmation' or reg.status = 'confirmed'
      on conflict (dedupe_key) do nothing
      returning id, scheduled_at
    )
    select (select count(*)::int from w) as webinar_matched, reg.id, reg.status,
      (extract(epoch from reg.created_at) * 1000)::float8 as created_ms,
      (select coalesce(json_agg(json_build_object(
        'id', outbox.id, 'at', (extract(epoch from outbox.scheduled_at) * 1000)::float8)), '[]'::json)
        from outbox) as planned
    from (select 1) as one left join reg on true`;
}

function outcomeOf(row: Row | undefined): InsertOutcome {
  if (!row || row.webinar_matched === 0) return { kind: 'stale' };
  if (!row.id || !row.status) return { kind: 'exists' };
  const notifications = (typeof row.planned === 'string' ? JSON.parse(row.planned) : (row.planned ?? [])) as {
    id: string;
    at: number;
  }[];
  return {
    kind: 'inserted',
    registration: {
      id: row.id,
      status: row.status,
      createdAt: new Date(Number(row.created_ms)),
      notifications: notifications.map((n) => ({ id: n.id, scheduledAt: new Date(n.at) })),
    },
  };
}

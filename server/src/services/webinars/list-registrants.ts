import type { TRegistrant, TRegistrantCounts, TRegistrantFilter, TRegistrantList } from '@convene/shared';
import { tables, type Db, type Tx } from '@convene/shared/db';
import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';

type RegistrationRow = typeof tables.registrations.$inferSelect;

/** LIKE pattern matching `text` anywhere, its own % and _ taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

export function toRegistrant(r: RegistrationRow): TRegistrant {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    organization: r.organization,
    country: r.country,
    language: r.language,
    timeZone: r.timeZone,
    status: r.status,
    registeredAt: r.createdAt.toISOString(),
    consentAt: r.consentAt.toISOString(),
    consentVersion: r.consentVersion ?? null,
    cancelledAt: r.cancelledAt?.toISOString() ?? null,
    attendedAt: r.attendedAt?.toISOString() ?? null,
    attendanceSource: r.attendanceSource ?? null,
    erasedAt: r.personalDataErasedAt?.toISOString() ?? null,
  };
}

/**
 * A webinar's registrants in the order they registered (the waiting list's order too),
 * narrowed by status and search words, with the true counts of the whole webinar (within
 * the caller's scope). `scope` narrows to what a region-scoped coordinator may see.
 */
export async function listRegistrants(
  db: Db,
  webinarId: string,
  filter: TRegistrantFilter = {},
  scope?: SQL,
): Promise<TRegistrantList> {
  await assertWebinarExists(db, webinarId);
  const r = tables.registrations;
  const conditions: (SQL | undefined)[] = [eq(r.webinarId, webinarId), scope];
  if (filter.status) conditions.push(eq(r.status, filter.status));
  if (filter.q) {
    const pattern = containing(filter.q);
    conditions.push(or(ilike(r.name, pattern), ilike(r.email, pattern), ilike(r.organization, pattern)));
  }
  const [rows, counts] = await Promise.all([
    db
      .select()
      .from(r)
      .where(and(...conditions))
      .orderBy(asc(r.createdAt), asc(r.id)),
    countRegistrants(db, webinarId, scope),
  ]);
  return { registrants: rows.map(toRegistrant), counts };
}

/** Confirmed, waitlisted, cancelled, attended and absentees of one webinar, in one statement. */
export async function countRegistrants(db: Db | Tx, webinarId: string, scope?: SQL): Promise<TRegistrantCounts> {
  const r = tables.registrations;
  const n = (condition: SQL) => sql<number>`cast(count(*) filter (where ${condition}) as int)`;
  const [row] = await db
    .select({
      confirmed: n(sql`${r.status} = 'confirmed'`),
      waitlisted: n(sql`${r.status} = 'waitlisted'`),
      cancelled: n(sql`${r.status} = 'cancelled'`),
      attended: n(sql`${r.status} <> 'cancelled' and ${r.attendedAt} is not null`),
      absentees: n(sql`${r.status} = 'confirmed' and ${r.attendedAt} is null`),
    })
    .from(r)
    .where(and(eq(r.webinarId, webinarId), scope));
  return row ?? { confirmed: 0, waitlisted: 0, cancelled: 0, attended: 0, absentees: 0 };
}

async function assertWebinarExists(db: Db, webinarId: string): Promise<void> {
  const [webinar] = await db
    .select({ id: tables.webinars.id })
    .from(tables.webinars)
    .where(eq(tables.webinars.id, webinarId));
  if (!webinar) throw AppError.notFound('Webinar');
}

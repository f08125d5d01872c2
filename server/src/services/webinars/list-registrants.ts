import { tables, type Db } from '@convene/shared/db';
import { and, asc, eq, type SQL } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';

export type Registrant = {
  id: string;
  name: string;
  email: string;
  organization: string;
  country: string;
  language: string;
  timeZone: string;
  status: string;
  registeredAt: string;
  cancelledAt: string | null;
};

/**
 * A webinar's registrants in the order they registered (the waiting list's order too);
 * `scope` (services/access/registrant-scope) keeps those a scoped coordinator may see.
 */
export async function listRegistrants(db: Db, webinarId: string, scope?: SQL): Promise<Registrant[]> {
  const [webinar] = await db
    .select({ id: tables.webinars.id })
    .from(tables.webinars)
    .where(eq(tables.webinars.id, webinarId));
  if (!webinar) throw AppError.notFound('Webinar');
  const rows = await db
    .select()
    .from(tables.registrations)
    .where(and(eq(tables.registrations.webinarId, webinarId), scope))
    .orderBy(asc(tables.registrations.createdAt), asc(tables.registrations.id));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    organization: r.organization,
    country: r.country,
    language: r.language,
    timeZone: r.timeZone,
    status: r.status,
    registeredAt: r.createdAt.toISOString(),
    cancelledAt: r.cancelledAt?.toISOString() ?? null,
  }));
}

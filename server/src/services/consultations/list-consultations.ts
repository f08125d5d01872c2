import type { TRegion } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { and, asc, desc, eq, gt } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import { toAdminConsultation, type ConsultationRow } from './consultation-views.js';

export type ConsultationFilter = { themeSlug?: string; region?: TRegion };

const conditions = (filter: ConsultationFilter) => [
  filter.themeSlug ? eq(tables.consultations.themeSlug, filter.themeSlug) : undefined,
  filter.region ? eq(tables.consultations.region, filter.region) : undefined,
];

/** Consultations not yet ended, soonest first (cancelled ones included: the page says so). */
export async function listUpcomingConsultations(
  db: Db,
  filter: ConsultationFilter = {},
  now = new Date(),
): Promise<ConsultationRow[]> {
  return db
    .select()
    .from(tables.consultations)
    .where(and(gt(tables.consultations.endsAt, now), ...conditions(filter)))
    .orderBy(asc(tables.consultations.startsAt), asc(tables.consultations.id));
}

/**
 * Every consultation of the filter, past ones included: a feed keeps the events a calendar
 * already holds, so it can keep them up to date (or cancelled) rather than orphaned.
 */
export async function listFeedConsultations(db: Db, filter: ConsultationFilter = {}): Promise<ConsultationRow[]> {
  return db
    .select()
    .from(tables.consultations)
    .where(and(...conditions(filter)))
    .orderBy(asc(tables.consultations.startsAt), asc(tables.consultations.id));
}

/** The workspace list: every consultation, latest start first. */
export async function listAdminConsultations(db: Db) {
  const rows = await db
    .select()
    .from(tables.consultations)
    .orderBy(desc(tables.consultations.startsAt), asc(tables.consultations.id));
  return rows.map(toAdminConsultation);
}

/** One consultation as coordinators see it. */
export async function getAdminConsultation(db: Db, id: string) {
  const [row] = await db.select().from(tables.consultations).where(eq(tables.consultations.id, id));
  if (!row) throw AppError.notFound('Consultation');
  return toAdminConsultation(row);
}

import type { TAdminConsultation, TConsultation } from '@convene/shared';
import type { tables } from '@convene/shared/db';

export type ConsultationRow = typeof tables.consultations.$inferSelect;

/** What anyone may see of a consultation. */
export function toPublicConsultation(row: ConsultationRow): TConsultation {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    description: row.description,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    hostTimeZone: row.hostTimeZone,
    online: row.online,
    place: row.place,
    link: row.link,
    region: row.region,
    themeSlug: row.themeSlug,
    status: row.status,
  };
}

/** The coordinators' view: the public one plus its sequence and dates. */
export function toAdminConsultation(row: ConsultationRow): TAdminConsultation {
  return {
    ...toPublicConsultation(row),
    sequence: row.sequence,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

import type { TAdminWebinar, TPublicWebinar } from '@convene/shared';
import type { tables } from '@convene/shared/db';
import type { RegistrationCounts } from './count-registrations.js';

type WebinarRow = typeof tables.webinars.$inferSelect;

/** The public view of a webinar: never the join URL. */
export function toPublicWebinar(row: WebinarRow): TPublicWebinar {
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind,
    themeSlug: row.themeSlug,
    title: row.title,
    description: row.description,
    startsAt: row.startsAt.toISOString(),
    durationMinutes: row.durationMinutes,
    hostTimeZone: row.hostTimeZone,
    languages: row.languages,
    capacity: row.capacity,
    seatsLeft: row.capacity === null ? null : Math.max(0, row.capacity - row.confirmedCount),
    status: row.status,
    recordingUrl: row.status === 'completed' ? row.recordingUrl : null,
  };
}

/** The coordinator view: everything, including the secret join URL. */
export function toAdminWebinar(row: WebinarRow, counts: RegistrationCounts): TAdminWebinar {
  return {
    ...toPublicWebinar(row),
    joinUrl: row.joinUrl,
    recordingUrl: row.recordingUrl,
    reminderOffsetsMinutes: row.reminderOffsetsMinutes,
    version: row.version,
    registrationsCount: counts.confirmed + counts.waitlisted,
    confirmedCount: counts.confirmed,
    waitlistedCount: counts.waitlisted,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

import { sql, type SQL } from 'drizzle-orm';
import type { WebinarRow } from '../notifications/types.js';

/**
 * The WHERE clause on `webinars` that holds only while the row is still the one a registration
 * was planned from (OpenWebinarCache): same id and slug, still scheduled, same version (bumped
 * by a reschedule), same reminder offsets, and not over at `now`. Everything else the
 * registration needs (capacity, seats taken) is read from the row itself.
 */
export function webinarGuard(webinar: WebinarRow, slug: string, now: Date): SQL {
  return sql`id = ${webinar.id}::uuid and slug = ${slug}::text and status = 'scheduled'
    and version = ${webinar.version}::int
    and reminder_offsets_minutes = ${JSON.stringify(webinar.reminderOffsetsMinutes)}::jsonb
    and starts_at + duration_minutes * interval '1 minute' > ${now}::timestamptz`;
}

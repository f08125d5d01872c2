import { sql, type SQL } from 'drizzle-orm';
import type { RetentionPolicy } from './retention-policy.js';

export const RETENTION_CATEGORIES = ['registrants', 'reporters', 'contacts'] as const;
export type RetentionCategory = (typeof RETENTION_CATEGORIES)[number];

/**
 * For each category, a subquery of (id, due_at): every row still holding personal data, and
 * when the policy erases it. The purge takes the rows with due_at <= now; the forecast groups
 * them by day. One definition, so the page never shows a date the purge does not keep.
 */
export function retentionDue(policy: RetentionPolicy): Record<RetentionCategory, SQL> {
  return {
    // After the webinar's end (start + duration), however it ended (held, cancelled).
    registrants: sql`
      select r.id, w.starts_at + make_interval(mins => w.duration_minutes, days => ${policy.registrantDays}::int) as due_at
      from registrations r join webinars w on w.id = r.webinar_id
      where r.personal_data_erased_at is null`,
    // After the first frozen brief (compilation) that included the report; anonymous reports hold no identity.
    reporters: sql`
      select r.id, min(c.created_at) + make_interval(days => ${policy.reporterDays}::int) as due_at
      from compilations c
      cross join lateral jsonb_array_elements_text(c.report_ids) as included(report_id)
      join reports r on r.id = included.report_id::uuid
      where not r.anonymous and r.identity_erased_at is null
        and (r.contact_name is not null or r.contact_email is not null or r.identity_ciphertext is not null)
      group by r.id`,
    // After the first of the unsubscribe and the hard bounce (least() skips a null).
    contacts: sql`
      select id, least(unsubscribed_at, undeliverable_at) + make_interval(days => ${policy.contactDays}::int) as due_at
      from contacts
      where unsubscribed_at is not null or undeliverable_at is not null`,
  };
}

import type { TRegistrantList } from '@convene/shared';
import { adminRequest } from '../api/admin-request';

/**
 * A webinar's registrants with their true counts (confirmed, waitlisted, attended, absentees):
 * what the edit page summarizes and what completing the webinar will mail.
 */
export const listWebinarRegistrations = (webinarId: string, signal?: AbortSignal) =>
  adminRequest<TRegistrantList>(
    `/api/admin/webinars/${encodeURIComponent(webinarId)}/registrations`,
    (s) => s.ZRegistrantList,
    { signal },
  );

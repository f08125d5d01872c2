import type { TReportSubmittedEvent } from './index.js';

/** The filters of the reports list (GET /api/admin/reports), as strings, page aside. */
export type TReportListFilters = Partial<
  Record<'theme' | 'region' | 'country' | 'webinar' | 'language' | 'status' | 'from' | 'to' | 'q' | 'merged', string>
>;

/**
 * Whether a newly submitted report belongs in a reports list with these filters, judged from
 * the live event alone: `yes` or `no` when the event carries what every filter asks about,
 * `maybe` when a filter needs what it leaves out on purpose (the text for `q`, the webinar).
 */
export type TReportEventMatch = 'yes' | 'no' | 'maybe';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A bound as an instant in ms: a date is its UTC midnight, or the midnight after it when `end`. */
function boundOf(value: string, end: boolean): number {
  if (DAY.test(value)) return Date.parse(`${value}T00:00:00Z`) + (end ? 86_400_000 : 0);
  return Date.parse(value);
}

/** See TReportEventMatch. A new report's status is always `new`, and it is merged into none. */
export function reportEventMatches(event: TReportSubmittedEvent, filters: TReportListFilters): TReportEventMatch {
  if (filters.region && filters.region !== event.region) return 'no';
  if (filters.theme && !event.themes.includes(filters.theme)) return 'no';
  if (filters.country && !event.countries.includes(filters.country)) return 'no';
  if (filters.language && filters.language !== event.language) return 'no';
  if (filters.status && filters.status !== 'new') return 'no';
  if (filters.merged === 'only') return 'no';
  const received = Date.parse(event.receivedAt);
  if (filters.from && !(received >= boundOf(filters.from, false))) return 'no';
  if (filters.to && !(received < boundOf(filters.to, true))) return 'no';
  return filters.q || filters.webinar ? 'maybe' : 'yes';
}

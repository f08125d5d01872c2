import { wallTimeToUtc } from '@convene/shared';
import { REPORT_QUERY_KEYS, type ReportQuery } from '../api/endpoints';

/** The filters in the address (/admin/reports?theme=…), keeping known keys only. */
export function readReportQuery(search: string): ReportQuery {
  const params = new URLSearchParams(search);
  const query: ReportQuery = {};
  for (const key of REPORT_QUERY_KEYS) {
    const value = params.get(key)?.trim();
    if (value) query[key] = value;
  }
  return query;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight starting a calendar day in a zone, as an instant; the day after when `next`. */
function dayStart(day: string, zone: string, next: boolean): string | undefined {
  const match = DAY.exec(day);
  if (!match) return undefined;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d) + (next ? 1 : 0)));
  return wallTimeToUtc(
    { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: 0, minute: 0 },
    zone,
  ).toISOString();
}

/**
 * The query the API gets: the reader picks days in their own zone, so "from 1 March" starts at
 * midnight there and "until 3 March" ends at the midnight after it (exclusive).
 */
export function apiReportQuery(query: ReportQuery, zone: string): ReportQuery {
  const from = query.from ? dayStart(query.from, zone, false) : undefined;
  const to = query.to ? dayStart(query.to, zone, true) : undefined;
  return { ...query, from, to };
}

import type { TConsultationList, TThemePage } from '@convene/shared';
import { requestJson, type ApiResult } from '../../common/api/http';

/** A theme's public page: webinars, recordings, published briefs, consultations (404 when not public). */
export function fetchThemePage(slug: string, signal?: AbortSignal): Promise<ApiResult<TThemePage>> {
  return requestJson(`/api/themes/${encodeURIComponent(slug)}/page`, (s) => s.ZThemePage, { signal });
}

export type ConsultationFilter = { theme?: string; region?: string };

/** The query string of a calendar filter ("?theme=x&region=y", or ""). */
export function filterQuery(filter: ConsultationFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (filter.theme) params.set('theme', filter.theme);
  if (filter.region) params.set('region', filter.region);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Upcoming consultations, soonest first. */
export function fetchConsultations(
  filter: ConsultationFilter,
  signal?: AbortSignal,
): Promise<ApiResult<TConsultationList>> {
  return requestJson(`/api/consultations${filterQuery(filter)}`, (s) => s.ZConsultationList, { signal });
}

/** The address of the iCalendar feed of a filter, absolute: calendar apps need the whole URL. */
export function feedUrl(filter: ConsultationFilter, language: string): string {
  return `${window.location.origin}/api/consultations.ics${filterQuery(filter, { lang: language })}`;
}

/** A published brief's download path. */
export function briefDownloadPath(slug: string, number: number, format: 'md' | 'docx', language: string): string {
  return `/api/themes/${encodeURIComponent(slug)}/briefs/${number}.${format}?lang=${language}`;
}

import type { TConsultationList, TThemePage } from '@convene/shared';
import { requestJson, type ApiResult, type Parser } from '../../common/api/http';
import type * as ResourceSchemasModule from './resources-schemas';

type ResourceSchemas = typeof ResourceSchemasModule;

let schemas: Promise<ResourceSchemas> | undefined;
const loadSchemas = () =>
  (schemas ??= import('./resources-schemas').catch((err: unknown) => {
    schemas = undefined;
    throw err;
  }));

const anything: Parser<unknown> = { safeParse: (value) => ({ success: true, data: value }) };

/** requestJson, with the answer checked by a schema of ./resources-schemas (downloaded alongside). */
async function requestResource<T>(
  path: string,
  pick: (s: ResourceSchemas) => Parser<T>,
  signal?: AbortSignal,
): Promise<ApiResult<T>> {
  const loading = loadSchemas();
  loading.catch(() => undefined); // handled below, once the answer is in
  const result = await requestJson(path, () => anything, { signal });
  if (!result.ok) return result;
  let s: ResourceSchemas;
  try {
    s = await loading;
  } catch (err) {
    if (signal?.aborted) throw err;
    return { ok: false, error: { status: 0, code: 'network' } };
  }
  const parsed = pick(s).safeParse(result.data);
  return parsed.success
    ? { ok: true, status: result.status, data: parsed.data }
    : { ok: false, error: { status: result.status, code: 'invalid_response' } };
}

/** A theme's public page: webinars, recordings, published briefs, consultations (404 when not public). */
export function fetchThemePage(slug: string, signal?: AbortSignal): Promise<ApiResult<TThemePage>> {
  return requestResource(`/api/themes/${encodeURIComponent(slug)}/page`, (s) => s.ZThemePage, signal);
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
  return requestResource(`/api/consultations${filterQuery(filter)}`, (s) => s.ZConsultationList, signal);
}

/** The address of the iCalendar feed of a filter, absolute: calendar apps need the whole URL. */
export function feedUrl(filter: ConsultationFilter, language: string): string {
  return `${window.location.origin}/api/consultations.ics${filterQuery(filter, { lang: language })}`;
}

/** A published brief's download path. */
export function briefDownloadPath(slug: string, number: number, format: 'md' | 'docx', language: string): string {
  return `/api/themes/${encodeURIComponent(slug)}/briefs/${number}.${format}?lang=${language}`;
}

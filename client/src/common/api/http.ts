import type { TFieldError } from '@convene/shared';
import type * as ApiSchemasModule from './schemas';

/** A failed API call: status 0 when the server could not be reached at all. */
export type ApiError = {
  status: number;
  /** The server's error code (an errors.* catalog key when there is one), or "network". */
  code: string;
  fields?: Record<string, TFieldError>;
  /** Seconds to wait before trying again, from a 429's Retry-After. */
  retryAfter?: number;
  /** Problems tied to lines of an uploaded file (CSV imports). */
  lines?: { line: number; code: string; message: string }[];
};

export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; error: ApiError };

/** What requestJson needs of a shared zod schema (kept structural: the client does not import zod). */
export type Parser<T> = {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
};

/** The shared schemas of API answers (./schemas), loaded on first use. */
export type ApiSchemas = typeof ApiSchemasModule;

let apiSchemas: Promise<ApiSchemas> | undefined;

/** Imports ./schemas (zod) once; a failed download is tried again by the next call. */
export function loadApiSchemas(): Promise<ApiSchemas> {
  apiSchemas ??= import('./schemas').catch((err: unknown) => {
    apiSchemas = undefined;
    throw err;
  });
  return apiSchemas;
}

// Slow links are expected; a request still has to end so the reader can retry.
const TIMEOUT_MS = 30_000;

/**
 * Calls the API and parses the answer with the shared schema that `parser` picks. Never
 * rejects except when the caller aborts: every failure, from no network to an unexpected
 * body, is an ApiError. The schemas download in parallel with the request.
 */
export async function requestJson<T>(
  path: string,
  parser: (schemas: ApiSchemas) => Parser<T>,
  init: { method?: 'GET' | 'POST' | 'PATCH'; body?: unknown; signal?: AbortSignal } = {},
): Promise<ApiResult<T>> {
  const schemasLoading = loadApiSchemas();
  schemasLoading.catch(() => undefined); // handled below, once the response is in
  // AbortSignal.any/timeout are too recent for the older phones we serve: combine by hand.
  const controller = new AbortController();
  const timer = window.setTimeout(() => controller.abort(), TIMEOUT_MS);
  const forward = () => controller.abort();
  init.signal?.addEventListener('abort', forward);

  try {
    let response: Response;
    try {
      response = await fetch(path, {
        method: init.method ?? 'GET',
        headers: {
          Accept: 'application/json',
          ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: controller.signal,
        credentials: 'same-origin',
      });
    } catch (err) {
      if (init.signal?.aborted) throw err; // the caller cancelled: nothing to show
      return { ok: false, error: { status: 0, code: 'network' } };
    }

    let body: unknown;
    try {
      body = await response.json();
    } catch (err) {
      if (init.signal?.aborted) throw err;
      body = undefined;
    }

    let schemas: ApiSchemas;
    try {
      schemas = await schemasLoading;
    } catch (err) {
      if (init.signal?.aborted) throw err;
      return { ok: false, error: { status: 0, code: 'network' } }; // the schemas' chunk did not arrive
    }

    if (!response.ok) {
      const wait = Number(response.headers.get('Retry-After'));
      const retryAfter = response.status === 429 && wait > 0 ? { retryAfter: wait } : {};
      const parsed = schemas.ZApiError.safeParse(body);
      // A proxy may answer 502/503/504 with HTML: keep the status, the caller names it.
      if (!parsed.success) return { ok: false, error: { status: response.status, code: 'unknown', ...retryAfter } };
      const { code, fields } = parsed.data.error;
      return { ok: false, error: { status: response.status, code, ...(fields ? { fields } : {}), ...retryAfter } };
    }

    const parsed = parser(schemas).safeParse(body);
    if (!parsed.success) return { ok: false, error: { status: response.status, code: 'invalid_response' } };
    return { ok: true, status: response.status, data: parsed.data };
  } finally {
    window.clearTimeout(timer);
    init.signal?.removeEventListener('abort', forward);
  }
}

import { ZApiError, type TFieldError } from '@convene/shared';

/** A failed API call: status 0 when the server could not be reached at all. */
export type ApiError = {
  status: number;
  /** The server's error code (an errors.* catalog key when there is one), or "network". */
  code: string;
  fields?: Record<string, TFieldError>;
};

export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; error: ApiError };

/** What requestJson needs of a shared zod schema (kept structural: the client does not import zod). */
export type Parser<T> = {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
};

// Slow links are expected; a request still has to end so the reader can retry.
const TIMEOUT_MS = 30_000;

/**
 * Calls the API and parses the answer with the shared schema. Never rejects except when the
 * caller aborts: every failure, from no network to an unexpected body, is an ApiError.
 */
export async function requestJson<T>(
  path: string,
  schema: Parser<T>,
  init: { method?: 'GET' | 'POST'; body?: unknown; signal?: AbortSignal } = {},
): Promise<ApiResult<T>> {
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

    if (!response.ok) {
      const parsed = ZApiError.safeParse(body);
      // A proxy may answer 502/503/504 with HTML: keep the status, the caller names it.
      if (!parsed.success) return { ok: false, error: { status: response.status, code: 'unknown' } };
      const { code, fields } = parsed.data.error;
      return { ok: false, error: { status: response.status, code, ...(fields ? { fields } : {}) } };
    }

    const parsed = schema.safeParse(body);
    if (!parsed.success) return { ok: false, error: { status: response.status, code: 'invalid_response' } };
    return { ok: true, status: response.status, data: parsed.data };
  } finally {
    window.clearTimeout(timer);
    init.signal?.removeEventListener('abort', forward);
  }
}

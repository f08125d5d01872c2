import type { ApiError, ApiResult, Parser } from '../../common/api/http';
import type * as AdminSchemasModule from './admin-schemas';

/** The shared schemas of the workspace's API answers (./admin-schemas), loaded on first use. */
export type AdminSchemas = typeof AdminSchemasModule;

let schemas: Promise<AdminSchemas> | undefined;

/** Imports ./admin-schemas (zod) once; a failed download is tried again by the next call. */
export function loadAdminSchemas(): Promise<AdminSchemas> {
  schemas ??= import('./admin-schemas').catch((err: unknown) => {
    schemas = undefined;
    throw err;
  });
  return schemas;
}

/** A parser of `{ [key]: value }` answers that keeps the value. */
export function field<T>(key: string, parser: Parser<T>): Parser<T> {
  return {
    safeParse(value) {
      const inner = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
      const parsed = parser.safeParse(inner);
      return parsed.success ? { success: true, data: parsed.data } : { success: false };
    },
  };
}

/** Accepts any answer (204 and the like): the status says it all. */
export const anything: Parser<null> = { safeParse: () => ({ success: true, data: null }) };

let csrfToken: string | null = null;

/** Keeps the CSRF token of the session (from sign-in or /api/auth/me) for state-changing calls. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type UnauthorizedHandler = (code: string) => void;
let unauthorized: UnauthorizedHandler = () => undefined;

/** What to do when the server says the session is gone (401): the session provider signs out. */
export function onUnauthorized(handler: UnauthorizedHandler): () => void {
  unauthorized = handler;
  return () => {
    if (unauthorized === handler) unauthorized = () => undefined;
  };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type AdminRequestInit = {
  method?: Method;
  body?: unknown;
  /** A body sent as is (a CSV upload) instead of JSON. */
  raw?: { contentType: string; data: Blob | string };
  signal?: AbortSignal;
  /** False for the calls where a 401 is an answer, not a lost session (sign-in, who am I). */
  signOutOn401?: boolean;
};

const TIMEOUT_MS = 30_000;

async function send(path: string, init: AdminRequestInit): Promise<Response | 'network'> {
  const controller = new AbortController();
  const timer = window.setTimeout(() => controller.abort(), TIMEOUT_MS);
  const forward = () => controller.abort();
  init.signal?.addEventListener('abort', forward);
  const method = init.method ?? 'GET';
  try {
    return await fetch(path, {
      method,
      headers: {
        Accept: 'application/json',
        ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(init.raw ? { 'Content-Type': init.raw.contentType } : {}),
        ...(method !== 'GET' && csrfToken ? { 'x-csrf-token': csrfToken } : {}),
      },
      body: init.raw ? init.raw.data : init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: controller.signal,
      credentials: 'same-origin',
    });
  } catch (err) {
    if (init.signal?.aborted) throw err;
    return 'network';
  } finally {
    window.clearTimeout(timer);
    init.signal?.removeEventListener('abort', forward);
  }
}

async function readError(response: Response, s: AdminSchemas): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = s.ZApiError.safeParse(body);
  if (!parsed.success) return { status: response.status, code: 'unknown' };
  const { code, fields, lines } = parsed.data.error;
  return { status: response.status, code, ...(fields ? { fields } : {}), ...(lines ? { lines } : {}) };
}

/** A fresh CSRF token for the session, after the server refused the one we had. */
async function refreshCsrfToken(): Promise<boolean> {
  const response = await send('/api/auth/csrf', {});
  if (response === 'network' || !response.ok) return false;
  const body = (await response.json().catch(() => null)) as { csrfToken?: unknown } | null;
  if (typeof body?.csrfToken !== 'string') return false;
  csrfToken = body.csrfToken;
  return true;
}

/**
 * Calls a coordinator API with the session cookie (and the CSRF token on POST/PUT/PATCH/DELETE) and
 * parses the answer with the schema `parser` picks. Never rejects unless the caller aborts:
 * every failure is an ApiError. A 401 ends the session in the workspace (back to sign-in).
 */
export async function adminRequest<T>(
  path: string,
  parser: (s: AdminSchemas) => Parser<T>,
  init: AdminRequestInit = {},
): Promise<ApiResult<T>> {
  const schemasLoading = loadAdminSchemas();
  schemasLoading.catch(() => undefined); // handled below
  let response = await send(path, init);
  if (response !== 'network' && response.status === 403 && (init.method ?? 'GET') !== 'GET') {
    // The token may have been rotated under us (another tab signed in again): one retry.
    const copy = response.clone();
    const body = (await copy.json().catch(() => null)) as { error?: { code?: unknown } } | null;
    if (body?.error?.code === 'csrf_invalid' && (await refreshCsrfToken())) response = await send(path, init);
  }
  if (response === 'network') return { ok: false, error: { status: 0, code: 'network' } };

  let s: AdminSchemas;
  try {
    s = await schemasLoading;
  } catch (err) {
    if (init.signal?.aborted) throw err;
    return { ok: false, error: { status: 0, code: 'network' } };
  }
  if (!response.ok) {
    const error = await readError(response, s);
    if (error.status === 401 && init.signOutOn401 !== false) unauthorized(error.code);
    return { ok: false, error };
  }
  let body: unknown = null;
  if (response.status !== 204) {
    try {
      body = await response.json();
    } catch (err) {
      if (init.signal?.aborted) throw err;
      return { ok: false, error: { status: response.status, code: 'invalid_response' } };
    }
  }
  const parsed = parser(s).safeParse(body);
  if (!parsed.success) return { ok: false, error: { status: response.status, code: 'invalid_response' } };
  return { ok: true, status: response.status, data: parsed.data };
}

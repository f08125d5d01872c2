import type { TManagedRegistration } from '@convene/shared';
import { requestJson, type ApiResult } from '../../common/api/http';

const managePath = (token: string) => `/api/registrations/manage/${encodeURIComponent(token)}`;

/** The registration behind a manage link (404 when the token is unknown). */
export function fetchManagedRegistration(
  token: string,
  signal?: AbortSignal,
): Promise<ApiResult<TManagedRegistration>> {
  return requestJson(managePath(token), (s) => s.ZManagedRegistration, { signal });
}

/** Cancels the registration behind a manage link; cancelling twice answers the same. */
export function cancelManagedRegistration(token: string): Promise<ApiResult<TManagedRegistration>> {
  return requestJson(`${managePath(token)}/cancel`, (s) => s.ZManagedRegistration, { method: 'POST' });
}

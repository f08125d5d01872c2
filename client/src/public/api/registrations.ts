import type { TManagedRegistration, TUpdateManagedRegistration } from '@convene/shared';
import { requestJson, type ApiResult, type Parser } from '../../common/api/http';

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

/** Changes the language and time zone of the registrant's later mails (400 with field errors when refused). */
export function updateManagedRegistration(
  token: string,
  body: TUpdateManagedRegistration,
): Promise<ApiResult<TManagedRegistration>> {
  return requestJson(managePath(token), (s) => s.ZManagedRegistration, { method: 'PATCH', body });
}

/** The registration's calendar file (.ics), served as a download from the manage link. */
export function manageCalendarUrl(token: string): string {
  return `${managePath(token)}/calendar.ics`;
}

const deletedAnswer: Parser<true> = {
  safeParse: (value) =>
    (value as { deleted?: unknown } | null)?.deleted === true ? { success: true, data: true } : { success: false },
};

/** Deletes the registration and its personal data for good (410 afterwards, on every manage call). */
export function deleteManagedRegistration(token: string): Promise<ApiResult<true>> {
  return requestJson(`${managePath(token)}/delete`, () => deletedAnswer, { method: 'POST', body: { confirm: true } });
}

import type { TAttendanceImportResult, TRegistrant, TRegistrantList, TRegistrationStatus } from '@convene/shared';
import { adminRequest, anything, field, type AdminSchemas } from '../api/admin-request';
import { queryString } from '../api/endpoints';

/*
 * The coordinator APIs of one webinar's registrants: the list (+ CSV), the actions on one
 * registrant, and the attendance report import.
 */

/** The statuses a registration can have, in the order the page offers them. */
export const REGISTRANT_STATUSES = [
  'confirmed',
  'waitlisted',
  'cancelled',
] as const satisfies readonly TRegistrationStatus[];

/** The filters of the registrants list, as the address carries them (all optional). */
export const REGISTRANT_QUERY_KEYS = ['q', 'status'] as const;
export type RegistrantQuery = Partial<Record<(typeof REGISTRANT_QUERY_KEYS)[number], string>>;

const base = (webinarId: string) => `/api/admin/webinars/${encodeURIComponent(webinarId)}`;
const one = (webinarId: string, registrationId: string, action: string) =>
  `${base(webinarId)}/registrations/${encodeURIComponent(registrationId)}/${action}`;

export const listRegistrants = (webinarId: string, query: RegistrantQuery, signal?: AbortSignal) =>
  adminRequest<TRegistrantList>(`${base(webinarId)}/registrations${queryString(query)}`, (s) => s.ZRegistrantList, {
    signal,
  });

/** Every registrant of the webinar (the CSV route takes no filter), within the reader's scope. */
export const registrantsCsvUrl = (webinarId: string) => `${base(webinarId)}/registrations.csv`;

const registrantOf = (s: AdminSchemas) => field<TRegistrant>('registrant', s.ZRegistrant);

/** Gives a waitlisted registrant a seat; `overCapacity` adds one beyond the capacity when every seat is taken. */
export const promoteRegistrant = (webinarId: string, registrationId: string, overCapacity: boolean) =>
  adminRequest<TRegistrant>(one(webinarId, registrationId, 'promote'), registrantOf, {
    method: 'POST',
    body: { overCapacity },
  });

export const cancelRegistrant = (webinarId: string, registrationId: string) =>
  adminRequest<TRegistrant>(one(webinarId, registrationId, 'cancel'), registrantOf, { method: 'POST' });

/** Erases the registrant's personal data at their request (admins); the answer is the blanked registrant. */
export const eraseRegistrant = (webinarId: string, registrationId: string) =>
  adminRequest<TRegistrant>(one(webinarId, registrationId, 'erase'), registrantOf, {
    method: 'POST',
    body: { confirm: true },
  });

/** Resolves to true once the confirmation is queued (202). */
export const resendConfirmation = (webinarId: string, registrationId: string) =>
  adminRequest(one(webinarId, registrationId, 'resend-confirmation'), () => anything, { method: 'POST' }).then(
    (result) => (result.ok ? { ...result, data: true as const } : result),
  );

export const setAttendance = (webinarId: string, registrationId: string, attended: boolean) =>
  adminRequest<TRegistrant>(one(webinarId, registrationId, 'attendance'), registrantOf, {
    method: 'PUT',
    body: { attended },
  });

/** Sends the platform's file as it is (Teams exports UTF-16): the server decodes and reads it. */
export const importAttendance = (webinarId: string, file: Blob) =>
  adminRequest<TAttendanceImportResult>(`${base(webinarId)}/attendance`, (s) => s.ZAttendanceImportResult, {
    method: 'POST',
    raw: { contentType: 'text/csv', data: file },
  });

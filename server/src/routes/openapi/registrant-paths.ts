import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import {
  ZApiError,
  ZAttendanceImportResult,
  ZPromoteRegistrant,
  ZRegistrant,
  ZRegistrantFilter,
  ZRegistrantList,
  ZSetAttendance,
} from '@convene/shared';
import { z } from 'zod';

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ZApiError, description);
const body = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const webinar = z.object({ id: z.string() });
const registrant = z.object({ id: z.string(), registrationId: z.string() });
const one = json(z.object({ registrant: ZRegistrant }), 'The registrant as it is now');

/** A webinar's registrants page: the list with true counts, registrant actions, attendance. */
export function registerRegistrantPaths(registry: OpenAPIRegistry, coordinator: Record<string, string[]>[]): void {
  const denied = { 401: error('Not signed in'), 403: error('Not allowed for this role or scope') };
  registry.registerPath({
    method: 'get',
    path: '/api/admin/webinars/{id}/registrations',
    summary: 'Registrants in registration order, by status and search words, with the webinar’s true counts',
    security: coordinator,
    request: { params: webinar, query: ZRegistrantFilter },
    responses: {
      200: json(ZRegistrantList, 'Registrants and counts'),
      400: error('Invalid filters'),
      404: error('Unknown webinar'),
      ...denied,
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/admin/webinars/{id}/registrations/{registrationId}/promote',
    summary: 'Give a waitlisted registrant a place; a full webinar needs overCapacity: true',
    security: coordinator,
    request: { params: registrant, ...body(ZPromoteRegistrant) },
    responses: {
      200: one,
      404: error('Unknown webinar or registrant'),
      409: error('webinar_full, not_waitlisted or webinar_not_open'),
      ...denied,
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/admin/webinars/{id}/registrations/{registrationId}/cancel',
    summary: 'Cancel on the registrant’s behalf (as their manage link does); idempotent',
    security: coordinator,
    request: { params: registrant },
    responses: { 200: one, 404: error('Unknown webinar or registrant'), 409: error('webinar_not_open'), ...denied },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/admin/webinars/{id}/registrations/{registrationId}/resend-confirmation',
    summary: 'Send the confirmation again: a new outbox row, at most one per registrant every two minutes',
    security: coordinator,
    request: { params: registrant },
    responses: {
      202: json(z.object({ notificationId: z.string() }), 'Queued'),
      404: error('Unknown webinar or registrant'),
      409: error('registration_cancelled or webinar_not_open'),
      429: error('resend_too_soon; see Retry-After'),
      ...denied,
    },
  });
  registry.registerPath({
    method: 'put',
    path: '/api/admin/webinars/{id}/registrations/{registrationId}/attendance',
    summary: 'Tick or untick attendance by hand (between the start and the completion)',
    security: coordinator,
    request: { params: registrant, ...body(ZSetAttendance) },
    responses: {
      200: one,
      400: error('Invalid body'),
      404: error('Unknown webinar or registrant'),
      409: error('attendance_closed, webinar_not_started or registration_cancelled'),
      ...denied,
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/admin/webinars/{id}/attendance',
    summary:
      'Import a video platform’s attendance report (Zoom, Teams, Meet, Jitsi, BigBlueButton CSV): registrants found by address are marked attended',
    security: coordinator,
    request: {
      params: webinar,
      body: { content: { 'text/csv': { schema: z.string() } }, required: true },
    },
    responses: {
      200: json(ZAttendanceImportResult, 'Counts, and the unmatched lines by number'),
      400: error('attendance_no_email_column or attendance_malformed'),
      404: error('Unknown webinar'),
      409: error('attendance_closed or webinar_not_started'),
      413: error('attendance_too_large'),
      415: error('Not a CSV upload'),
      ...denied,
    },
  });
}

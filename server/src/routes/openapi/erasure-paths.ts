import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { ZApiError, ZConfirmErasure, ZRegistrant, ZReportReceipt } from '@convene/shared';
import { z } from 'zod';

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ZApiError, description);
const confirm = { body: { content: { 'application/json': { schema: ZConfirmErasure } }, required: true } };

/** People taking their data back: a registrant's deletion, a reporter's withdrawal, an admin's erasure on request. */
export function registerErasurePaths(registry: OpenAPIRegistry, coordinator: Record<string, string[]>[]): void {
  registry.registerPath({
    method: 'post',
    path: '/api/registrations/manage/{token}/delete',
    summary:
      'Delete the registration and its personal data for good (counts by country and language stay); pending mail cancelled, a held place freed',
    request: { params: z.object({ token: z.string() }), ...confirm },
    responses: {
      200: json(z.object({ deleted: z.literal(true) }), 'Deleted; the link answers 410 from now on'),
      400: error('confirm: true missing'),
      404: error('Unknown link'),
      410: error('registration_deleted: deleted already'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/reports/receipt/{code}/withdraw',
    summary:
      'Withdraw a report by its receipt code: its text and identity erased, a tombstone kept (its code resolves to withdrawn); idempotent',
    request: { params: z.object({ code: z.string() }), ...confirm },
    responses: {
      200: json(z.object({ receipt: ZReportReceipt }), 'Withdrawn (withdrawn: true)'),
      400: error('confirm: true missing'),
      404: error('No report has this code'),
      429: error('Too many look-ups (shared with the receipt check); see Retry-After'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/admin/webinars/{id}/registrations/{registrationId}/erase',
    summary: 'Admins: erase a registrant’s personal data at their request (as the retention policy does); audited',
    security: coordinator,
    request: { params: z.object({ id: z.string(), registrationId: z.string() }), ...confirm },
    responses: {
      200: json(z.object({ registrant: ZRegistrant }), 'The registrant, erased'),
      400: error('confirm: true missing'),
      401: error('Not signed in'),
      403: error('Admins only'),
      404: error('Unknown webinar or registrant'),
      410: error('registration_deleted: erased already'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/admin/contacts/{id}/erase',
    summary:
      'Admins: erase a contact at their request; the address’s keyed hash stays suppressed, so a re-import stays unsubscribed; audited',
    security: coordinator,
    request: { params: z.object({ id: z.string() }), ...confirm },
    responses: {
      204: { description: 'Erased' },
      400: error('confirm: true missing'),
      401: error('Not signed in'),
      403: error('Admins only'),
      404: error('Unknown contact'),
    },
  });
}

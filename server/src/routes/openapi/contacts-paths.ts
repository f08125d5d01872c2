import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { ZApiError, ZContactExportFilter } from '@convene/shared';
import { z } from 'zod';

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ZApiError, description);

/** The Contacts page's own paths: the CSV export and deleting a contact. */
export function registerContactsPaths(registry: OpenAPIRegistry, coordinator: Record<string, string[]>[]): void {
  registry.registerPath({
    method: 'get',
    path: '/api/admin/contacts/export.csv',
    summary: 'Every matching contact as CSV (RFC 4180, UTF-8 with BOM, formulas neutralized); audited',
    security: coordinator,
    request: { query: ZContactExportFilter },
    responses: {
      200: { description: 'The CSV file', content: { 'text/csv': { schema: z.string() } } },
      400: error('Invalid filter'),
      401: error('Not signed in'),
    },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/admin/contacts/{id}',
    summary: 'Delete a contact with the outbox rows (and kept copies) of its mails; audited by id',
    security: coordinator,
    request: { params: z.object({ id: z.string() }) },
    responses: {
      204: { description: 'Deleted' },
      401: error('Not signed in'),
      403: error('Missing CSRF token, or the contact is outside your regions'),
      404: error('Unknown contact'),
    },
  });
}

import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { ZApiError, ZCreateReporterKey, ZIdentityReveal, ZPublicReporterKey, ZReporterKeyList } from '@convene/shared';
import { z } from 'zod';

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ZApiError, description);

/** The encrypted identity of named reporters: the public key, admins' keys, the audited reveal. */
export function registerReporterKeyPaths(registry: OpenAPIRegistry, coordinator: Record<string, string[]>[]): void {
  registry.registerPath({
    method: 'get',
    path: '/api/reporter-key',
    summary:
      "The public key the input form seals a named reporter's name, email and phone to (null until an admin makes one)",
    responses: { 200: json(ZPublicReporterKey, 'The active key, or null') },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/admin/reporter-keys',
    summary: 'Admins only: the reporter keys, newest first (no key material)',
    security: coordinator,
    responses: { 200: json(ZReporterKeyList, 'The keys'), 401: error('Not signed in'), 403: error('Not an admin') },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/admin/reporter-keys',
    summary:
      'Admins only: a key pair made in the browser (public JWK, private key wrapped by a passphrase); it becomes the active key and the previous one is retired, kept for older reports',
    security: coordinator,
    request: { body: { content: { 'application/json': { schema: ZCreateReporterKey } }, required: true } },
    responses: {
      201: json(ZReporterKeyList, 'Stored; the keys as they are now'),
      400: error('Invalid key'),
      401: error('Not signed in'),
      403: error('Not an admin'),
      409: error('A key with this id exists'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/admin/reports/{id}/identity',
    summary:
      "Admins only: a report's sealed identity and the wrapped key that opens it, for the admin's browser to decrypt; audited (report.identity_reveal) before it is served",
    security: coordinator,
    request: { params: z.object({ id: z.string() }) },
    responses: {
      200: json(ZIdentityReveal, 'The envelope and its wrapped key'),
      401: error('Not signed in'),
      403: error('Not an admin, or outside scope'),
      404: error('No such report, or it has no sealed identity'),
    },
  });
}

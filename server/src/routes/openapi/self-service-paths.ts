import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { ZApiError, ZManagedRegistration, ZUpdateManagedRegistration } from '@convene/shared';
import { z } from 'zod';

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ZApiError, description);
const ics = (description: string) => ({ description, content: { 'text/calendar': { schema: z.string() } } });
const tokenParam = z.object({ token: z.string() });

/** The registrant's self-service: preferences and calendar files. */
export function registerSelfServicePaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'patch',
    path: '/api/registrations/manage/{token}',
    summary: 'Change the language and time zone of the registrant’s later mails (and their .ics)',
    request: {
      params: tokenParam,
      body: { content: { 'application/json': { schema: ZUpdateManagedRegistration } }, required: true },
    },
    responses: {
      200: json(ZManagedRegistration, 'Changed'),
      400: error('Invalid language or time zone'),
      404: error('Unknown link'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/registrations/manage/{token}/calendar.ics',
    summary: 'The registration’s calendar event (METHOD:PUBLISH; same UID and SEQUENCE as the mails)',
    request: { params: tokenParam },
    responses: {
      200: ics('The .ics file'),
      404: error('Unknown link'),
      409: error('No confirmed place: no calendar event'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/registrations/calendar/{id}',
    summary: 'The new registration’s .ics, from the link on the confirmation screen',
    request: { params: z.object({ id: z.string() }), query: z.object({ key: z.string() }) },
    responses: {
      200: ics('The .ics file'),
      404: error('Unknown registration or wrong key'),
      409: error('No confirmed place: no calendar event'),
    },
  });
}

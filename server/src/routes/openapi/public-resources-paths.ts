import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import {
  ZAdminConsultation,
  ZAdminConsultationList,
  ZApiError,
  ZConsultationList,
  ZCreateConsultation,
  ZPrivacyFacts,
  ZPublication,
  ZThemePage,
  ZUpdateConsultation,
} from '@convene/shared';
import { z } from 'zod';

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ZApiError, description);
const body = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const ics = (description: string) => ({ description, content: { 'text/calendar': { schema: z.string() } } });
const idParam = z.object({ id: z.string() });
const feedQuery = z.object({
  lang: z.enum(['en', 'fr', 'es', 'ar']).optional(),
});

/** Theme pages, published briefs and the consultation calendar (public and workspace). */
export function registerPublicResourcesPaths(registry: OpenAPIRegistry, coordinator: Record<string, string[]>[]): void {
  const denied = { 401: error('Not signed in'), 403: error('Coordinators of every region only') };

  registry.registerPath({
    method: 'get',
    path: '/api/privacy',
    summary:
      'The privacy notice’s facts: controller and contact, configured retention periods, current consent versions',
    responses: { 200: json(ZPrivacyFacts, 'The privacy facts') },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/themes/{slug}/page',
    summary: 'A theme’s public page: upcoming and completed webinars (recordings), published briefs, consultations',
    request: { params: z.object({ slug: z.string() }) },
    responses: { 200: json(ZThemePage, 'The theme page'), 404: error('Unknown or inactive theme') },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/themes/{slug}/briefs/{number}.{format}',
    summary: 'Download a published brief (md or docx), rendered from its frozen snapshot',
    request: {
      params: z.object({ slug: z.string(), number: z.string(), format: z.enum(['md', 'docx']) }),
      query: feedQuery,
    },
    responses: {
      200: {
        description: 'The brief file (attachment)',
        content: {
          'text/markdown': { schema: z.string() },
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
            schema: z.string().meta({ format: 'binary' }),
          },
        },
      },
      404: error('No such brief, or not published'),
    },
  });

  const filters = z.object({ theme: z.string().optional(), region: z.string().optional() });
  registry.registerPath({
    method: 'get',
    path: '/api/consultations',
    summary: 'Upcoming consultations, soonest first (cancelled ones flagged); ?theme= and ?region= filter',
    request: { query: filters },
    responses: { 200: json(ZConsultationList, 'Consultations'), 404: error('Unknown theme or region filter') },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/consultations.ics',
    summary: 'iCalendar feed of the consultations (stable UIDs, SEQUENCE grows on every change); ?theme=, ?region=',
    request: { query: filters.extend(feedQuery.shape) },
    responses: { 200: ics('text/calendar; charset=utf-8'), 404: error('Unknown theme or region filter') },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/consultations/theme/{slug}.ics',
    summary: 'iCalendar feed of one theme’s consultations',
    request: { params: z.object({ slug: z.string() }), query: feedQuery },
    responses: { 200: ics('text/calendar; charset=utf-8'), 404: error('Not a theme slug') },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/consultations/region/{region}.ics',
    summary: 'iCalendar feed of one region’s consultations',
    request: { params: z.object({ region: z.string() }), query: feedQuery },
    responses: { 200: ics('text/calendar; charset=utf-8'), 404: error('Unknown region') },
  });

  registry.registerPath({
    method: 'get',
    path: '/api/admin/consultations',
    summary: 'Every consultation, latest first (any coordinator)',
    security: coordinator,
    responses: { 200: json(ZAdminConsultationList, 'Consultations'), 401: error('Not signed in') },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/admin/consultations',
    summary: 'Add a consultation to the public calendar (audited)',
    security: coordinator,
    request: body(ZCreateConsultation),
    responses: {
      201: json(z.object({ consultation: ZAdminConsultation }), 'Created'),
      400: error('Invalid fields'),
      ...denied,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/admin/consultations/{id}',
    summary: 'One consultation',
    security: coordinator,
    request: { params: idParam },
    responses: {
      200: json(z.object({ consultation: ZAdminConsultation }), 'The consultation'),
      401: error('Not signed in'),
      404: error('Unknown consultation'),
    },
  });
  registry.registerPath({
    method: 'patch',
    path: '/api/admin/consultations/{id}',
    summary: 'Edit a consultation; its sequence grows so subscribed calendars replace the event (audited)',
    security: coordinator,
    request: { params: idParam, ...body(ZUpdateConsultation) },
    responses: {
      200: json(z.object({ consultation: ZAdminConsultation }), 'Updated'),
      400: error('Invalid fields'),
      404: error('Unknown consultation'),
      ...denied,
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/admin/consultations/{id}/cancel',
    summary: 'Cancel a consultation: it stays in the feeds as STATUS:CANCELLED (audited)',
    security: coordinator,
    request: { params: idParam },
    responses: {
      200: json(z.object({ consultation: ZAdminConsultation }), 'Cancelled'),
      404: error('Unknown consultation'),
      ...denied,
    },
  });

  const publication = json(z.object({ publication: ZPublication }), 'Publication state');
  registry.registerPath({
    method: 'get',
    path: '/api/admin/compilations/{id}/publication',
    summary: 'Whether a frozen brief is published on its theme page',
    security: coordinator,
    request: { params: idParam },
    responses: { 200: publication, 401: error('Not signed in'), 404: error('Unknown compilation') },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/admin/compilations/{id}/publication',
    summary: 'Publish a frozen brief on its theme page (coordinators of every region; audited)',
    security: coordinator,
    request: { params: idParam },
    responses: { 200: publication, 404: error('Unknown compilation'), ...denied },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/admin/compilations/{id}/publication',
    summary: 'Take a brief off its theme page: its downloads answer 404 again (audited)',
    security: coordinator,
    request: { params: idParam },
    responses: { 200: publication, 404: error('Unknown compilation'), ...denied },
  });
}

import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { ZApiError, ZCompilation, ZCompilationSummary, ZInstant, ZUuid } from '@convene/shared';
import { z } from 'zod';

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ZApiError, description);
const html = (description: string) => ({ description, content: { 'text/html': { schema: z.string() } } });
const id = z.object({ id: z.string() });
const token = z.object({ token: z.string() });

/** One registrant as GET /api/admin/webinars/{id}/registrations lists them (and the CSV's columns). */
const ZRegistrant = z.object({
  id: ZUuid,
  name: z.string(),
  email: z.string(),
  organization: z.string(),
  country: z.string(),
  language: z.string(),
  timeZone: z.string(),
  status: z.string(),
  registeredAt: ZInstant,
  cancelledAt: ZInstant.nullable(),
});

/**
 * Routes served before the document listed them: the document itself, registrants,
 * frozen compilations, the account-invitation look-up and unsubscribe under /api.
 */
export function registerServedPaths(registry: OpenAPIRegistry, coordinator: Record<string, string[]>[]): void {
  const denied = { 401: error('Not signed in'), 403: error('Not allowed for this role or scope') };
  registry.registerPath({
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This document',
    responses: { 200: { description: 'OpenAPI 3.1', content: { 'application/json': { schema: z.object({}) } } } },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/admin/webinars/{id}/registrations',
    summary: 'The webinar’s registrants in the order they registered (the waiting list’s order too)',
    security: coordinator,
    request: { params: id },
    responses: {
      200: json(z.object({ registrants: z.array(ZRegistrant) }), 'Registrants, first registered first'),
      404: error('Unknown webinar'),
      ...denied,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/admin/webinars/{id}/registrations.csv',
    summary: 'The registrants as CSV (RFC 4180, UTF-8 with BOM, formulas neutralized); audited',
    security: coordinator,
    request: { params: id },
    responses: {
      200: { description: 'One row per registrant', content: { 'text/csv': { schema: z.string() } } },
      404: error('Unknown webinar'),
      ...denied,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/admin/compilations',
    summary: 'Frozen compilations, newest first; theme = a theme slug to list one theme’s only',
    security: coordinator,
    request: { query: z.object({ theme: z.string().optional() }) },
    responses: {
      200: json(z.object({ compilations: z.array(ZCompilationSummary) }), 'Frozen compilations'),
      ...denied,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/admin/compilations/{id}',
    summary: 'A frozen compilation, exactly as it was frozen',
    security: coordinator,
    request: { params: id },
    responses: {
      200: json(z.object({ id: ZUuid, compilation: ZCompilation }), 'The frozen compilation'),
      404: error('Unknown'),
      ...denied,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/auth/invitation/{token}',
    summary: 'Whom an unused, unexpired account invitation is for (no session needed)',
    request: { params: token },
    responses: {
      200: json(z.object({ email: z.string() }), 'The invited account’s email'),
      410: error('Expired, used or unknown (code invitation_invalid)'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/unsubscribe/{token}',
    summary: 'A one-button page in the contact’s language; a GET never unsubscribes (mail scanners follow links)',
    request: { params: token },
    responses: { 200: html('Asks to confirm, or says it is done'), 404: html('Unknown token') },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/unsubscribe/{token}',
    summary: 'Unsubscribe: the page’s button, or RFC 8058 one-click (body List-Unsubscribe=One-Click); idempotent',
    request: {
      params: token,
      body: {
        content: { 'application/x-www-form-urlencoded': { schema: z.object({ 'List-Unsubscribe': z.string() }) } },
        required: false,
      },
    },
    responses: { 200: html('Unsubscribed'), 404: html('Unknown token') },
  });
}

import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import {
  ZAdminWebinar,
  ZAdminWebinarList,
  ZCampaign,
  ZCampaignPreview,
  ZCompleteWebinar,
  ZCreateCampaign,
  ZInvitationPrefill,
  ZManagedRegistration,
  ZApiError,
  ZContact,
  ZContactFilter,
  ZContactImportResult,
  ZContactList,
  ZCreateRegistration,
  ZCreateReport,
  ZReportReceipt,
  ZReportSubmitted,
  ZCreateWebinar,
  ZCsrfToken,
  ZHealth,
  ZLogin,
  ZMe,
  ZOutboxList,
  ZPublicWebinar,
  ZPublicWebinarList,
  ZReadiness,
  ZRegistrationResult,
  ZThemeList,
  ZUpdateContact,
  ZUpdateWebinar,
} from '@convene/shared';
import { z } from 'zod';
import { registerServedPaths } from './served-paths.js';
import { registerAccountPaths } from './account-paths.js';
import { registerContactsPaths } from './contacts-paths.js';
import { registerRegistrantPaths } from './registrant-paths.js';
import { registerErasurePaths } from './erasure-paths.js';
import { registerSelfServicePaths } from './self-service-paths.js';
import { registerWorkspacePaths } from './workspace-paths.js';
import { registerThemePaths } from './theme-paths.js';
import { registerTranslationPaths } from './translation-paths.js';
import { registerDuplicatePaths } from './duplicate-paths.js';
import { registerPublicResourcesPaths } from './public-resources-paths.js';
import { registerRetentionPaths } from './retention-paths.js';
import { registerReporterKeyPaths } from './reporter-key-paths.js';

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ZApiError, description);
const body = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const slugParam = z.object({ slug: z.string() });
const idParam = z.object({ id: z.string() });

/** The API description, generated from the same zod schemas the server validates with. */
export function buildOpenApiDocument(serverUrl: string): object {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: 'convene.sid' });
  registry.registerComponent('securitySchemes', 'csrf', { type: 'apiKey', in: 'header', name: 'x-csrf-token' });
  const coordinator = [{ session: [], csrf: [] }];

  registry.registerPath({ method: 'get', path: '/healthz', responses: { 200: json(ZHealth, 'The process is up') } });
  registry.registerPath({
    method: 'get',
    path: '/readyz',
    responses: {
      200: json(ZReadiness, 'Database and Redis answer'),
      503: json(ZReadiness, 'A dependency is down, or the process is draining'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/themes',
    responses: { 200: json(ZThemeList, 'The theme taxonomy') },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/webinars',
    summary: 'Upcoming scheduled webinars (public fields only)',
    responses: { 200: json(ZPublicWebinarList, 'Webinars, soonest first') },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/webinars/{slug}',
    request: { params: slugParam },
    responses: { 200: json(z.object({ webinar: ZPublicWebinar }), 'The webinar'), 404: error('Unknown webinar') },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/reports',
    summary: 'Send a regional report; idempotent per clientSubmissionId',
    request: body(ZCreateReport),
    responses: {
      201: json(ZReportSubmitted, 'Stored; keep the receipt code'),
      200: json(ZReportSubmitted, 'This submission had already arrived; its receipt again'),
      400: error('Invalid fields, or the hidden trap field (website) filled: honeypot_filled'),
      413: error('Body too large'),
      429: error('Too many reports from this network; see Retry-After'),
      503: error('Temporarily unavailable; retry later'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/reports/receipt/{code}',
    summary: 'The status of a report, by its receipt code; reveals nothing else',
    request: { params: z.object({ code: z.string() }) },
    responses: {
      200: json(z.object({ receipt: ZReportReceipt }), 'Status and arrival time'),
      404: error('No report has this code'),
      429: error('Too many look-ups; see Retry-After'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/webinars/{slug}/registrations',
    summary: 'Register; idempotent per webinar and email',
    request: { params: slugParam, ...body(ZCreateRegistration) },
    responses: {
      201: json(ZRegistrationResult, 'Registered (confirmed or waitlisted); a confirmation email follows'),
      200: json(ZRegistrationResult, 'Already registered with this email; nothing new was sent'),
      400: error('Invalid fields, or the hidden trap field (website) filled: honeypot_filled'),
      404: error('Unknown webinar'),
      409: error('Registration closed'),
      413: error('Body too large'),
      429: error('Too many registrations from this network; see Retry-After'),
      503: error('Queue unavailable; retry later'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/auth/login',
    request: body(ZLogin),
    responses: { 200: json(ZMe, 'Signed in'), 401: error('Wrong email or password'), 429: error('Too many attempts') },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/auth/logout',
    responses: { 204: { description: 'Signed out' } },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/auth/me',
    responses: { 200: json(ZMe, 'The signed-in user and a CSRF token'), 401: error('Not signed in') },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/auth/csrf',
    responses: { 200: json(ZCsrfToken, 'A CSRF token') },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/admin/webinars',
    security: coordinator,
    responses: { 200: json(ZAdminWebinarList, 'All webinars'), 401: error('Not signed in') },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/admin/webinars',
    security: coordinator,
    request: body(ZCreateWebinar),
    responses: {
      201: json(z.object({ webinar: ZAdminWebinar }), 'Created'),
      400: error('Invalid fields'),
      401: error('Not signed in'),
      403: error('Missing CSRF token'),
      409: error('Slug taken'),
    },
  });
  registry.registerPath({
    method: 'patch',
    path: '/api/admin/webinars/{id}',
    security: coordinator,
    request: { params: idParam, ...body(ZUpdateWebinar) },
    responses: {
      200: json(z.object({ webinar: ZAdminWebinar }), 'Updated; a new start time bumps the version'),
      400: error('Invalid fields'),
      401: error('Not signed in'),
      403: error('Missing CSRF token'),
      404: error('Unknown webinar'),
      409: error('Cancelled or completed webinars are frozen'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/admin/outbox',
    security: coordinator,
    responses: { 200: json(ZOutboxList, 'Locally kept mail, newest first'), 401: error('Not signed in') },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/admin/contacts',
    security: coordinator,
    request: { query: ZContactFilter },
    responses: {
      200: json(ZContactList, 'One page of matching contacts, by email, and how many match'),
      400: error('Invalid filter'),
      401: error('Not signed in'),
    },
  });
  registry.registerPath({
    method: 'patch',
    path: '/api/admin/contacts/{id}',
    security: coordinator,
    request: { params: idParam, ...body(ZUpdateContact) },
    responses: {
      200: json(z.object({ contact: ZContact }), 'Updated'),
      400: error('Invalid fields'),
      401: error('Not signed in'),
      403: error('Missing CSRF token'),
      404: error('Unknown contact'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/admin/contacts/import',
    summary: 'Import contacts from a UTF-8 CSV file (comma or semicolon); upsert by email',
    security: coordinator,
    request: { body: { content: { 'text/csv': { schema: z.string() } }, required: true } },
    responses: {
      200: json(ZContactImportResult, 'Imported; rows with a bad cell and duplicates reported by line'),
      400: error('The file cannot be used (code csv_invalid, with fields and lines): nothing was imported'),
      401: error('Not signed in'),
      403: error('Missing CSRF token'),
      413: error('More than 10 MB or 50,000 rows: nothing was imported'),
      415: error('Not sent as text/csv'),
    },
  });

  const tokenParam = z.object({ token: z.string() });
  registry.registerPath({
    method: 'get',
    path: '/api/registrations/manage/{token}',
    summary: 'The registrant’s own view, from the secret link in every email',
    request: { params: tokenParam },
    responses: { 200: json(ZManagedRegistration, 'The registration'), 404: error('Unknown link') },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/registrations/manage/{token}/cancel',
    summary: 'Cancel; a freed seat goes to the first on the waiting list (idempotent)',
    request: { params: tokenParam },
    responses: { 200: json(ZManagedRegistration, 'Cancelled'), 404: error('Unknown link') },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/invitations/{token}',
    summary: 'What an invitation link pre-fills in the registration form',
    request: { params: tokenParam },
    responses: { 200: json(ZInvitationPrefill, 'Pre-fill values'), 404: error('Unknown or tampered token') },
  });
  registry.registerPath({
    method: 'post',
    path: '/unsubscribe/{token}',
    summary: 'RFC 8058 one-click unsubscribe (body List-Unsubscribe=One-Click); GET shows a one-button page',
    request: { params: tokenParam },
    responses: { 200: { description: 'Unsubscribed (HTML page)' }, 404: { description: 'Unknown token (HTML page)' } },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/admin/webinars/{id}/cancel',
    security: coordinator,
    request: { params: idParam },
    responses: {
      200: json(z.object({ webinar: ZAdminWebinar }), 'Cancelled; one cancellation per active registrant'),
      404: error('Unknown webinar'),
      409: error('Completed webinars cannot be cancelled'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/admin/webinars/{id}/complete',
    security: coordinator,
    request: { params: idParam, ...body(ZCompleteWebinar) },
    responses: {
      200: json(
        z.object({ webinar: ZAdminWebinar }),
        'Completed; one follow-up per attendee, one absentee follow-up per confirmed absentee',
      ),
      404: error('Unknown webinar'),
      409: error('webinar_not_held (draft or cancelled) or webinar_not_over (before starts_at + duration)'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/admin/campaigns',
    security: coordinator,
    responses: { 200: json(z.object({ campaigns: z.array(ZCampaign) }), 'Campaigns, newest first') },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/admin/campaigns/preview',
    security: coordinator,
    request: body(ZCreateCampaign),
    responses: {
      200: json(ZCampaignPreview, 'Audience and one invitation per language'),
      404: error('Unknown webinar'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/admin/campaigns',
    security: coordinator,
    request: body(ZCreateCampaign),
    responses: {
      201: json(z.object({ campaign: ZCampaign }), 'Invitations written to the outbox and queued'),
      400: error('Invalid segment'),
      404: error('Unknown webinar'),
      409: error('Webinar not open'),
      503: error('Queue unavailable'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/admin/campaigns/{id}',
    security: coordinator,
    request: { params: idParam },
    responses: { 200: json(z.object({ campaign: ZCampaign }), 'The campaign and its progress'), 404: error('Unknown') },
  });

  registerWorkspacePaths(registry, coordinator);
  registerServedPaths(registry, coordinator);
  registerAccountPaths(registry, coordinator);
  registerContactsPaths(registry, coordinator);
  registerRegistrantPaths(registry, coordinator);
  registerErasurePaths(registry, coordinator);
  registerThemePaths(registry, coordinator);
  registerTranslationPaths(registry, coordinator);
  registerDuplicatePaths(registry, coordinator);
  registerPublicResourcesPaths(registry, coordinator);
  registerRetentionPaths(registry, coordinator);
  registerReporterKeyPaths(registry, coordinator);
  registerSelfServicePaths(registry);

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Convene API', version: '0.1.0', description: 'Errors: { error: { code, message, fields? } }' },
    servers: [{ url: serverUrl }],
  });
}

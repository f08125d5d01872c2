import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import {
  ZAcceptInvitation,
  ZAccount,
  ZAdminReport,
  ZAdminReportList,
  ZApiError,
  ZAuditEntry,
  ZBriefEditorial,
  ZBriefEditorialView,
  ZCompilation,
  ZExportQuery,
  ZCreateNote,
  ZInvitationCreated,
  ZInviteAccount,
  ZOverview,
  ZReportFilter,
  ZUpdateAccount,
  ZUpdateReport,
} from '@convene/shared';
import { z } from 'zod';

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ZApiError, description);
const body = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const file = (description: string) => ({
  description,
  content: { 'application/octet-stream': { schema: z.string() } },
});
const id = z.object({ id: z.string() });
const theme = z.object({ theme: z.string() });
const format = z.enum(['md', 'docx', 'csv', 'json']);

/** The coordinator workspace's paths: overview, review, compilations, accounts, audit. */
export function registerWorkspacePaths(registry: OpenAPIRegistry, coordinator: Record<string, string[]>[]): void {
  const denied = { 401: error('Not signed in'), 403: error('Not allowed for this role or scope') };
  registry.registerPath({
    method: 'get',
    path: '/api/admin/overview',
    security: coordinator,
    responses: { 200: json(ZOverview, 'Registrations, coverage, recent reports, reports per day'), ...denied },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/admin/reports',
    summary: 'Reports in the coordinator’s scope; q = full-text search in every catalog language',
    security: coordinator,
    request: { query: ZReportFilter },
    responses: { 200: json(ZAdminReportList, 'A page of reports'), 400: error('Invalid filters'), ...denied },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/admin/reports/export.csv',
    summary:
      'Every matching report as CSV (streamed, formulas neutralized, redacted texts); the last column, withdrawn_at, dates a withdrawn report, whose texts and attribution are empty',
    security: coordinator,
    request: { query: ZReportFilter },
    responses: { 200: file('text/csv, UTF-8 with BOM'), ...denied },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/admin/reports/{id}',
    security: coordinator,
    request: { params: id },
    responses: {
      200: json(z.object({ report: ZAdminReport }), 'The report with notes'),
      404: error('Unknown'),
      ...denied,
    },
  });
  registry.registerPath({
    method: 'patch',
    path: '/api/admin/reports/{id}',
    summary: 'Status, themes (re-tag) and redaction (null lifts it)',
    security: coordinator,
    request: { params: id, ...body(ZUpdateReport) },
    responses: {
      200: json(z.object({ report: ZAdminReport }), 'Updated'),
      400: error('Invalid'),
      409: error('The reporter withdrew this report (code report_withdrawn): it takes no edits'),
      ...denied,
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/admin/reports/{id}/notes',
    security: coordinator,
    request: { params: id, ...body(ZCreateNote) },
    responses: {
      201: json(z.object({ report: ZAdminReport }), 'Note added'),
      409: error('The reporter withdrew this report (code report_withdrawn)'),
      ...denied,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/admin/compilations/live/{theme}',
    summary: 'The theme’s included reports compiled now',
    security: coordinator,
    request: { params: theme },
    responses: { 200: json(z.object({ compilation: ZCompilation }), 'Live compilation'), ...denied },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/admin/compilations/live/{theme}/export.{format}',
    summary: 'The live brief as a file, in a language (lang: en, fr, es, ar; default en)',
    security: coordinator,
    request: { params: theme.extend({ format }), query: ZExportQuery },
    responses: { 200: file('Markdown, Word, CSV or JSON'), ...denied },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/admin/compilations/brief/{theme}',
    summary:
      'The editorial parts of the theme’s brief (summary, key barriers and recommendations, closing note, quotes)',
    security: coordinator,
    request: { params: theme },
    responses: { 200: json(ZBriefEditorialView, 'The editorial and the codes it cites'), ...denied },
  });
  registry.registerPath({
    method: 'put',
    path: '/api/admin/compilations/brief/{theme}',
    summary: 'Replace the editorial; every cited report must be an included report of the theme (else 422)',
    security: coordinator,
    request: { params: theme, ...body(ZBriefEditorial) },
    responses: {
      200: json(ZBriefEditorialView, 'Saved'),
      422: error('A claim or quote cites a report that is not an included one of the theme (fields name them)'),
      ...denied,
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/admin/compilations',
    summary: 'Freeze the theme’s compilation as the next numbered snapshot',
    security: coordinator,
    request: body(z.object({ themeSlug: z.string() })),
    responses: { 201: json(z.object({ id: z.string(), compilation: ZCompilation }), 'Frozen'), ...denied },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/admin/compilations/{id}/export.{format}',
    summary: 'A frozen compilation’s file in a language (lang; default en): the same bytes every time',
    security: coordinator,
    request: { params: id.extend({ format }), query: ZExportQuery },
    responses: { 200: file('Markdown, Word, CSV or JSON'), 404: error('Unknown'), ...denied },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/admin/accounts',
    summary: 'Admins only',
    security: coordinator,
    responses: { 200: json(z.object({ accounts: z.array(ZAccount) }), 'Accounts'), ...denied },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/admin/accounts/invitations',
    summary: 'Admins only: invite a coordinator (single-use link, 72 h)',
    security: coordinator,
    request: body(ZInviteAccount),
    responses: { 201: json(ZInvitationCreated, 'Invited'), 409: error('Active account exists'), ...denied },
  });
  registry.registerPath({
    method: 'patch',
    path: '/api/admin/accounts/{id}',
    summary: 'Admins only: role, scope, active',
    security: coordinator,
    request: { params: id, ...body(ZUpdateAccount) },
    responses: { 200: json(z.object({ account: ZAccount }), 'Updated'), ...denied },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/admin/audit',
    summary: 'Admins only: coordinator actions, newest first',
    security: coordinator,
    responses: { 200: json(z.object({ entries: z.array(ZAuditEntry) }), 'Audit entries'), ...denied },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/auth/invitation',
    summary: 'Accept an invitation: set the password (once)',
    request: body(ZAcceptInvitation),
    responses: { 204: { description: 'Account active' }, 410: error('Expired or used') },
  });
}

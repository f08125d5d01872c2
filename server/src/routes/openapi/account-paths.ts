import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import {
  ZAccount,
  ZAccountProfile,
  ZApiError,
  ZChangePassword,
  ZInvitationCreated,
  ZPasswordReset,
  ZPasswordResetRequest,
  ZPasswordResetRequested,
} from '@convene/shared';
import { z } from 'zod';

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ZApiError, description);
const body = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } }, required: true } });

/** The account lifecycle: resend or revoke an invitation, forgot password, change password. */
export function registerAccountPaths(registry: OpenAPIRegistry, coordinator: Record<string, string[]>[]): void {
  const denied = { 401: error('Not signed in'), 403: error('Not allowed for this role') };
  const id = z.object({ id: z.string() });
  registry.registerPath({
    method: 'post',
    path: '/api/admin/accounts/{id}/invitation',
    summary: 'Admins only: mail a new invitation link; the pending one stops working',
    security: coordinator,
    request: { params: id },
    responses: {
      201: json(ZInvitationCreated, 'New link mailed (inviteUrl only with the local outbox)'),
      404: error('Unknown account'),
      409: error('The account is already active'),
      ...denied,
    },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/admin/accounts/{id}/invitation',
    summary: 'Admins only: withdraw the pending invitation (its link stops working)',
    security: coordinator,
    request: { params: id },
    responses: {
      200: json(z.object({ account: ZAccount }), 'Withdrawn'),
      404: error('Unknown account'),
      409: error('No pending invitation'),
      ...denied,
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/auth/password-reset',
    summary: 'Forgot password: mails a single-use link (30 min) to an active account; same answer for any address',
    request: body(ZPasswordResetRequest),
    responses: {
      202: json(ZPasswordResetRequested, 'Accepted (whether or not the address has an account)'),
      400: error('No address'),
      429: error('Too many requests (Retry-After)'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/auth/password-reset/{token}',
    summary: 'Whether a reset link can still be used',
    request: { params: z.object({ token: z.string() }) },
    responses: { 200: json(z.object({ valid: z.literal(true) }), 'Usable'), 410: error('Expired or used') },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/auth/password-reset/complete',
    summary: 'Set a new password from a reset link (once); every session of the account ends',
    request: body(ZPasswordReset),
    responses: { 204: { description: 'Password set' }, 400: error('Invalid password'), 410: error('Expired or used') },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/admin/account/password',
    summary: 'Change one’s own password (the current one required); the account’s other sessions end',
    security: coordinator,
    request: body(ZChangePassword),
    responses: { 204: { description: 'Changed' }, 400: error('Wrong current password or invalid new one'), ...denied },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/admin/account/profile',
    summary: 'One’s own profile: the display name briefs show (never the email address)',
    security: coordinator,
    responses: { 200: json(ZAccountProfile, 'The profile'), ...denied },
  });
  registry.registerPath({
    method: 'put',
    path: '/api/admin/account/profile',
    summary: 'Set one’s own display name (null or blank clears it); audited',
    security: coordinator,
    request: body(ZAccountProfile),
    responses: { 200: json(ZAccountProfile, 'Saved'), 400: error('Too long'), ...denied },
  });
}

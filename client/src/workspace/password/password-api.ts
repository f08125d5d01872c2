import { requestJson, type ApiResult, type Parser } from '../../common/api/http';
import { adminRequest, anything } from '../api/admin-request';

/*
 * "Forgot password" and the reset link need no session and no CSRF token (the mailed token is
 * the credential), so they use the plain public requestJson; changing one's own password is a
 * signed-in call like any other.
 */

// The answers carry nothing the page needs: the status says it all.
const nothing: Parser<null> = { safeParse: () => ({ success: true, data: null }) };

export const requestPasswordReset = (email: string): Promise<ApiResult<null>> =>
  requestJson('/api/auth/password-reset', () => nothing, { method: 'POST', body: { email } });

export const checkPasswordReset = (token: string, signal?: AbortSignal): Promise<ApiResult<null>> =>
  requestJson(`/api/auth/password-reset/${encodeURIComponent(token)}`, () => nothing, { signal });

export const completePasswordReset = (token: string, password: string): Promise<ApiResult<null>> =>
  requestJson('/api/auth/password-reset/complete', () => nothing, { method: 'POST', body: { token, password } });

export const changePassword = (currentPassword: string, newPassword: string) =>
  adminRequest<null>('/api/admin/account/password', () => anything, {
    method: 'POST',
    body: { currentPassword, newPassword },
  });

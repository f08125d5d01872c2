import { requestJson, type ApiResult, type Parser } from '../../common/api/http';

/*
 * The two calls of an invitation link. They need no session and no CSRF token: the token in the
 * link is the credential, so the plain public requestJson is used.
 */

const invitee: Parser<{ email: string }> = {
  safeParse(value) {
    const email = (value as { email?: unknown } | null)?.email;
    return typeof email === 'string' ? { success: true, data: { email } } : { success: false };
  },
};

// 204: no body; the status says it all.
const nothing: Parser<null> = { safeParse: () => ({ success: true, data: null }) };

export const getInvitation = (token: string, signal?: AbortSignal): Promise<ApiResult<{ email: string }>> =>
  requestJson(`/api/auth/invitation/${encodeURIComponent(token)}`, () => invitee, { signal });

export const acceptInvitation = (token: string, password: string): Promise<ApiResult<null>> =>
  requestJson('/api/auth/invitation', () => nothing, { method: 'POST', body: { token, password } });

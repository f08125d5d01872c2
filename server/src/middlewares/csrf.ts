import { doubleCsrf } from 'csrf-csrf';

/**
 * CSRF protection for state-changing coordinator requests (double-submit cookie bound to
 * the session id). Clients read the token from /api/auth/csrf, /api/auth/me or the login
 * response and send it as the x-csrf-token header.
 */
export function csrfProtection(secret: string, secure: boolean) {
  return doubleCsrf({
    getSecret: () => secret,
    getSessionIdentifier: (req) => req.session?.id ?? '',
    cookieName: secure ? '__Host-convene.csrf' : 'convene.csrf',
    cookieOptions: { sameSite: 'strict', secure, httpOnly: true, path: '/' },
    getCsrfTokenFromRequest: (req) => req.headers['x-csrf-token'],
  });
}

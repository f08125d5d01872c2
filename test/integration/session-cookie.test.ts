import { afterEach, describe, expect, it } from '@jest/globals';
import { ADMIN, startTestStack, type TestStack } from '../support/stack.js';

/*
 * The session cookie is Secure when the platform is served over HTTPS (its PUBLIC_URL), not
 * merely because NODE_ENV says production: `docker compose up` serves http://localhost:3000
 * in production mode, and a Secure cookie there is never sent back — sign-in would "work"
 * and the next page would ask again.
 */
describe('the session cookie in production', () => {
  let stack: TestStack | undefined;
  afterEach(async () => {
    await stack?.stop();
    stack = undefined;
  });

  const signIn = (headers: Record<string, string> = {}) =>
    stack!.request('/api/auth/login', {
      method: 'POST',
      json: { email: ADMIN.email, password: ADMIN.password },
      headers,
    });

  it('is not Secure on a plain-HTTP deployment, so the browser keeps the session', async () => {
    stack = await startTestStack({
      kind: 'pglite',
      env: {
        NODE_ENV: 'production',
        SESSION_SECRET: 'a'.repeat(64),
        PRIVACY_KEY: 'p'.repeat(64),
        PUBLIC_URL: 'http://localhost:3000',
      },
    });
    const res = await signIn();
    expect(res.status).toBe(200);
    const cookies = res.headers.getSetCookie();
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) expect(cookie).not.toMatch(/;\s*Secure/i);
    const me = await stack.request('/api/auth/me', {
      headers: { cookie: cookies.map((c) => c.split(';')[0]).join('; ') },
    });
    expect(me.status).toBe(200);
  });

  it('is Secure behind an HTTPS balancer', async () => {
    stack = await startTestStack({
      kind: 'pglite',
      env: {
        NODE_ENV: 'production',
        SESSION_SECRET: 'a'.repeat(64),
        PRIVACY_KEY: 'p'.repeat(64),
        PUBLIC_URL: 'https://convene.example.org',
        TRUST_PROXY: '1',
      },
    });
    const res = await signIn({ 'x-forwarded-proto': 'https' });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().join('\n')).toMatch(/;\s*Secure/i);
  });
});

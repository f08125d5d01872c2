import { ADMIN, type TestStack } from './stack.js';

/** A signed-in coordinator: its cookies, CSRF token, and both as request headers. */
export type CoordinatorSession = { cookie: string; csrf: string; headers: Record<string, string> };

/** Signs in as the stack's admin (or the given account). Throws when the sign-in fails. */
export async function signIn(
  stack: Pick<TestStack, 'request'>,
  email = ADMIN.email,
  password = ADMIN.password,
): Promise<CoordinatorSession> {
  const res = await stack.request('/api/auth/login', { method: 'POST', json: { email, password } });
  if (res.status !== 200) throw new Error(`sign-in failed with status ${res.status}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((line) => line.split(';')[0] ?? '')
    .filter(Boolean)
    .join('; ');
  return { cookie, csrf: csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
}

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN, startTestStack, type TestStack } from '../support/stack.js';
import { databaseKinds } from '../support/test-database.js';

const login = (stack: TestStack, email: string, password: string) =>
  stack.request('/api/auth/login', { method: 'POST', json: { email, password } });

describe.each(databaseKinds())('the sign-in throttle (%s)', (kind) => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ kind, withWorker: false, smtp: false });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('does not count successful sign-ins: more than the per-address and per-IP limits in a row all succeed', async () => {
    // 5 per address and 50 per IP are the limits; 55 successes pass both.
    const statuses: number[] = [];
    for (let i = 0; i < 55; i++) statuses.push((await login(stack, ADMIN.email, ADMIN.password)).status);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
  });

  it('still throttles failures after many successes', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await login(stack, ADMIN.email, `wrong-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ZLogin } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { hash } from '@node-rs/argon2';
import { startTestStack, type TestStack } from '../support/stack.js';
import { databaseKinds } from '../support/test-database.js';

/*
 * Sign-in looks a stored address up instead of judging its format: the first-run admin is
 * admin@localhost, which a strict email check refuses (defect 1 of issue 9).
 */

const LOCAL_ADMIN = { email: 'admin@localhost', password: 'a generated first-run password' };

describe('ZLogin', () => {
  it('accepts address-like strings a strict email check refuses, trimmed', () => {
    expect(ZLogin.parse({ email: ' admin@localhost ', password: 'x' }).email).toBe('admin@localhost');
    expect(ZLogin.safeParse({ email: 'ops@intranet', password: 'x' }).success).toBe(true);
  });

  it('still refuses what is no address at all, an empty one and an absurdly long one', () => {
    const codeOf = (email: unknown) => {
      const result = ZLogin.safeParse({ email, password: 'x' });
      return result.success ? null : result.error.issues[0]?.message;
    };
    expect(codeOf('admin')).toBe('invalid_email');
    expect(codeOf('two words@example.org')).toBe('invalid_email');
    expect(codeOf('  ')).toBe('required');
    expect(codeOf(`${'a'.repeat(250)}@example.org`)).toBe('too_long');
  });
});

describe.each(databaseKinds())('POST /api/auth/login with an address a strict check refuses (%s)', (kind) => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ kind, smtp: false, withWorker: false });
    await stack.db.insert(tables.coordinatorAccounts).values({
      email: LOCAL_ADMIN.email,
      passwordHash: await hash(LOCAL_ADMIN.password),
      role: 'admin',
    });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const login = (json: unknown) => stack.request('/api/auth/login', { method: 'POST', json });

  it('signs the stored admin@localhost account in', async () => {
    const res = await login(LOCAL_ADMIN);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { user: { email: string; role: string } };
    expect(body.user).toMatchObject({ email: LOCAL_ADMIN.email, role: 'admin' });
  });

  it('answers an unknown address-like one as wrong credentials, not as a bad format', async () => {
    const res = await login({ email: 'nobody@localhost', password: LOCAL_ADMIN.password });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_credentials');
  });

  it('answers something that is no address with a structured 400 on the field', async () => {
    const res = await login({ email: 'admin', password: 'x' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; fields?: Record<string, { code: string }> } };
    expect(body.error.fields?.email?.code).toBe('invalid_email');
  });
});

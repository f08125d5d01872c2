import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { tables } from '@convene/shared/db';
import { eq } from 'drizzle-orm';
import { signIn, type CoordinatorSession } from '../support/coordinator-session.js';
import { ADMIN, startTestStack, type TestStack } from '../support/stack.js';
import { databaseKinds } from '../support/test-database.js';

describe.each(databaseKinds())('a coordinator’s display name (%s)', (kind) => {
  let stack: TestStack;
  let admin: CoordinatorSession;

  beforeAll(async () => {
    stack = await startTestStack({ kind, withWorker: false, smtp: false });
    admin = await signIn(stack);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const profile = (init: RequestInit & { json?: unknown } = {}) =>
    stack.request('/api/admin/account/profile', { ...init, headers: admin.headers });

  it('is set on one’s own account, names the coordinator in a frozen brief, and is audited without the name', async () => {
    expect(await (await profile()).json()).toEqual({ displayName: null });
    const saved = await profile({ method: 'PUT', json: { displayName: '  Amina Diallo ' } });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual({ displayName: 'Amina Diallo' });

    const frozen = await stack.request('/api/admin/compilations', {
      method: 'POST',
      headers: admin.headers,
      json: { themeSlug: 'smuggling-trafficking' },
    });
    expect(frozen.status).toBe(201);
    const body = JSON.stringify(await frozen.json());
    expect(body).toContain('"frozenBy":"Amina Diallo"');
    expect(body).not.toContain(ADMIN.email);

    const audit = await stack.db
      .select()
      .from(tables.auditLog)
      .where(eq(tables.auditLog.action, 'account.profile.update'));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.details)).not.toContain('Amina');
  });

  it('clears with a blank name, and refuses a name too long with a field error', async () => {
    expect(await (await profile({ method: 'PUT', json: { displayName: '   ' } })).json()).toEqual({
      displayName: null,
    });
    const long = await profile({ method: 'PUT', json: { displayName: 'x'.repeat(121) } });
    expect(long.status).toBe(400);
    expect(await long.json()).toMatchObject({ error: { fields: { displayName: { code: 'too_long' } } } });
  });

  it('needs a signed-in coordinator', async () => {
    const res = await stack.request('/api/admin/account/profile');
    expect(res.status).toBe(401);
  });
});

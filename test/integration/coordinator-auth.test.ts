import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { tables } from '@convene/shared/db';
import { createWebinarRow, ensureThemes, registrationBody, truncateActivity } from '../factories.js';
import { ADMIN, startTestStack, type TestStack } from '../support/stack.js';
import { databaseKinds } from '../support/test-database.js';

/** A signed-in coordinator: its cookies and CSRF token. */
type Session = { cookie: string; csrf: string };

function cookiesOf(res: Response, previous = ''): string {
  const jar = new Map(
    previous
      .split('; ')
      .filter(Boolean)
      .map((c) => [c.split('=')[0]!, c] as const),
  );
  for (const line of res.headers.getSetCookie()) {
    const pair = line.split(';')[0]!;
    jar.set(pair.split('=')[0]!, pair);
  }
  return [...jar.values()].join('; ');
}

async function signIn(stack: TestStack, email = ADMIN.email, password = ADMIN.password): Promise<Session> {
  const res = await stack.request('/api/auth/login', { method: 'POST', json: { email, password } });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: cookiesOf(res), csrf: body.csrfToken };
}

const newWebinar = {
  kind: 'thematic',
  themeSlug: 'drivers-of-migration',
  title: { en: 'Climate and displacement', fr: 'Climat et déplacements' },
  description: { en: 'Adverse effects of climate change.' },
  startsAt: '2027-05-04T13:00:00Z',
  durationMinutes: 120,
  hostTimeZone: 'Africa/Nairobi',
  languages: ['en', 'fr'],
  capacity: 300,
  joinUrl: 'https://meet.example.org/climate',
};

describe.each(databaseKinds())('coordinator API (%s)', (kind) => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ kind, withWorker: false, smtp: false });
    await ensureThemes(stack.db);
  });
  afterAll(async () => {
    await stack?.stop();
  });
  beforeEach(async () => {
    await truncateActivity(stack.db);
  });

  it('answers 401 on every coordinator route without a session', async () => {
    const w = await createWebinarRow(stack.db);
    for (const [method, path] of [
      ['GET', '/api/admin/webinars'],
      ['POST', '/api/admin/webinars'],
      ['PATCH', `/api/admin/webinars/${w.id}`],
      ['GET', '/api/admin/outbox'],
      ['GET', '/api/auth/me'],
    ] as const) {
      const res = await stack.request(path, { method, json: method === 'GET' ? undefined : newWebinar });
      expect([method, path, res.status]).toEqual([method, path, 401]);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
    }
  });

  it('answers 403 to a state-changing request without the CSRF token, and 403 with a wrong one', async () => {
    const session = await signIn(stack);
    const without = await stack.request('/api/admin/webinars', {
      method: 'POST',
      headers: { cookie: session.cookie },
      json: newWebinar,
    });
    expect(without.status).toBe(403);
    expect(((await without.json()) as { error: { code: string } }).error.code).toBe('csrf_invalid');
    const wrong = await stack.request('/api/admin/webinars', {
      method: 'POST',
      headers: { cookie: session.cookie, 'x-csrf-token': `${session.csrf}x` },
      json: newWebinar,
    });
    expect(wrong.status).toBe(403);
    expect(await stack.db.select().from(tables.webinars)).toHaveLength(0);
  });

  it('lets a signed-in coordinator create a webinar and reschedule it, bumping the version', async () => {
    const session = await signIn(stack);
    const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf };
    const created = await stack.request('/api/admin/webinars', { method: 'POST', headers, json: newWebinar });
    expect(created.status).toBe(201);
    const { webinar } = (await created.json()) as {
      webinar: { id: string; slug: string; version: number; joinUrl: string };
    };
    expect(webinar.slug).toBe('climate-and-displacement');
    expect(webinar.version).toBe(1);
    expect(webinar.joinUrl).toBe(newWebinar.joinUrl);

    const renamed = await stack.request(`/api/admin/webinars/${webinar.id}`, {
      method: 'PATCH',
      headers,
      json: { capacity: 10 },
    });
    expect(((await renamed.json()) as { webinar: { version: number } }).webinar.version).toBe(1);
    const moved = await stack.request(`/api/admin/webinars/${webinar.id}`, {
      method: 'PATCH',
      headers,
      json: { startsAt: '2027-05-05T13:00:00+02:00' },
    });
    expect(moved.status).toBe(200);
    const after = ((await moved.json()) as { webinar: { version: number; startsAt: string } }).webinar;
    expect(after.version).toBe(2);
    expect(after.startsAt).toBe('2027-05-05T11:00:00.000Z');

    const list = await stack.request('/api/admin/webinars', { headers: { cookie: session.cookie } });
    expect(list.status).toBe(200);
  });

  it('answers 400 with field errors for a bad webinar, 404 for an unknown id and 409 for a taken slug', async () => {
    const session = await signIn(stack);
    const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf };
    const bad = await stack.request('/api/admin/webinars', {
      method: 'POST',
      headers,
      json: {
        ...newWebinar,
        startsAt: 'next tuesday',
        hostTimeZone: 'Nowhere/Land',
        themeSlug: 'no-such-theme',
        joinUrl: 'javascript:alert(1)',
      },
    });
    expect(bad.status).toBe(400);
    const fields = ((await bad.json()) as { error: { fields: Record<string, unknown> } }).error.fields;
    expect(Object.keys(fields).sort()).toEqual(['hostTimeZone', 'joinUrl', 'startsAt']);
    const unknownTheme = await stack.request('/api/admin/webinars', {
      method: 'POST',
      headers,
      json: { ...newWebinar, themeSlug: 'no-such-theme' },
    });
    expect(unknownTheme.status).toBe(400);

    const missing = await stack.request('/api/admin/webinars/00000000-0000-4000-8000-000000000000', {
      method: 'PATCH',
      headers,
      json: { capacity: 3 },
    });
    expect(missing.status).toBe(404);
    const notAnId = await stack.request('/api/admin/webinars/42', { method: 'PATCH', headers, json: { capacity: 3 } });
    expect(notAnId.status).toBe(404);

    await stack.request('/api/admin/webinars', {
      method: 'POST',
      headers,
      json: { ...newWebinar, slug: 'taken-slug' },
    });
    const taken = await stack.request('/api/admin/webinars', {
      method: 'POST',
      headers,
      json: { ...newWebinar, slug: 'taken-slug' },
    });
    expect(taken.status).toBe(409);
  });

  it('rotates the session id at sign-in and ends the session at sign-out', async () => {
    const anonymous = await stack.request('/api/auth/csrf');
    const before = cookiesOf(anonymous);
    const session = await signIn(stack);
    expect(session.cookie).toMatch(/convene\.sid=/);
    expect(session.cookie).not.toBe(before);
    const setCookie = (await stack.request('/api/auth/login', { method: 'POST', json: ADMIN })).headers
      .getSetCookie()
      .join('\n');
    expect(setCookie).toMatch(/convene\.sid=[^;]+;.*HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);

    const me = await stack.request('/api/auth/me', { headers: { cookie: session.cookie } });
    expect(me.status).toBe(200);
    const out = await stack.request('/api/auth/logout', {
      method: 'POST',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
    });
    expect(out.status).toBe(204);
    const after = await stack.request('/api/admin/webinars', { headers: { cookie: session.cookie } });
    expect(after.status).toBe(401);
  });

  it('rejects wrong passwords and throttles repeated attempts with 429 and Retry-After', async () => {
    const email = 'someone@convene.test';
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await stack.request('/api/auth/login', { method: 'POST', json: { email, password: `guess-${i}` } });
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });

  it('lists the local outbox for coordinators', async () => {
    const session = await signIn(stack);
    const res = await stack.request('/api/admin/outbox', { headers: { cookie: session.cookie } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { messages: unknown[] }).messages).toEqual([]);
    // Registration still works while coordinators are signed in: the two areas are independent.
    const w = await createWebinarRow(stack.db);
    const reg = await stack.request(`/api/webinars/${w.slug}/registrations`, {
      method: 'POST',
      json: registrationBody(),
    });
    expect(reg.status).toBe(201);
  });
});

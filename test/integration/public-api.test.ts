import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SEED_THEMES } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { seedDatabase } from '../../server/src/services/seed/seed-database.js';
import { startTestStack, type TestStack } from '../support/stack.js';

describe('public API and headers', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ kind: 'pglite', withWorker: false, smtp: false, env: { SEED_DEMO: 'true' } });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('seeds the seven themes in four languages and a demo programme in several host time zones', async () => {
    const { themes } = (await (await stack.request('/api/themes')).json()) as {
      themes: { slug: string; name: Record<string, string> }[];
    };
    // The form offers the six consultation themes: the orientation is not a report theme.
    expect(themes.map((t) => t.slug)).toEqual(SEED_THEMES.filter((t) => t.kind !== 'orientation').map((t) => t.slug));
    for (const theme of themes) expect(Object.keys(theme.name).sort()).toEqual(['ar', 'en', 'es', 'fr']);

    const { webinars } = (await (await stack.request('/api/webinars')).json()) as {
      webinars: { kind: string; startsAt: string; hostTimeZone: string }[];
    };
    expect(webinars).toHaveLength(7);
    expect(webinars.filter((w) => w.kind === 'orientation')).toHaveLength(1);
    expect(new Set(webinars.map((w) => w.hostTimeZone)).size).toBeGreaterThanOrEqual(5);
    for (const w of webinars) expect(new Date(w.startsAt).getTime()).toBeGreaterThan(Date.now());
  });

  it('does not seed again on a database that has data', async () => {
    await seedDatabase(stack.db, { demo: true });
    expect(await stack.db.select().from(tables.webinars)).toHaveLength(7);
  });

  it('publishes an OpenAPI 3.1 document generated from the shared schemas', async () => {
    const doc = (await (await stack.request('/api/openapi.json')).json()) as {
      openapi: string;
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: { properties?: object } }> } }>
      >;
    };
    expect(doc.openapi).toBe('3.1.0');
    const register = doc.paths['/api/webinars/{slug}/registrations']?.post;
    expect(Object.keys(register?.requestBody?.content['application/json']?.schema.properties ?? {})).toEqual(
      expect.arrayContaining(['name', 'email', 'country', 'language', 'timeZone', 'consent']),
    );
    expect(doc.paths['/api/admin/webinars/{id}']?.patch).toBeDefined();
  });

  it('sends a strict Content-Security-Policy and answers unknown API routes in the error shape', async () => {
    const res = await stack.request('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'No such API route' } });
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('answers /healthz and /readyz', async () => {
    expect(await (await stack.request('/healthz')).json()).toEqual({ status: 'ok' });
    expect(await (await stack.request('/readyz')).json()).toEqual({
      status: 'ok',
      checks: { database: 'ok', redis: 'ok' },
    });
  });
});

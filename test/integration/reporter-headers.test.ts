import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DENIED_FEATURES } from '../../server/src/middlewares/reporter-protection.js';
import { reportBody } from '../factories.js';
import { ensureClientBuild } from '../support/browser.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { databaseKinds } from '../support/test-database.js';

/*
 * Issue 13, part 4: the report pages and every answer of the report API are never stored by
 * a browser or proxy, send no referrer, and deny camera, microphone, geolocation and the
 * other features they do not use. Other pages keep their own headers.
 */

let nextHost = 1;
const fromNewAddress = () => ({ 'x-forwarded-for': `203.0.113.${nextHost++}` });

/** The features a Permissions-Policy header denies (`name=()`). */
function denied(policy: string | null): string[] {
  return (policy ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => /^[a-z-]+=\(\)$/.test(part))
    .map((part) => part.slice(0, -3));
}

function expectReporterHeaders(res: Response, what: string) {
  expect({ what, cache: res.headers.get('cache-control'), referrer: res.headers.get('referrer-policy') }).toEqual({
    what,
    cache: 'no-store',
    referrer: 'no-referrer',
  });
  const features = denied(res.headers.get('permissions-policy'));
  expect(features).toEqual([...DENIED_FEATURES]);
  for (const feature of ['camera', 'microphone', 'geolocation']) expect(features).toContain(feature);
}

describe.each(databaseKinds())('reporter-side headers (%s)', (kind) => {
  let stack: TestStack;
  beforeAll(async () => {
    ensureClientBuild();
    stack = await startTestStack({ kind, smtp: false, withWorker: false, env: { TRUST_PROXY: '1' } });
  }, 240_000);
  afterAll(async () => {
    await stack?.stop();
  }, 60_000);

  const post = (json: unknown) => stack.request('/api/reports', { method: 'POST', json, headers: fromNewAddress() });

  it('are sent with the report page and its receipt page, in every language', async () => {
    for (const pathname of ['/report', '/report/', '/report/status', '/report?lang=ar', '/report/status?lang=fr']) {
      const res = await stack.request(pathname);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expectReporterHeaders(res, pathname);
    }
  });

  it('are sent with a report accepted, replayed, refused (400, 413) and looked up by receipt (200, 404)', async () => {
    const body = reportBody();
    const created = await post(body);
    expect(created.status).toBe(201);
    expectReporterHeaders(created, 'created');
    const { receipt } = (await created.json()) as { receipt: { receiptCode: string } };

    const replayed = await post(body);
    expect(replayed.status).toBe(200);
    expectReporterHeaders(replayed, 'replayed');

    const invalid = await post(reportBody({ barriers: '' }));
    expect(invalid.status).toBe(400);
    expectReporterHeaders(invalid, 'invalid');

    const tooLarge = await post(reportBody({ barriers: 'x'.repeat(200_000) }));
    expect(tooLarge.status).toBe(413);
    expectReporterHeaders(tooLarge, 'too large');

    const found = await stack.request(`/api/reports/receipt/${receipt.receiptCode}`);
    expect(found.status).toBe(200);
    expectReporterHeaders(found, 'receipt found');

    const unknown = await stack.request('/api/reports/receipt/AAAA-AAAA-AAAA');
    expect(unknown.status).toBe(404);
    expectReporterHeaders(unknown, 'receipt unknown');
  });

  it('are not sent with the other pages and APIs, which keep their own', async () => {
    for (const pathname of ['/', '/consultations', '/reports', '/reporting', '/api/webinars', '/api/themes']) {
      const res = await stack.request(pathname);
      expect(res.status).toBe(200);
      expect({ pathname, policy: res.headers.get('permissions-policy') }).toEqual({ pathname, policy: null });
      expect(res.headers.get('cache-control')).not.toBe('no-store');
    }
  });
});

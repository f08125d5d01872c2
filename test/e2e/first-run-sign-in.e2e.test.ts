import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { ensureClientBuild, launchChromium } from '../support/browser.js';
import { spawnEntry, type Child } from '../support/child-process.js';
import { createTestDatabase, type TestDatabaseTarget } from '../support/test-database.js';

/*
 * A first start as "npm start" makes it — one real process, PGlite in a fresh DATA_DIR, no
 * ADMIN_EMAIL or ADMIN_PASSWORD — prints a workspace URL and generated credentials; signing
 * in there with them in real Chromium opens the workspace (defect 1 and build 9 of issue 9).
 */

type Banner = { signInUrl: string; email: string; password: string };

/** The first-run banner, read from the console output as a person would. */
function bannerOf(output: string): Banner {
  const credentials = /email:\s+(\S+)\n\s+password:\s+(\S+)/.exec(output);
  const url = /Sign in at (http\S+)/.exec(output);
  if (!credentials || !url) throw new Error(`no first-run banner in the output:\n${output}`);
  return { email: credentials[1]!, password: credentials[2]!, signInUrl: url[1]! };
}

describe('first run with no admin variables', () => {
  let target: TestDatabaseTarget;
  let main: Child;
  let browser: Browser;

  beforeAll(async () => {
    ensureClientBuild();
    target = await createTestDatabase('pglite');
    // What `npm start` runs after building the client: no NODE_ENV (development), no admin.
    main = spawnEntry('server/src/main.ts', [], {
      PORT: '0',
      DATA_DIR: target.dataDir,
      QUEUE_PREFIX: `f${randomBytes(4).toString('hex')}`,
      SEED_DEMO: 'false',
    });
    await main.waitForOutput('Sign in at', 90_000);
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await main?.stop('SIGTERM');
    await target?.drop();
  }, 60_000);

  it('prints the workspace URL and credentials once, and they sign in at /admin in the browser', async () => {
    const output = main.output();
    const banner = bannerOf(output);
    expect(banner.email).toBe('admin@localhost');
    expect(banner.signInUrl).toMatch(/^http:\/\/localhost:\d+\/admin$/);
    // Shown once, on the console, never in a log line.
    expect(output.split(banner.password)).toHaveLength(2);
    for (const line of output.split('\n').filter((l) => l.startsWith('{'))) {
      expect(line).not.toContain(banner.password);
    }

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    try {
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (err) => pageErrors.push(err.message));
      await page.goto(banner.signInUrl);
      const form = page.getByTestId('sign-in-form');
      await form.locator('input[name="email"]').fill(banner.email);
      await form.locator('input[name="password"]').fill(banner.password);
      await form.locator('button[type="submit"]').click();
      await page.waitForURL((url) => url.pathname === '/admin/overview', { timeout: 20_000 });
      await page.getByRole('navigation', { name: 'Workspace' }).waitFor();
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('logs the API requests of that visit as JSON lines, and none of its static assets', () => {
    const lines = main
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { req?: { url?: string } });
    const urls = lines.flatMap((l) => (l.req?.url ? [l.req.url] : []));
    expect(urls).toContain('/api/auth/login');
    expect(urls).toContain('/admin');
    expect(urls.filter((u) => u.startsWith('/assets/') || /\.\w+$/.test(u))).toEqual([]);
  });
});

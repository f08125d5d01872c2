import { readFile } from 'node:fs/promises';
import { describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { catalogs } from '@convene/shared';
import { loadAdminCatalog } from '@convene/shared/i18n/admin';
import type { Page } from 'playwright-core';
import { eventually, reportBody } from '../factories.js';
import { useBrowserSuite } from '../support/browser-suite.js';
import { liveSwitch } from '../support/live-network.js';
import { ADMIN, type TestStack } from '../support/stack.js';
import { severeViolations } from '../support/workspace-steps.js';

/*
 * A coordinator works through the workspace in real Chromium: signs in, watches a report
 * arrive live on the overview, redacts a personal detail from it, includes it, and downloads
 * the theme's brief — which carries the redacted text and not the original.
 */

const THEME = 'human-rights-inclusion';
const REGION = 'europe';
const PERSONAL = 'Contact Fatima on +33 6 12 34 56 78';
const BARRIERS = `${PERSONAL} — she saw families turned away from the clinic in Calais because they had no papers.`;
const REDACTED = `[redacted] — she saw families turned away from the clinic in Calais because they had no papers.`;

/** Drops every coordinator session from Redis, as an idle timeout would. */
async function deleteSessions(stack: TestStack): Promise<void> {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  try {
    const keys = await redis.keys(`${stack.prefix}:sess:*`);
    expect(keys.length).toBeGreaterThan(0);
    await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}

const unescapeMarkdown = (text: string) => text.replace(/\\(.)/g, '$1');

describe('the coordinator workspace in Chromium', () => {
  const suite = useBrowserSuite({ kind: 'pglite', smtp: false, withWorker: false });

  const open = () => suite.open({ acceptDownloads: true });

  /** No serious or critical WCAG 2.1 A/AA violation on the page as it is now. */
  async function expectAccessible(page: Page, when: string) {
    expect(await severeViolations(page, when)).toEqual([]);
  }

  /** Waits until the locator's text (or attribute) is what the test expects, then checks it. */
  async function until(read: () => Promise<string | null>, expected: string | RegExp) {
    const matches = (value: string | null) =>
      value !== null && (typeof expected === 'string' ? value === expected : expected.test(value));
    await eventually(async () => matches(await read()), 15_000).catch(() => undefined);
    const value = await read();
    if (typeof expected === 'string') expect(value).toBe(expected);
    else expect(value).toMatch(expected);
  }

  const cell = (page: Page, theme: string, region: string) =>
    page.locator(`[data-testid="coverage-cell"][data-theme="${theme}"][data-region="${region}"]`);

  it('sends a signed-out visitor to the sign-in form, and shows field errors in words', async () => {
    const { page, pageErrors } = await open();
    await page.goto(`${suite.stack.url}/admin/reports`);
    const form = page.getByTestId('sign-in-form');
    await form.waitFor();
    // Back at /admin, remembering where the coordinator was going.
    expect(new URL(page.url()).pathname).toMatch(/^\/admin\/?$/);
    expect(new URL(page.url()).searchParams.get('next')).toBe('/reports');
    // Each route names the tab (set by an effect: the runtime does not hoist a <title> element).
    const admin = await loadAdminCatalog('en');
    const titled = (name: string) => `${name} · ${admin.title} · ${catalogs.en.app.name}`;
    await until(() => page.title(), titled(admin.signIn.submit));

    await form.locator('button[type="submit"]').click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await form.locator('input[name="email"]').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'sign-in with errors');

    await form.locator('input[name="email"]').fill(ADMIN.email);
    await form.locator('input[name="password"]').fill('not the password');
    await form.locator('button[type="submit"]').click();
    await until(() => summary.textContent(), /wrong email or password/i);

    await form.locator('input[name="password"]').fill(ADMIN.password);
    await form.locator('button[type="submit"]').click();
    await page.waitForURL((url) => url.pathname === '/admin/reports');
    await page.getByTestId('report-filters').waitFor();
    await until(() => page.title(), titled(admin.reports.title));
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it('shows a new report live, then redacts, includes and compiles it into a Markdown brief without the personal detail', async () => {
    const { page, pageErrors } = await open();
    await page.goto(`${suite.stack.url}/admin`);
    const form = page.getByTestId('sign-in-form');
    await form.locator('input[name="email"]').fill(ADMIN.email);
    await form.locator('input[name="password"]').fill(ADMIN.password);
    await form.locator('button[type="submit"]').click();
    await page.waitForURL((url) => url.pathname === '/admin/overview');
    await page.locator('[data-testid="live-status"][data-state="connected"]').waitFor();
    await page.getByTestId('coverage-heat-map').waitFor();
    const before = Number(await cell(page, THEME, REGION).getAttribute('data-count'));
    await expectAccessible(page, 'overview');

    // Anything that reloads the page would lose this.
    await page.evaluate('window.__stillHere = true');

    const res = await suite.stack.request('/api/reports', {
      method: 'POST',
      json: reportBody({
        region: REGION,
        countries: ['FR'],
        corridor: null,
        themes: [{ slug: THEME, subtopics: ['access-to-services'], provenance: 'chosen' }],
        barriers: BARRIERS,
        recommendations: 'Firewalls between health care and immigration enforcement.',
        consent: 'anonymized',
      }),
    });
    expect(res.status).toBe(201);

    // Live: the recent list shows it and the heat map counts it, with no reload.
    const item = page.locator('[data-testid="recent-report"]', { hasText: 'Fatima' });
    await item.waitFor({ timeout: 15_000 });
    expect(await item.getByTestId('recent-report-excerpt').textContent()).toContain(PERSONAL);
    await until(() => cell(page, THEME, REGION).getAttribute('data-count'), String(before + 1));
    expect(await cell(page, THEME, REGION).textContent()).toBe(String(before + 1));
    await until(
      async () => (await page.locator('[role="status"][aria-live="polite"]').allTextContents()).join('|'),
      /New report from Europe/,
    );
    expect(await page.evaluate('window.__stillHere === true')).toBe(true);
    const reportId = await item.getAttribute('data-report-id');
    expect(reportId).toBeTruthy();

    // Review: redact the personal detail, then include the report.
    await item.getByRole('link').click();
    await page.waitForURL((url) => url.pathname === `/admin/reports/${reportId}`);
    const detail = page.getByTestId('report-detail');
    await detail.waitFor();
    expect(await page.getByTestId('report-barriers').textContent()).toBe(BARRIERS);
    const redaction = page.getByTestId('redacted-barriers');
    expect(await redaction.inputValue()).toBe(BARRIERS);
    await redaction.fill(REDACTED);
    await page.getByTestId('save-redaction').click();
    await until(() => page.getByTestId('report-barriers').textContent(), REDACTED);
    await page.getByTestId('remove-redaction').waitFor();
    // Admins see the original beside the redacted text, labelled.
    expect(await page.getByTestId('original-barriers').textContent()).toContain(PERSONAL);

    await page.getByTestId('status-included').click();
    await page.locator('[data-testid="report-status"][data-status="included"]').waitFor();
    expect(await page.getByTestId('status-included').getAttribute('aria-pressed')).toBe('true');

    await page
      .getByTestId('note-form')
      .locator('textarea')
      .fill('Phone number removed; the clinic is named on purpose.');
    await page.getByTestId('add-note').click();
    await page.getByTestId('note').first().waitFor();
    await expectAccessible(page, 'report detail');

    // The reports list finds it by its words, status and day (in the reader's zone), with the
    // filters in the address and in the CSV link.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Reports' }).click();
    const filters = page.getByTestId('report-filters');
    await filters.locator('#filter-q').fill('clinic');
    await filters.locator('#filter-status').selectOption('included');
    await filters.locator('#filter-from').fill(today);
    await filters.locator('#filter-to').fill(today);
    await filters.locator('button[type="submit"]').click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'clinic' && url.searchParams.get('from') === today);
    const ids = () =>
      page.getByTestId('report-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-report-id')).join(','));
    await until(ids, reportId!);
    const csv = await page.getByRole('link', { name: /CSV/ }).getAttribute('href');
    expect(csv).toMatch(/status=included/);
    expect(csv).toMatch(/q=clinic/);
    await filters.locator('#filter-status').selectOption('excluded');
    await filters.locator('button[type="submit"]').click();
    await until(() => page.getByTestId('report-count').textContent(), 'Reports found: 0');
    await expectAccessible(page, 'reports list');

    // Compile the theme and download its Markdown brief.
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Compile' }).click();
    await page.locator('#compile-theme').selectOption(THEME);
    await page.getByTestId('compile-theme-form').locator('button[type="submit"]').click();
    await page.waitForURL((url) => url.pathname === `/admin/compile/${THEME}`);
    const compiled = page.locator(`[data-testid="compiled-report"][data-report-id="${reportId}"]`);
    await compiled.waitFor();
    expect(await compiled.textContent()).toContain('[redacted]');
    expect(await compiled.textContent()).not.toContain('Fatima');
    await expectAccessible(page, 'compile');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-md').click()]);
    expect(download.suggestedFilename()).toMatch(/\.md$/);
    // Markdown escapes punctuation ("\\[redacted\\]"): read it as the rendered text would be.
    const markdown = unescapeMarkdown(await readFile((await download.path())!, 'utf8'));
    expect(markdown).toContain('[redacted]');
    expect(markdown).toContain('Calais');
    expect(markdown).not.toContain('+33 6 12 34 56 78');
    expect(markdown).not.toContain('Fatima');

    // Freeze a numbered snapshot: it is listed with its own downloads.
    await page.getByTestId('freeze').click();
    const snapshot = page.locator('[data-testid="frozen-compilation"][data-number="1"]');
    await snapshot.waitFor();
    const [frozenDownload] = await Promise.all([
      page.waitForEvent('download'),
      snapshot.getByTestId('download-md').click(),
    ]);
    const frozenMarkdown = unescapeMarkdown(await readFile((await frozenDownload.path())!, 'utf8'));
    expect(frozenMarkdown).toContain('[redacted]');
    expect(frozenMarkdown).not.toContain('Fatima');

    // Back on the overview (a client-side navigation), the heat map still counts the report.
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Overview' }).click();
    await until(() => cell(page, THEME, REGION).getAttribute('data-count'), String(before + 1));
    expect(await page.evaluate('window.__stillHere === true')).toBe(true);
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('catches up after the live connection drops: a report sent meanwhile appears once it is back', async () => {
    const { page, pageErrors } = await open();
    const live = await liveSwitch(page);
    await page.goto(`${suite.stack.url}/admin`);
    const form = page.getByTestId('sign-in-form');
    await form.locator('input[name="email"]').fill(ADMIN.email);
    await form.locator('input[name="password"]').fill(ADMIN.password);
    await form.locator('button[type="submit"]').click();
    await page.waitForURL((url) => url.pathname === '/admin/overview');
    await page.locator('[data-testid="live-status"][data-state="connected"]').waitFor();
    await page.getByTestId('coverage-heat-map').waitFor();
    const before = Number(await cell(page, 'drivers-of-migration', 'asia').getAttribute('data-count'));

    // The network drops: the server loses the connection and the browser cannot reconnect yet.
    live.drop(() => {
      for (const socket of suite.stack.running.realtime.io.sockets.sockets.values()) socket.conn.close();
    });
    await page.locator('[data-testid="live-status"][data-state="disconnected"]').waitFor();

    const res = await suite.stack.request('/api/reports', {
      method: 'POST',
      json: reportBody({
        region: 'asia',
        countries: ['BD'],
        corridor: null,
        themes: [{ slug: 'drivers-of-migration', subtopics: [], provenance: 'chosen' }],
        barriers: 'Cyclone after cyclone: whole villages leave the coast for Dhaka and beyond.',
      }),
    });
    expect(res.status).toBe(201);
    const item = page.locator('[data-testid="recent-report"]', { hasText: 'Cyclone after cyclone' });
    await page.waitForTimeout(1500);
    expect(await item.count()).toBe(0); // the event went nowhere

    // Back online: the workspace reconnects and reads the overview again.
    live.restore();
    await page.locator('[data-testid="live-status"][data-state="connected"]').waitFor({ timeout: 30_000 });
    await item.waitFor({ timeout: 15_000 });
    await until(() => cell(page, 'drivers-of-migration', 'asia').getAttribute('data-count'), String(before + 1));
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it('goes back to the sign-in form when the session ends under it, and after signing in returns where it was', async () => {
    const { page, pageErrors } = await open();
    const signIn = async () => {
      const form = page.getByTestId('sign-in-form');
      await form.locator('input[name="email"]').fill(ADMIN.email);
      await form.locator('input[name="password"]').fill(ADMIN.password);
      await form.locator('button[type="submit"]').click();
    };
    const nav = (name: string) => page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name });

    await page.goto(`${suite.stack.url}/admin`);
    await signIn();
    await page.waitForURL((url) => url.pathname === '/admin/overview');
    await page.locator('[data-testid="live-status"][data-state="connected"]').waitFor();

    // The session times out in the store (the live connection stays up): the next API call
    // answers 401 and the workspace asks to sign in again, remembering the page.
    await deleteSessions(suite.stack);
    await nav('Reports').click();
    await page.getByTestId('sign-in-form').waitFor();
    await until(() => page.locator('.admin-sign-in [role="status"]').textContent(), /session has ended/i);
    expect(new URL(page.url()).searchParams.get('next')).toBe('/reports');
    await signIn();
    await page.waitForURL((url) => url.pathname === '/admin/reports');
    await page.getByTestId('report-filters').waitFor();

    // Signed out from another tab: the server closes the live connection, the workspace notices.
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const out = await suite.stack.request('/api/auth/logout', { method: 'POST', headers: { cookie } });
    expect(out.status).toBe(204);
    await page.getByTestId('sign-in-form').waitFor();

    // And signing out here ends the session on the server too.
    await signIn();
    await page.waitForURL((url) => url.pathname === '/admin/reports');
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in-form').waitFor();
    await until(() => page.locator('.admin-sign-in [role="status"]').textContent(), /signed out/i);
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(me).toBe(401);
    expect(pageErrors).toEqual([]);
  }, 90_000);
});

import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { eventually, reportBody } from '../factories.js';
import { useBrowserSuite } from '../support/browser-suite.js';
import { signIn } from '../support/coordinator-session.js';
import { ADMIN } from '../support/stack.js';

/*
 * Reports carrying markup and script in every free-text field reach the coordinator
 * workspace — some before the coordinator opens it, some live over socket.io — and are shown
 * as the text they are, on every page that shows them: nothing runs, no element is made from
 * them, no dialog opens. The page itself is served with a CSP that only allows its own scripts.
 */

const THEME = 'smuggling-trafficking';

const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '"><script>alert(document.cookie)</script>',
  '<a href="#" onclick="alert(1)">click me</a> <div onmouseover="alert(1)">hover</div>',
  '[x](javascript:alert(1))',
  '<iframe src="javascript:alert(1)"></iframe>',
  "{{constructor.constructor('alert(1)')()}} ${alert(1)}",
] as const;

/** One report per payload, the payload in every free-text field, published with attribution. */
function xssReport(payload: string, i: number) {
  return reportBody({
    reporter: { kind: 'named', organization: `Org ${i} ${payload}`.slice(0, 200) },
    consent: 'attributed',
    region: i % 2 === 0 ? 'africa' : 'americas',
    countries: [i % 2 === 0 ? 'NE' : 'MX'],
    corridor: null,
    themes: [{ slug: THEME, subtopics: [], provenance: 'chosen' }],
    barriers: `Barrier ${i}: ${payload}`,
    recommendations: `Recommendation ${i}: ${payload}`,
    source: i === 5 ? 'javascript:alert(1)' : `Source ${i}: ${payload}`,
  });
}

describe('the coordinator workspace with hostile report texts', () => {
  const suite = useBrowserSuite({ kind: 'pglite', smtp: false, withWorker: false });

  async function submit(i: number) {
    const res = await suite.stack.request('/api/reports', { method: 'POST', json: xssReport(PAYLOADS[i]!, i) });
    expect(res.status).toBe(201);
  }

  /** Nothing from the payloads became an element, a handler or a script URL. */
  async function expectInert(page: Page, where: string) {
    const found = await page.evaluate(`(() => {
      const main = document.querySelector('main');
      const count = (selector) => main.querySelectorAll(selector).length;
      const handlers = [...main.querySelectorAll('*')].filter((el) =>
        [...el.attributes].some((a) => a.name.toLowerCase().startsWith('on')),
      ).length;
      return {
        scripts: count('script'),
        images: count('img'),
        iframes: count('iframe'),
        foreignSvgs: count('svg:not([data-chart])'),
        svgOnload: count('svg[onload]'),
        handlers,
        scriptUrls: count('a[href^="javascript:" i], iframe[src^="javascript:" i]'),
      };
    })()`);
    expect({ where, found }).toEqual({
      where,
      found: { scripts: 0, images: 0, iframes: 0, foreignSvgs: 0, svgOnload: 0, handlers: 0, scriptUrls: 0 },
    });
  }

  /** Each payload can be read on the page, literally. */
  async function expectVisibleAsText(page: Page, payloads: readonly string[], where: string) {
    const text = await page.locator('main').innerText();
    const missing = payloads.filter((p) => !text.includes(p));
    expect({ where, missing }).toEqual({ where, missing: [] });
  }

  it('shows every payload as text on the overview (live too), the reports list, a report and the compiled brief, and runs none of them', async () => {
    // Half arrive before the coordinator opens the workspace.
    for (let i = 0; i < 4; i++) await submit(i);

    const { page, pageErrors: errors } = await suite.open({ timezoneId: 'Africa/Lagos' });
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });

    const response = await page.goto(`${suite.stack.url}/admin`);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toMatch(/(^|;)\s*script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);

    const form = page.getByTestId('sign-in-form');
    await form.locator('input[name="email"]').fill(ADMIN.email);
    await form.locator('input[name="password"]').fill(ADMIN.password);
    await form.locator('button[type="submit"]').click();
    await page.waitForURL((url) => url.pathname === '/admin/overview');
    await page.locator('[data-testid="live-status"][data-state="connected"]').waitFor();
    await page.getByTestId('recent-reports').waitFor();

    // The other half arrive while the overview is open.
    for (let i = 4; i < PAYLOADS.length; i++) await submit(i);
    await eventually(async () => (await page.getByTestId('recent-report').count()) === PAYLOADS.length, 15_000);
    await page.locator('[data-testid="recent-report"]', { hasText: `Barrier ${PAYLOADS.length - 1}:` }).waitFor();
    await expectVisibleAsText(page, PAYLOADS, 'overview');
    await expectInert(page, 'overview');
    // The charts are the page's own SVG, and there are some.
    expect(await page.locator('main svg[data-chart]').count()).toBeGreaterThan(0);

    // The reports list.
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Reports' }).click();
    await eventually(async () => (await page.getByTestId('report-row').count()) === PAYLOADS.length, 15_000);
    await expectVisibleAsText(page, PAYLOADS, 'reports list');
    await expectInert(page, 'reports list');

    // Every report in full: texts, organization, contact, and the redaction editor's fields.
    const ids = await page
      .getByTestId('report-row')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-report-id')));
    for (const id of ids) {
      await page.goto(`${suite.stack.url}/admin/reports/${id}`);
      const detail = page.getByTestId('report-detail');
      await detail.waitFor();
      const barriers = (await page.getByTestId('report-barriers').textContent()) ?? '';
      const i = Number(/^Barrier (\d+):/.exec(barriers)?.[1]);
      const payload = PAYLOADS[i]!;
      expect(barriers).toBe(`Barrier ${i}: ${payload}`);
      expect(await page.getByTestId('fact-submitter').textContent()).toContain(payload);
      expect(await page.getByTestId('redacted-barriers').inputValue()).toBe(`Barrier ${i}: ${payload}`);
      await expectVisibleAsText(page, [payload], `report ${i}`);
      await expectInert(page, `report ${i}`);
    }

    // Included, then compiled: attribution and texts in the brief are text as well.
    const session = await signIn(suite.stack);
    for (const id of ids) {
      const res = await suite.stack.request(`/api/admin/reports/${id}`, {
        method: 'PATCH',
        headers: session.headers,
        json: { status: 'included' },
      });
      expect(res.status).toBe(200);
    }
    await page.goto(`${suite.stack.url}/admin/compile/${THEME}`);
    await eventually(async () => (await page.getByTestId('compiled-report').count()) === PAYLOADS.length, 15_000);
    await expectVisibleAsText(page, PAYLOADS, 'compile');
    await expectVisibleAsText(page, ['javascript:alert(1)'], 'compile (source)');
    const attributions = await page.getByTestId('attribution').allTextContents();
    for (const payload of PAYLOADS) {
      expect(attributions.some((a) => a.includes(`${payload}`.slice(0, 40)))).toBe(true);
    }
    await expectInert(page, 'compile');

    // Hovering and clicking where a handler would sit does nothing either.
    await page.locator('[data-testid="compiled-report"]', { hasText: 'hover' }).first().hover();
    await page
      .locator('[data-testid="compiled-report"]', { hasText: 'click me' })
      .first()
      .click({ position: { x: 5, y: 5 } });

    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  }, 180_000);
});

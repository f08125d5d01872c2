import { describe, expect, it } from '@jest/globals';
import type { TCreateReportInput } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { reportBody } from '../factories.js';
import { useBrowserSuite } from '../support/browser-suite.js';
import { liveSwitch } from '../support/live-network.js';
import { ADMIN } from '../support/stack.js';
import { severeViolations, signInToWorkspace } from '../support/workspace-steps.js';

/*
 * From the overview to the reports behind a count: a heat-map cell opens the reports list
 * filtered by its theme and region, with the counts per country of that region; while the
 * list is open, a new matching report is announced (a report from elsewhere is not) and is
 * listed only once the reader asks. In real Chromium, reports sent through the public API.
 */

const RIGHTS = 'human-rights-inclusion';
const RIGHTS_EN = 'Human rights of all migrants, social inclusion, cohesion and all forms of discrimination';
const RIGHTS_AR = 'حقوق الإنسان لجميع المهاجرين والإدماج الاجتماعي والتماسك وجميع أشكال التمييز';
const SMUGGLING = 'smuggling-trafficking';

type Send = Partial<TCreateReportInput>;
const on = (slug: string): Send['themes'] => [{ slug, provenance: 'chosen' }];

// Four reports on human rights in Africa (one about Senegal and France), one in Europe, and
// two on smuggling: the Africa × human-rights cell counts 4.
const SEEDED: Send[] = [
  { themes: on(RIGHTS), region: 'africa', countries: ['SN', 'MA'] },
  { themes: on(RIGHTS), region: 'africa', countries: ['SN'] },
  { themes: on(RIGHTS), region: 'africa', countries: ['ML'] },
  { themes: on(RIGHTS), region: 'africa', countries: ['SN', 'FR'] },
  { themes: on(RIGHTS), region: 'europe', countries: ['FR'] },
  { themes: on(SMUGGLING), region: 'africa', countries: ['NE', 'LY'] },
  { themes: on(SMUGGLING), region: 'asia', countries: ['TH'] },
];

describe('overview links and the live reports list in Chromium', () => {
  const suite = useBrowserSuite({
    kind: 'pglite',
    smtp: false,
    withWorker: false,
    env: { REPORT_RATE_LIMIT: '10000' },
  });

  /** Sends a report through the public API and returns its id. */
  async function submit(overrides: Send): Promise<string> {
    const body = reportBody({ corridor: null, ...overrides });
    const res = await suite.stack.request('/api/reports', { method: 'POST', json: body });
    expect(res.status).toBe(201);
    const [row] = await suite.stack.db
      .select({ id: tables.reports.id })
      .from(tables.reports)
      .where(eq(tables.reports.clientSubmissionId, body.clientSubmissionId));
    return row!.id;
  }

  const cell = (page: Page, theme: string, region: string) =>
    page.locator(`[data-testid="coverage-cell"][data-theme="${theme}"][data-region="${region}"]`);

  /** The reports list once loaded and settled: its count text, row ids and country counts. */
  async function readList(page: Page) {
    await page.locator('[data-testid="reports-table"]:not([aria-busy])').waitFor();
    await page.locator('[data-testid="report-count"]:not(:empty)').waitFor();
    const rows = await page
      .getByTestId('report-row')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-report-id')));
    const countries = await page
      .getByTestId('country-count')
      .evaluateAll((els) => els.map((el) => `${el.getAttribute('data-country')} ${el.getAttribute('data-count')}`));
    return { count: await page.getByTestId('report-count').textContent(), rows, countries };
  }

  it('opens a cell as its filtered reports with counts per country, then announces a new matching report', async () => {
    for (const send of SEEDED) await submit(send);
    const { page, pageErrors } = await suite.open();
    await signInToWorkspace(page, suite.stack.url, ADMIN);
    await page.locator('[data-testid="live-status"][data-state="connected"]').waitFor();
    await page.getByTestId('coverage-heat-map').waitFor();

    // Counts are links named by what they hold; an empty cell is words, not a link.
    const link = page.getByRole('link', { name: `4 reports on ${RIGHTS_EN} in Africa`, exact: true });
    expect(await link.count()).toBe(1);
    expect(await link.textContent()).toBe('4');
    await expect(
      page.getByRole('link', { name: `1 report on ${RIGHTS_EN} in Europe`, exact: true }).count(),
    ).resolves.toBe(1);
    expect(await cell(page, RIGHTS, 'oceania').locator('a').count()).toBe(0);
    expect(await cell(page, RIGHTS, 'oceania').textContent()).toBe('no input');
    expect(await severeViolations(page, 'overview (en)')).toEqual([]);

    // The cell opens the reports list filtered by its theme and region, in the page (no reload).
    await link.click();
    await page.waitForURL((url) => url.pathname === '/admin/reports');
    const params = new URL(page.url()).searchParams;
    expect([params.get('theme'), params.get('region')]).toEqual([RIGHTS, 'africa']);
    expect(await page.getByTestId('report-filters').locator('[name="theme"]').inputValue()).toBe(RIGHTS);
    const listed = await readList(page);
    expect(listed.count).toBe('Reports found: 4');
    expect(listed.rows).toHaveLength(4);
    // Senegal is named by three of the four; France, outside Africa, is listed apart.
    expect(listed.countries).toEqual(['SN 3', 'ML 1', 'MA 1']);
    const breakdown = page.getByTestId('country-breakdown');
    await expect(breakdown.getByRole('heading').textContent()).resolves.toBe(
      `Reports on ${RIGHTS_EN} in Africa, by country`,
    );
    await expect(breakdown.getByTestId('countries-outside').textContent()).resolves.toBe(
      'Also named, outside Africa: France 1.',
    );
    expect(await severeViolations(page, 'reports by theme and region (en)')).toEqual([]);

    // Live: a report from elsewhere is not counted, a matching one is; the list stays put.
    await page.evaluate('window.__stillHere = true');
    await submit({ themes: on(SMUGGLING), region: 'africa', countries: ['SN'] });
    await submit({ themes: on(RIGHTS), region: 'europe', countries: ['ES'] });
    const fresh = await submit({ themes: on(RIGHTS), region: 'africa', countries: ['MA'] });
    const show = page.getByTestId('show-new-reports');
    await show.waitFor();
    expect(await show.textContent()).toBe('1 new report — show');
    expect(await page.getByTestId('new-reports-notice').getAttribute('aria-live')).toBe('polite');
    expect((await readList(page)).rows).toEqual(listed.rows);
    expect(await severeViolations(page, 'reports list with the live notice (en)')).toEqual([]);

    await show.click();
    await show.waitFor({ state: 'detached' });
    await page.locator('[data-testid="report-count"]', { hasText: 'Reports found: 5' }).waitFor();
    const after = await readList(page);
    expect(after.rows).toHaveLength(5);
    expect(after.rows[0]).toBe(fresh);
    expect(after.countries).toEqual(['SN 3', 'MA 2', 'ML 1']);
    // Focus went to the count, not lost with the button.
    expect(await page.evaluate('document.activeElement?.dataset.testid')).toBe('report-count');
    expect(await page.evaluate('window.__stillHere === true')).toBe(true);

    // A country in the breakdown narrows the list to it.
    await breakdown.getByRole('link', { name: 'Morocco' }).click();
    await page.waitForURL((url) => url.searchParams.get('country') === 'MA');
    await page.locator('[data-testid="report-count"]', { hasText: 'Reports found: 2' }).waitFor();
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it('counts a new report under a text search only once the server says it matches', async () => {
    const { page, pageErrors } = await suite.open();
    await signInToWorkspace(page, suite.stack.url, ADMIN);
    await page.locator('[data-testid="live-status"][data-state="connected"]').waitFor();
    // To the reports list within the page, so that the live connection stays open.
    await page
      .getByRole('navigation', { name: 'Workspace' })
      .getByRole('link', { name: 'Reports', exact: true })
      .click();
    const filters = page.getByTestId('report-filters');
    await filters.locator('[name="region"]').selectOption('asia');
    await filters.locator('[name="q"]').fill('warehouses');
    await filters.locator('button[type="submit"]').click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'warehouses');
    const baseline = (await readList(page)).rows;
    expect(baseline).toHaveLength(1);

    // Same region, other words: not counted. The factory's text (warehouses) matches.
    await submit({ region: 'asia', countries: ['TH'], barriers: 'Employers keep the passports of domestic workers.' });
    await submit({ region: 'asia', countries: ['MY'] });
    const show = page.getByTestId('show-new-reports');
    await show.waitFor();
    expect(await show.textContent()).toBe('1 new report — show');
    await show.click();
    await page.locator('[data-testid="report-count"]', { hasText: `Reports found: ${baseline.length + 1}` }).waitFor();
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('names the cells, the breakdown and the notice in Arabic, right to left, without serious axe violations', async () => {
    const { page, pageErrors } = await suite.open({ locale: 'ar' });
    await signInToWorkspace(page, suite.stack.url, ADMIN, 'ar');
    await page.locator('[data-testid="live-status"][data-state="connected"]').waitFor();
    await page.getByTestId('coverage-heat-map').waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    const link = cell(page, RIGHTS, 'africa').getByRole('link');
    expect(await link.getAttribute('aria-label')).toBe(`5 مساهمات عن ${RIGHTS_AR} في أفريقيا`);
    expect(await severeViolations(page, 'overview (ar)')).toEqual([]);

    await link.click();
    await page.waitForURL((url) => url.pathname === '/admin/reports');
    expect((await readList(page)).countries).toEqual(['SN 3', 'MA 2', 'ML 1']);
    await expect(page.getByTestId('country-breakdown').getByRole('heading').textContent()).resolves.toBe(
      `المساهمات عن ${RIGHTS_AR} في أفريقيا حسب البلد`,
    );
    await submit({ themes: on(RIGHTS), region: 'africa', countries: ['ML'] });
    await submit({ themes: on(RIGHTS), region: 'africa', countries: ['SN'] });
    const show = page.locator('[data-testid="show-new-reports"]', { hasText: 'مساهمتان جديدتان (2) — عرض' });
    await show.waitFor();
    expect(await severeViolations(page, 'reports list with the live notice (ar)')).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('says the list may have changed when a report came while the live connection was down', async () => {
    const { page, pageErrors } = await suite.open();
    const live = await liveSwitch(page);
    await signInToWorkspace(page, suite.stack.url, ADMIN);
    await page.locator('[data-testid="live-status"][data-state="connected"]').waitFor();
    await page.getByTestId('coverage-heat-map').waitFor();
    await cell(page, RIGHTS, 'europe').getByRole('link').click();
    await page.waitForURL((url) => url.pathname === '/admin/reports');
    const before = await readList(page);
    expect(before.count).toBe('Reports found: 2');

    // The network drops: the server loses the connection and the browser cannot reconnect yet.
    const notice = page.getByTestId('new-reports-notice');
    live.drop(() => {
      for (const socket of suite.stack.running.realtime.io.sockets.sockets.values()) socket.conn.close();
    });
    await page.locator('[data-testid="new-reports-notice"][data-live="disconnected"]').waitFor({ state: 'attached' });
    const missed = await submit({ themes: on(RIGHTS), region: 'europe', countries: ['IT'] });

    // Back online: the total no longer adds up, and the reader is told so (the list stays).
    live.restore();
    await page
      .locator('[data-testid="new-reports-notice"][data-live="connected"]')
      .waitFor({ state: 'attached', timeout: 30_000 });
    const show = notice.locator('[data-testid="show-new-reports"][data-kind="changed"]');
    await show.waitFor();
    expect(await show.textContent()).toBe(
      'The list may have changed while live updates were interrupted — show the current list',
    );
    expect((await readList(page)).rows).toEqual(before.rows);
    await show.click();
    await page.locator('[data-testid="report-count"]', { hasText: 'Reports found: 3' }).waitFor();
    expect((await readList(page)).rows[0]).toBe(missed);
    expect(await severeViolations(page, 'reports list after reconnecting (en)')).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});

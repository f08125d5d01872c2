import { describe, expect, it } from '@jest/globals';
import type { TCreateReportInput } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { eq, sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { DUPLICATE_SAMPLES } from '../../server/src/services/review/duplicates.fixture.js';
import { reportBody, truncateActivity } from '../factories.js';
import { useBrowserSuite } from '../support/browser-suite.js';
import { ADMIN } from '../support/stack.js';
import { severeViolations, signInToWorkspace } from '../support/workspace-steps.js';

/*
 * A reviewer meets two reports that say the same in other words: the list flags both rows
 * with the other's code and similarity, the detail page offers the merge behind a
 * confirmation step, and once merged the list shows the pair once with both codes; the merge
 * is undone from the page. In real Chromium, in English and in Arabic, checked with axe.
 */

const THEME = 'human-rights-inclusion';

describe('near-duplicate reports in the workspace, in Chromium', () => {
  const suite = useBrowserSuite({
    kind: 'pglite',
    smtp: false,
    withWorker: false,
    env: { REPORT_RATE_LIMIT: '10000' },
  });

  async function submit(overrides: Partial<TCreateReportInput>): Promise<{ id: string; code: string }> {
    const body = reportBody({ corridor: null, themes: [{ slug: THEME, provenance: 'chosen' }], ...overrides });
    const res = await suite.stack.request('/api/reports', { method: 'POST', json: body });
    expect(res.status).toBe(201);
    const [row] = await suite.stack.db
      .select({ id: tables.reports.id, number: tables.reports.number })
      .from(tables.reports)
      .where(eq(tables.reports.clientSubmissionId, body.clientSubmissionId));
    return { id: row!.id, code: `R-${String(row!.number).padStart(4, '0')}` };
  }

  const rowOf = (page: Page, id: string) => page.locator(`[data-testid="report-row"][data-report-id="${id}"]`);

  async function openList(page: Page, search = '') {
    await page.goto(`${suite.stack.url}/admin/reports${search}`);
    await page.locator('[data-testid="reports-table"]:not([aria-busy])').waitFor();
    await page.locator('[data-testid="report-count"]:not(:empty)').waitFor();
  }

  it('flags a reworded duplicate in the list, merges it after confirmation, lists the pair once, and undoes it (en)', async () => {
    await truncateActivity(suite.stack.db);
    const samples = DUPLICATE_SAMPLES.en;
    const kept = await submit({ barriers: samples.original });
    const duplicate = await submit({ barriers: samples.reworded });
    const unrelated = await submit({ barriers: samples.unrelated[0] });
    const { page, pageErrors } = await suite.open();
    await signInToWorkspace(page, suite.stack.url, ADMIN);
    await openList(page);

    // Both rows flagged with the other's code; the unrelated one not.
    await expect(rowOf(page, duplicate.id).getByTestId('report-code').textContent()).resolves.toBe(duplicate.code);
    const flag = rowOf(page, duplicate.id).getByTestId('duplicate-flag');
    expect(await flag.textContent()).toMatch(new RegExp(`^Possible duplicate of ${kept.code} \\(\\d+ ?% similar\\)$`));
    await expect(rowOf(page, kept.id).getByTestId('duplicate-flag').count()).resolves.toBe(1);
    await expect(rowOf(page, unrelated.id).getByTestId('duplicate-flag').count()).resolves.toBe(0);
    expect(await severeViolations(page, 'reports list with duplicates (en)')).toEqual([]);

    // The flag leads to the other report, whose page names its code and the duplicate.
    await flag.getByRole('link').click();
    await page.waitForURL((url) => url.pathname === `/admin/reports/${kept.id}`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(kept.code);
    const candidate = page.locator(`[data-testid="duplicate-candidate"][data-report-id="${duplicate.id}"]`);
    await candidate.waitFor();
    await candidate.getByRole('button', { name: `Merge with ${duplicate.code}…` }).click();
    const confirm = page.getByTestId('merge-confirm');
    await confirm.waitFor();
    // The report received first is kept unless the reviewer says otherwise; nothing merged yet.
    expect(await page.getByTestId(`keep-${kept.id}`).isChecked()).toBe(true);
    expect(await page.evaluate('document.activeElement?.tagName')).toBe('H3');
    const [before] = await suite.stack.db
      .select({ mergedInto: tables.reports.mergedInto })
      .from(tables.reports)
      .where(eq(tables.reports.id, duplicate.id));
    expect(before!.mergedInto).toBeNull();
    expect(await severeViolations(page, 'merge confirmation (en)')).toEqual([]);
    await confirm.getByRole('button', { name: `Merge ${duplicate.code} into ${kept.code}` }).click();
    await page.getByTestId('merged-lineage').waitFor();
    expect(await page.getByTestId('merged-lineage').textContent()).toContain(duplicate.code);

    // The list: the pair once, under the kept report, naming both codes.
    await openList(page);
    expect(
      await page.getByTestId('report-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-report-id'))),
    ).toEqual([unrelated.id, kept.id]);
    await expect(rowOf(page, kept.id).getByTestId('row-lineage').textContent()).resolves.toBe(
      `merged: ${duplicate.code}`,
    );
    await expect(rowOf(page, kept.id).getByTestId('duplicate-flag').count()).resolves.toBe(0);

    // Its code still finds the merged one, which says where it went; the merge is undone there.
    const filters = page.getByTestId('report-filters');
    await filters.locator('[name="q"]').fill(duplicate.code);
    await filters.locator('button[type="submit"]').click();
    await page.waitForURL((url) => url.searchParams.get('q') === duplicate.code);
    await rowOf(page, duplicate.id).getByTestId('row-merged-into').waitFor();
    await page.goto(`${suite.stack.url}/admin/reports/${duplicate.id}`);
    await page.getByTestId('merged-into').waitFor();
    await page.getByTestId('unmerge').click();
    await page.locator(`[data-testid="duplicate-candidate"][data-report-id="${kept.id}"]`).waitFor();
    const rows = await suite.stack.db.execute(
      sql`select count(*)::int as n from reports where merged_into is not null`,
    );
    expect((rows as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it('shows the flag and the merge in Arabic, right to left, without serious axe violations', async () => {
    await truncateActivity(suite.stack.db);
    const samples = DUPLICATE_SAMPLES.ar;
    const kept = await submit({ language: 'ar', barriers: samples.original });
    const duplicate = await submit({ language: 'ar', barriers: samples.resent });
    const { page, pageErrors } = await suite.open({ locale: 'ar' });
    await signInToWorkspace(page, suite.stack.url, ADMIN, 'ar');
    await openList(page);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    const flag = rowOf(page, duplicate.id).getByTestId('duplicate-flag');
    expect(await flag.textContent()).toContain(`تكرار محتمل للمساهمة ${kept.code}`);
    expect(await severeViolations(page, 'reports list with duplicates (ar)')).toEqual([]);

    await page.goto(`${suite.stack.url}/admin/reports/${kept.id}`);
    const candidate = page.locator(`[data-testid="duplicate-candidate"][data-report-id="${duplicate.id}"]`);
    await candidate.waitFor();
    await page.getByTestId(`merge-${duplicate.id}`).click();
    await page.getByTestId('merge-confirm').waitFor();
    expect(await severeViolations(page, 'merge confirmation (ar)')).toEqual([]);
    await page.getByTestId('confirm-merge').click();
    await page.getByTestId('merged-lineage').waitFor();
    expect(await severeViolations(page, 'merged report (ar)')).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 180_000);
});

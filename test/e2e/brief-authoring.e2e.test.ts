import { readFile } from 'node:fs/promises';
import { describe, expect, it } from '@jest/globals';
import { reportCode, type TBriefEditorialView } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { reportBody } from '../factories.js';
import { useBrowserSuite } from '../support/browser-suite.js';
import { signIn as apiSignIn, type CoordinatorSession } from '../support/coordinator-session.js';
import { ADMIN } from '../support/stack.js';
import { severeViolations, signInToWorkspace } from '../support/workspace-steps.js';

/*
 * A coordinator writes a theme's brief in real Chromium: on the compile page, where every report
 * shows its code (R-0042), they write a French summary and a key barrier citing a report by its
 * code, feature another report's barriers as a quote, save, and download the brief in French.
 * A code that is no included report of the theme is refused before anything is sent. No serious
 * axe violation in English or in Arabic (right to left).
 */

const THEME = 'smuggling-trafficking';

describe('writing a brief on the compile page', () => {
  const suite = useBrowserSuite({ kind: 'pglite', smtp: false, withWorker: false });
  let api: CoordinatorSession;
  const codes: string[] = [];
  const ids: string[] = [];

  async function expectAccessible(page: Page, when: string) {
    expect(await severeViolations(page, when)).toEqual([]);
  }

  async function signIn(page: Page) {
    await signInToWorkspace(page, suite.stack.url, ADMIN);
  }

  async function included(barriers: string): Promise<void> {
    const stack = suite.stack;
    api ??= await apiSignIn(stack);
    const body = reportBody({ themes: [{ slug: THEME, provenance: 'chosen' }], barriers });
    expect((await stack.request('/api/reports', { method: 'POST', json: body })).status).toBe(201);
    const [row] = await stack.db
      .select({ id: tables.reports.id, number: tables.reports.number })
      .from(tables.reports)
      .where(sql`${tables.reports.clientSubmissionId} = ${body.clientSubmissionId}`);
    const res = await stack.request(`/api/admin/reports/${row!.id}`, {
      method: 'PATCH',
      json: { status: 'included' },
      headers: api.headers,
    });
    expect(res.status).toBe(200);
    ids.push(row!.id);
    codes.push(reportCode(row!.number));
  }

  it('writes the editorial in French citing codes, features a quote, and downloads the brief in French', async () => {
    await included('Migrants held for ransom in warehouses near the border.');
    await included('Smugglers confiscate phones and documents at the first stop.');
    const { page, pageErrors } = await suite.open({ acceptDownloads: true });
    await signIn(page);
    await page.goto(`${suite.stack.url}/admin/compile/${THEME}`);
    const editor = page.getByTestId('brief-editor');
    await editor.waitFor();
    const shown = await page.getByTestId('report-code').allTextContents();
    expect(shown.join(' ')).toContain(codes[0]);
    expect(shown.join(' ')).toContain(codes[1]);
    await expectAccessible(page, 'compile with the brief editor');

    await page.getByTestId('brief-language').selectOption('fr');
    await page.locator('#brief-summary').fill('Rançons et confiscations (2027) - sur la route.');
    await page.getByTestId('brief-key-barriers-add').click();
    await page.locator('#brief-key-barriers-0-text').fill('Des migrants retenus contre rançon.');
    // A code that is no report of this brief is refused before anything is sent.
    await page.locator('#brief-key-barriers-0-codes').fill(`${codes[0]}, R-99999`);
    await page.getByTestId('brief-save').click();
    await expect(page.getByTestId('brief-unknown-codes').textContent()).resolves.toContain('R-99999');
    await page.locator('#brief-key-barriers-0-codes').fill(codes[0]!);
    await page
      .locator(`[data-testid="compiled-report"][data-code="${codes[1]}"]`)
      .getByTestId('feature-barriers')
      .click();
    await page.locator(`[data-testid="brief-quote"][data-code="${codes[1]}"]`).waitFor();
    await page.getByTestId('brief-save').click();
    await page.getByText('Editorial saved.').waitFor();

    const view = (await (
      await suite.stack.request(`/api/admin/compilations/brief/${THEME}`, { headers: api.headers })
    ).json()) as TBriefEditorialView;
    expect(view.editorial.summary).toEqual({ fr: 'Rançons et confiscations (2027) - sur la route.' });
    expect(view.editorial.keyBarriers).toEqual([
      { text: { fr: 'Des migrants retenus contre rançon.' }, reportIds: [ids[0]] },
    ]);
    expect(view.editorial.quotes).toEqual([{ reportId: ids[1], field: 'barriers' }]);

    await page.getByTestId('export-language').selectOption('fr');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-md').first().click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/-fr\.md$/);
    const markdown = await readFile((await download.path())!, 'utf8');
    expect(markdown).toContain('## Résumé');
    expect(markdown).toContain('Rançons et confiscations (2027) - sur la route.');
    expect(markdown).toContain(`Fondé sur : ${codes[0]}`);
    expect(markdown).toContain(`**${codes[1]}, Obstacles** *(original en anglais)*`);
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('has no serious axe violation in Arabic, right to left, with the editor open', async () => {
    const { page, pageErrors } = await suite.open({ locale: 'ar' });
    await signIn(page);
    await page.goto(`${suite.stack.url}/admin/compile/${THEME}`);
    await page.getByTestId('brief-editor').waitFor();
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    await expect(page.locator('#brief-editor-title').textContent()).resolves.toBe('الأجزاء التحريرية للموجز');
    await expectAccessible(page, 'compile with the brief editor (ar)');
    expect(pageErrors).toEqual([]);
  }, 90_000);
});
